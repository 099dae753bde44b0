import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Sets the security headers on one answer. */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  // A route may set a stricter one (a stored file's download is sandboxed: platform/uploads.ts).
  if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", CSP);
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("referrer-policy", "same-origin");
  if (request.protocol === "https")
    reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
}

/**
 * Security headers on every answer: a strict CSP (no inline script or style), no framing, no
 * sniffing. Addresses the router refuses outright skip the hooks: handleFrameworkError sets them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply) => {
    setSecurityHeaders(request, reply);
  });
}
