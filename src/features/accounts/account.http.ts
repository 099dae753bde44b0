import type { FastifyReply, FastifyRequest } from "fastify";
import type { SafeHtml } from "../../platform/html.ts";
import { bodyOf, field } from "../../platform/http-params.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { page } from "../../platform/views/layout.ts";
import { SESSION_HOURS } from "./session.service.ts";
import { waitInWords } from "./throttle.service.ts";

// What the account routes share: the session cookie, the client's address, and sending a page.

export const SESSION_COOKIE = "wm_session";

/** Only a path on this site may be returned to after sign-in, never another site. */
export function safeReturnTo(value: unknown): string {
  // Printable ASCII only (addresses arrive %-encoded): a control or non-Latin character in the
  // Location header would fail the answer, and a line break could add headers of its own.
  return typeof value === "string" && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length < 2000
    ? value
    : "/manage";
}

/** Gives the browser the session cookie of a sign-in (password, link or single sign-on). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
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
