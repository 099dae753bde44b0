import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "./actor.ts";
import type { Db, Trx } from "./database.ts";
import { ConflictError, type FieldErrors, ValidationError } from "./errors.ts";
import { signInFirst } from "./http-pages.ts";
import { bodyOf, field, versionOf } from "./http-params.ts";

// What every form's routes share: reading a posted form, and runChange, the one pipeline a posted
// change goes through (sign-in first, ids from the address, a field allow-list, the version, one
// transaction, a 303 when done, the form again with its errors and input when refused).
// views/form-parts.ts draws such forms from a FormState.

export type Form = Record<string, string | undefined>;

/** What a refused form shows again: which form, the input kept, and the messages. */
export interface FormState<F extends string = string> {
  /** Which form on the page came back. */
  form: F;
  /** The submitted fields, shown again so nothing typed is lost. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** A conflict's message (someone saved first, agreed minutes…), shown above the form. */
  conflict?: string | undefined;
  /** On a page of several forms, where the error belongs. */
  anchor?: string | undefined;
}

/** Every posted field as text (a repeated field or an object counts as absent). */
export function formOf(request: FastifyRequest): Form {
  const body = bodyOf(request);
  const form: Form = {};
  for (const name of Object.keys(body)) {
    const value = name === "_csrf" ? undefined : field(body, name);
    if (value !== undefined) form[name] = value;
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

/** The address's parameters as text (Fastify gives them so; a missing one is undefined). */
export type Params = Record<string, string | undefined>;

/** What the pipeline has read from a posted form before the change runs. */
export interface Posted<I, N extends string> {
  /** The ids from the address, as `ids` read them. */
  ids: I;
  /** The allowed fields (`fields`), each as text or absent. */
  values: Record<N, string | undefined>;
  /**
   * The version the form was made from. Read only when used (forms that create have none): a
   * missing or malformed one throws a ValidationError naming `version`, so the form comes back
   * with a 400 rather than a conflict.
   */
  readonly version: number;
  requestId: string;
}

/** How one posted form is handled; see runChange. */
export interface ChangeSpec<I, N extends string> {
  /** Where the public are brought back to after signing in. */
  returnTo: string;
  /** Reads the ids in the address; a malformed one throws NotFoundError (read after sign-in). */
  ids?: (params: Params) => I;
  /** The fields the change may read; without it, every posted field. */
  fields?: readonly N[];
  /** The change, in its transaction; returns the address to go to when done. */
  change: (trx: Trx, actor: Actor, form: Form, posted: Posted<I, N>) => Promise<string>;
  /**
   * The form again, after field errors (400) or a conflict (409), with the input kept. Without it
   * (a button with nothing to type), a refusal is answered by the error pages, with its status.
   */
  refused?: (
    state: Omit<FormState, "form">,
    status: number,
    posted: Posted<I, N>,
    error: ValidationError | ConflictError,
  ) => Promise<FastifyReply>;
}

/**
 * The one way a posted form changes data. The public are sent to sign in first (and brought back
 * to `returnTo`); malformed ids in the address are "not found"; only the allowed fields are read,
 * with the version the form was made from; the change runs in one transaction with the actor
 * tied to the request. Done: a 303 to the address the change returns. Refused with field errors
 * or a conflict: `refused` shows the form again, with the input kept and the error's status.
 */
export async function runChange<I = Record<string, never>, const N extends string = string>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: ChangeSpec<I, N>,
): Promise<FastifyReply> {
  const redirect = signInFirst(request, reply, spec.returnTo);
  if (redirect) return redirect;
  const ids = spec.ids ? spec.ids(request.params as Params) : ({} as I);
  const all = formOf(request);
  const form: Form = spec.fields ? Object.fromEntries(spec.fields.map((n) => [n, all[n]])) : all;
  const posted: Posted<I, N> = {
    ids,
    values: form as Record<N, string | undefined>,
    get version() {
      return versionOf(bodyOf(request));
    },
    requestId: request.id,
  };
  const actor = { ...request.actor, requestId: request.id };
  let done: string;
  try {
    done = await db.transaction().execute((trx) => spec.change(trx, actor, form, posted));
  } catch (error) {
    if (spec.refused && (error instanceof ValidationError || error instanceof ConflictError))
      return spec.refused(
        {
          values: kept(form),
          errors: error.fields,
          conflict: error instanceof ConflictError ? error.message : undefined,
        },
        error.status,
        posted,
        error,
      );
    throw error;
  }
  return reply.redirect(done, 303);
}
