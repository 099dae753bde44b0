/**
 * The small catalogue of errors a service may throw. Routes turn them into answers:
 * HTML pages re-render with an error summary, the API answers { error: { code, message, fields } }.
 */
export type ErrorCode =
  | "validation"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "rate_limited"
  | "unavailable";

/** Field name → message, in the order the fields appear on the form. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldErrors;

  constructor(code: ErrorCode, status: number, message: string, fields: FieldErrors = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

/** What a refused form says when no answer-specific message is given. */
export const ANSWERS_NEED_CORRECTING = "Some answers need correcting.";

export class ValidationError extends DomainError {
  constructor(fields: FieldErrors, message = ANSWERS_NEED_CORRECTING) {
    super("validation", 400, message, fields);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "We could not find that page.") {
    super("not_found", 404, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", 409, message);
  }
}

/**
 * Someone else saved the record since the form was made from it (its version has moved on), so
 * nothing was saved: the form comes back with the person's input and what is saved now.
 */
export class StaleVersionError extends ConflictError {
  constructor(what: "change" | "removal" = "change") {
    super(
      what === "change"
        ? "Someone else saved a change to this since you opened the page. Your change has not been saved: " +
            "what is saved now is shown beside each of your answers that differs from it. Check it, then save again."
        : "Someone else saved a change to this since you opened the page. Your change has not been saved: " +
            "check it as it is now, then remove it again if you still mean to.",
    );
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super("forbidden", 403, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in to do that.") {
    super("unauthenticated", 401, message);
  }
}

/** Something Waymark relies on (the mail server) did not answer: nothing was saved, try again later. */
export class UnavailableError extends DomainError {
  /** Sent as Retry-After: when it is worth asking again, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, retryAfterSeconds?: number) {
    super("unavailable", 503, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The database is away (a PostgreSQL restart or failover) or too busy to take another request
 * (the embedded database's queue is full): the request did nothing, and may be sent again soon.
 */
export class DatabaseUnavailableError extends UnavailableError {
  constructor(
    message = "Waymark cannot reach its database at the moment. Please try again in a minute; " +
      "if you were saving something, check whether it was saved.",
    retryAfterSeconds = 5,
  ) {
    super(message, retryAfterSeconds);
  }
}

export function errorBody(error: DomainError): {
  error: { code: ErrorCode; message: string; fields: FieldErrors };
} {
  return { error: { code: error.code, message: error.message, fields: error.fields } };
}
