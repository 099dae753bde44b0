import type { FastifyReply, FastifyRequest } from "fastify";
import type { SafeHtml } from "../../platform/html.ts";
import { bodyOf, field } from "../../platform/http-params.ts";
import { rotateCsrfToken } from "../../platform/security/csrf.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { page } from "../../platform/views/layout.ts";
import { SESSION_HOURS } from "./session.service.ts";
import { waitInWords } from "./throttle.service.ts";

// What the account routes share: the session cookie, the client's address, and sending a page.

const SESSION_COOKIE = "wm_session";

/**
 * The session cookie's name. When people reach Waymark over https (WAYMARK_BASE_URL), it carries
 * the __Host- prefix: browsers then take it only from this exact host, Secure, for the whole site
 * and with no Domain, so a neighbouring subdomain can neither set nor overwrite it (a session
 * planted so would sign the visitor in as someone else). Over plain http (local development)
 * browsers refuse the prefix, so the plain name is used.
 */
export function sessionCookieName(baseUrl: string): string {
  return isHttps(baseUrl) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

function isHttps(baseUrl: string): boolean {
  return /^https:/i.test(baseUrl);
}

/** The session cookie, as the routes that sign people in and out read, give and clear it. */
export interface SessionCookie {
  name: string;
  /** The token this browser sent, if any. */
  read(request: FastifyRequest): string | undefined;
  /** Gives the browser the cookie of a sign-in (password, link or single sign-on) and a new CSRF token. */
  signIn(request: FastifyRequest, reply: FastifyReply, token: string): void;
  /** Clears the cookie (signed out) and gives the browser a new CSRF token. */
  signOut(request: FastifyRequest, reply: FastifyReply): void;
}

/** The session cookie for Waymark reached at `baseUrl`. */
export function sessionCookie(baseUrl: string): SessionCookie {
  const name = sessionCookieName(baseUrl);
  // A __Host- cookie must be Secure, even on a request the proxy did not say came over https.
  const secure = (request: FastifyRequest) => isHttps(baseUrl) || request.protocol === "https";
  return {
    name,
    read: (request) => request.cookies[name],
    signIn(request, reply, token) {
      reply.setCookie(name, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: secure(request),
        maxAge: SESSION_HOURS * 3600,
      });
      rotateCsrfToken(request, reply);
    },
    signOut(request, reply) {
      // A browser ignores a Set-Cookie for a __Host- name that is not Secure, a clearing one too.
      reply.clearCookie(name, { path: "/", httpOnly: true, sameSite: "lax", secure: secure(request) });
      rotateCsrfToken(request, reply);
    },
  };
}

/** Only a path on this site may be returned to after sign-in, never another site. */
export function safeReturnTo(value: unknown): string {
  // Printable ASCII only (addresses arrive %-encoded): a control or non-Latin character in the
  // Location header would fail the answer, and a line break could add headers of its own.
  return typeof value === "string" && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length < 2000
    ? value
    : "/manage";
}

/** The client's address, for throttling (from X-Forwarded-For only when the proxy is trusted: WAYMARK_TRUST_PROXY). */
export function clientAddress(request: FastifyRequest): string {
  return request.ip || "unknown";
}

/** An account page: never stored by any cache (it carries form state, or a token in its address). */
export function sendAccountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; content: SafeHtml; status?: number; hasErrors?: boolean },
): FastifyReply {
  // No status given: keep one already set (400 by the caller, 429 by tooManyRequests), else 200.
  if (options.status) reply.status(options.status);
  return reply
    .header("cache-control", "private, no-store")
    .type("text/html; charset=utf-8")
    .send(
      page({
        title: formTitle(options.title, options.hasErrors ?? false),
        actor: request.actor,
        csrfToken: request.csrfToken,
        content: options.content,
      }).value,
    );
}

/** 429 Too Many Requests with Retry-After; returns the plain message for the page. */
export function tooManyRequests(reply: FastifyReply, retryAfterSeconds: number, what: string): string {
  reply.status(429).header("retry-after", String(retryAfterSeconds));
  return `There have been too many ${what} from this connection. Wait ${waitInWords(retryAfterSeconds)}, then try again.`;
}

/** One form field as text; a repeated field or anything else counts as absent. */
export function formField(request: FastifyRequest, name: string): string {
  return field(bodyOf(request), name) ?? "";
}
