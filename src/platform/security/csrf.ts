import crypto from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError } from "../errors.ts";

const COOKIE = "wm_csrf";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Over https the cookie carries the __Host- prefix: browsers then accept it only from this exact
 * host, Secure and for the whole site, so a neighbouring subdomain cannot plant a token of its
 * choosing (the known weakness of a plain double-submit cookie). Over plain http (development,
 * tests) browsers refuse the prefix, so the plain name is used.
 */
function cookieName(request: FastifyRequest): string {
  return request.protocol === "https" ? `__Host-${COOKIE}` : COOKIE;
}

/** The visitor's token from their cookie, if it has one of the right shape. */
function cookieToken(request: FastifyRequest): string | undefined {
  const value = request.cookies[cookieName(request)];
  return value && TOKEN.test(value) ? value : undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?._csrf === "string" ? body._csrf : undefined;
}

/** A new random token, in the cookie and for this request's forms. */
function giveNewToken(request: FastifyRequest, reply: FastifyReply): void {
  request.csrfToken = crypto.randomBytes(32).toString("base64url");
  reply.setCookie(cookieName(request), request.csrfToken, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
  });
}

/**
 * Turns the visitor's token over, when who is signed in changes (sign-in, sign-out): a token
 * seen or planted before (by a neighbouring subdomain, or on a shared computer's last page) stops
 * working, and the page the browser is sent to next carries the new one.
 */
export function rotateCsrfToken(request: FastifyRequest, reply: FastifyReply): void {
  giveNewToken(request, reply);
}

/**
 * CSRF protection by double submit: every visitor gets a random token in an HttpOnly, SameSite
 * cookie, every form carries it in a hidden `_csrf` field (or an X-CSRF-Token header), and every
 * state-changing request must present both, equal. A cross-site page can neither read the cookie
 * nor guess the token.
 */
export function registerCsrf(app: FastifyInstance): void {
  app.decorateRequest("csrfToken", "");
  app.addHook("onRequest", async (request, reply) => {
    const existing = cookieToken(request);
    if (existing) request.csrfToken = existing;
    else giveNewToken(request, reply);
  });
  // An answer that shared caches may keep and hand to everyone must not set the token cookie,
  // or every visitor served from the cache would share one token. Such answers have no forms
  // (the public's only form is the sign-in page, which is never cached): the token is set on
  // the next uncached page instead.
  app.addHook("onSend", async (_request, reply) => {
    if (/^public\b/.test(String(reply.getHeader("cache-control") ?? ""))) reply.removeHeader("set-cookie");
  });
  // preValidation: the body is parsed, and no route's own schema has judged it yet, so a request
  // without the token is refused as such (403) before its fields are checked (400).
  // A multipart form (a file upload) is the exception: its fields are read by the upload route's
  // own preValidation hook, which runs after this one, so its _csrf field is checked in preHandler,
  // still before the route does anything. An X-CSRF-Token header is checked at once.
  app.addHook("preValidation", async (request) => {
    if (!UNSAFE.has(request.method) || request.viaToken) return;
    if (isMultipart(request) && typeof request.headers["x-csrf-token"] !== "string") return;
    checkToken(request);
  });
  app.addHook("preHandler", async (request) => {
    if (!UNSAFE.has(request.method) || request.viaToken || !isMultipart(request)) return;
    checkToken(request);
  });
}

function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(String(request.headers["content-type"] ?? ""));
}

/** Refuses the request unless the token it submits equals the one in the visitor's cookie. */
function checkToken(request: FastifyRequest): void {
  // A personal API token in the Authorization header, checked on arrival, is proof enough: a
  // cross-site page cannot send that header (the callers skip the check for request.viaToken).
  const submitted = submittedToken(request);
  // Only a well-formed token from the cookie counts: a malformed cookie vouches for nothing.
  const cookie = cookieToken(request);
  if (!submitted || !cookie || !sameToken(submitted, cookie)) {
    throw new ForbiddenError(
      request.url.startsWith("/api/")
        ? "This request did not come from Waymark's pages and has no API token. From a script, send your personal API token as `Authorization: Bearer …`; from a signed-in browser, send the CSRF token in X-CSRF-Token."
        : "This form has expired or did not come from Waymark. Go back, reload the page and try again.",
    );
  }
}
