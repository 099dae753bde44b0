import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { PUBLIC } from "./actor.ts";
import { isDatabaseUnavailable } from "./database.ts";
import {
  DatabaseUnavailableError,
  DomainError,
  errorBody,
  NotFoundError,
  UnavailableError,
  ValidationError,
} from "./errors.ts";
import { html } from "./html.ts";
import { setSecurityHeaders } from "./security/headers.ts";
import { page } from "./views/layout.ts";

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

const TYPE_NAMES: Record<string, string> = {
  integer: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
};

/** A schema-validation message in plain words where the validator's own is terse. */
function fieldMessage(item: NonNullable<FastifyError["validation"]>[number]): string {
  const params = (item.params ?? {}) as Record<string, unknown>;
  if (item.keyword === "required") return "is required";
  if (item.keyword === "type" && typeof params.type === "string") {
    return `must be ${TYPE_NAMES[params.type] ?? params.type}`;
  }
  if (item.keyword === "minimum") return `must be ${String(params.limit)} or more`;
  if (item.keyword === "maximum") return `must be ${String(params.limit)} or less`;
  return item.message ?? "is not valid";
}

/** Turns Fastify's schema-validation errors into field messages: "query.from" → "from". */
function validationFields(error: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const item of error.validation ?? []) {
    const missing = (item.params as { missingProperty?: string } | undefined)?.missingProperty;
    const field =
      missing ??
      (item.instancePath.replace(/^\//, "").replaceAll("/", ".") || error.validationContext || "request");
    fields[field] ??= fieldMessage(item);
  }
  return fields;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: DomainError): FastifyReply {
  // Refused before the security hooks ran (the embedded database's request limit): the public.
  request.actor ??= PUBLIC;
  reply.status(error.status);
  if (error instanceof UnavailableError && error.retryAfterSeconds !== undefined)
    reply.header("retry-after", String(error.retryAfterSeconds));
  if (isApiRequest(request)) return reply.send(errorBody(error));
  const heading =
    error.status === 404
      ? "Page not found"
      : error.status === 409
        ? "Someone else changed this"
        : "There is a problem";
  return reply.type("text/html; charset=utf-8").send(
    page({
      title: heading,
      actor: request.actor,
      csrfToken: request.csrfToken,
      content: html`<h1>${heading}</h1><p>${error.message}</p>${
        error.status === 401
          ? html`<p><a href="/sign-in">Sign in</a></p>`
          : html`<p><a href="/">Go to the home page</a></p>`
      }`,
    }).value,
  );
}

function sendInternalError(request: FastifyRequest, reply: FastifyReply, error: Error): FastifyReply {
  request.log.error({ err: error }, "unhandled error");
  reply.status(500);
  const message =
    "Something went wrong on our side. Please try again; if it keeps happening, tell the programme team.";
  if (isApiRequest(request)) return reply.send({ error: { code: "internal", message, fields: {} } });
  return reply.type("text/html; charset=utf-8").send(
    page({
      title: "Sorry, there is a problem with the service",
      actor: request.actor,
      csrfToken: request.csrfToken,
      content: html`<h1>Sorry, there is a problem with the service</h1><p>${message}</p>`,
    }).value,
  );
}

/** One error policy for the whole app: domain errors are explained; anything else is logged and hidden. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return sendError(request, reply, error);
    if (isDatabaseUnavailable(error)) {
      // Not a fault in Waymark: the database restarts or fails over, and the pool reconnects.
      request.log.warn({ err: error }, "the database is unavailable; answered 503");
      return sendError(request, reply, new DatabaseUnavailableError());
    }
    if (error.validation) {
      return sendError(
        request,
        reply,
        new ValidationError(validationFields(error), "The request is not valid."),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
      const domain = new DomainError("validation", error.statusCode, error.message);
      return sendError(request, reply, domain);
    }
    return sendInternalError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new NotFoundError()));
}

/**
 * Fastify's router refuses some addresses before any route or hook runs (a broken %-escape, a
 * path segment over the router's length limit); pass as `frameworkErrors` so they are answered
 * like every other error instead of in Fastify's own JSON shape.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  request.actor ??= PUBLIC;
  // The router refused the address before any hook ran, so the onSend hook will not add these.
  setSecurityHeaders(request, reply);
  if (error.code === "FST_ERR_BAD_URL") {
    sendError(
      request,
      reply,
      new DomainError("validation", 400, "This address is not valid: check it for a stray % sign."),
    );
  } else if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    const message = "This address is too long: part of it is longer than anything we keep.";
    sendError(request, reply, new DomainError("validation", 414, message));
  } else {
    sendInternalError(request, reply, error);
  }
}
