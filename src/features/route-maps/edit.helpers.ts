import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ConflictError, ValidationError } from "../../platform/errors.ts";
import { kept } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import {
  bodyOf,
  type Fields,
  field,
  idParam as platformIdParam,
  queryOf,
  versionOf,
} from "../../platform/http-params.ts";
import { formTitle } from "../../platform/views/forms.ts";
import type { EditionTarget } from "./edition-editing.guard.ts";
import { getEditionForEditing } from "./edition-editing.service.ts";
import type { Section } from "./route-map.types.ts";
import { editEditionTitle, editEditionView, publishedEditionView } from "./views/edit-edition.view.ts";
import type { EditFormState } from "./views/edit-page.ts";
import { DETAILS_ANCHOR, SECTION_INFO } from "./views/edit-sections.ts";
import { editionPath } from "./views/route-map.view.ts";

// What the editing routes (edit.routes.ts, edit-item.routes.ts) share: reading a posted form and
// the ids in its address, posting a change, and answering with a page, a redirect or the edit
// page again with the refused form's errors.

export type Params = Record<string, string | undefined>;
function pick<const N extends string>(body: Fields, names: readonly N[]): Record<N, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<N, string | undefined>;
}

/** An edition's or an item's id from the address; a malformed one is "not found". */
export function idParam(value: string | undefined): number {
  return platformIdParam(value, "edition or item");
}

/** The edition named in the address. */
export function editionIds(params: Params): { editionId: number } {
  return { editionId: idParam(params.id) };
}

/** The edition and the item named in the address. */
export function itemIds(params: Params): { editionId: number; itemId: number } {
  return { editionId: idParam(params.id), itemId: idParam(params.itemId) };
}

export { queryOf as query, sendPrivatePage as sendPage, signInFirst };

/** The edit page after a change: at the section changed, with a confirmation (see `saved`). */
export function savedPath(editionId: number, saved: string, section?: Section): string {
  const anchor = section ? SECTION_INFO[section].anchor : saved === "details" ? DETAILS_ANCHOR : undefined;
  return `/manage/editions/${editionId}?saved=${saved}${section ? `&section=${section}` : ""}${anchor ? `#${anchor}` : ""}`;
}

/** Why a change came back to its form: field errors, or someone else saved first. */
export type Refusal = ValidationError | ConflictError;

export function conflictOf(error: Refusal): string | undefined {
  return error instanceof ConflictError ? error.message : undefined;
}

/** A posted form, checked as far as the route can: the ids in its address and its fields. */
export type PostedForm<I, N extends string> = I & {
  /** Which edition the change is for, at the version the form was made from. */
  target: EditionTarget;
  values: Record<N, string | undefined>;
};

/**
 * Every change is posted the same way: the public are sent to sign in; malformed ids in the
 * address are "not found"; the change runs in one transaction and answers with a 303 to `done`'s
 * address; form errors and conflicts go to `refused`, which shows the form again.
 */
export function postChange<I extends { editionId: number }, const N extends string, T>(
  app: FastifyInstance,
  db: Db,
  url: string,
  spec: {
    ids: (params: Params) => I;
    fields: readonly N[];
    change: (trx: Db, actor: Actor, form: PostedForm<I, N>) => Promise<T>;
    done: (result: T, form: PostedForm<I, N>) => string;
    refused: (
      request: FastifyRequest,
      reply: FastifyReply,
      error: Refusal,
      form: PostedForm<I, N>,
    ) => Promise<FastifyReply>;
  },
): void {
  app.post(url, async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const ids = spec.ids(params);
    const body = bodyOf(request);
    const form: PostedForm<I, N> = {
      ...ids,
      target: { editionId: ids.editionId, version: versionOf(body), requestId: request.id },
      values: pick(body, spec.fields),
    };
    let result: T;
    try {
      result = await db.transaction().execute((trx) => spec.change(trx, request.actor, form));
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError) {
        return spec.refused(request, reply, error, form);
      }
      throw error;
    }
    return reply.redirect(spec.done(result, form), 303);
  });
}

/** An edition's edit page; a published edition's says it can no longer be changed. */
export async function renderEditPage(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  editionId: number,
  options: { saved?: string | undefined; state?: EditFormState; status?: number } = {},
): Promise<FastifyReply> {
  const view = await getEditionForEditing(db, request.actor, editionId);
  if (view.edition.status === "published") {
    return sendPrivatePage(request, reply, {
      title: formTitle(`${view.edition.theme.name}: ${view.edition.label}`, Boolean(options.state?.conflict)),
      status: options.status,
      content: publishedEditionView({
        view,
        saved: options.saved,
        conflict: options.state?.conflict,
        publicHref: editionPath(view.edition.theme.slug, view.edition.id),
      }),
    });
  }
  const model = { view, csrfToken: request.csrfToken, saved: options.saved, state: options.state };
  return sendPrivatePage(request, reply, {
    title: editEditionTitle(model),
    status: options.status,
    content: editEditionView(model),
  });
}

/** The edit page again after a refused form: its errors, or the conflict, and its input kept. */
export function showRefused(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  editionId: number,
  error: Refusal,
  state: Pick<EditFormState, "form" | "section"> & { values?: Record<string, string | undefined> },
): Promise<FastifyReply> {
  return renderEditPage(db, request, reply, editionId, {
    status: error.status,
    state: { ...state, values: kept(state.values ?? {}), errors: error.fields, conflict: conflictOf(error) },
  });
}
