import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "./actor.ts";
import type { Db, Trx } from "./database.ts";
import { ConflictError, type FieldErrors, ValidationError } from "./errors.ts";
import { signInFirst } from "./http-pages.ts";

// What every managing form's routes share: reading a posted form, and running a change (sign-in
// first, one transaction, a 303 when done, the form again with its errors and input when refused).
// views/form-parts.ts draws such forms from a FormState.

export type Form = Record<string, string | undefined>;

/** What a refused form shows again: which form, the input kept, and the messages. */
export interface FormState {
  form: string;
  values: Record<string, string>;
  errors: FieldErrors;
  /** A conflict's message (agreed minutes, an existing member…), shown above the form. */
  conflict?: string | undefined;
}

/** Every posted field as text (a repeated field or an object counts as absent). */
export function formOf(request: FastifyRequest): Form {
  const body =
    typeof request.body === "object" && request.body !== null
      ? (request.body as Record<string, unknown>)
      : {};
  const form: Form = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") form[key] = value;
    else if (typeof value === "number") form[key] = String(value);
  }
  return form;
}

export function kept(form: Form): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The day, month and year fields of a date named `name`. */
export function dateFields(form: Form, name: string) {
  return { day: form[`${name}-day`], month: form[`${name}-month`], year: form[`${name}-year`] };
}

/**
 * Runs one posted change in its own transaction. Done: a 303 to the address `change` returns.
 * Refused with field errors or a conflict: `refused` shows the form again, with the input kept.
 */
export async function runChange(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: {
    returnTo: string;
    change: (trx: Trx, actor: Actor, form: Form) => Promise<string>;
    refused: (state: Omit<FormState, "form">, status: number) => Promise<FastifyReply>;
  },
): Promise<FastifyReply> {
  const redirect = signInFirst(request, reply, spec.returnTo);
  if (redirect) return redirect;
  const form = formOf(request);
  const actor = { ...request.actor, requestId: request.id };
  let done: string;
  try {
    done = await db.transaction().execute((trx) => spec.change(trx, actor, form));
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ConflictError)
      return spec.refused(
        {
          values: kept(form),
          errors: error.fields,
          conflict: error instanceof ConflictError ? error.message : undefined,
        },
        error.status,
      );
    throw error;
  }
  return reply.redirect(done, 303);
}
