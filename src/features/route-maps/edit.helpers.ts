import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../platform/database.ts";
import { ConflictError, type ValidationError } from "../../platform/errors.ts";
import { kept, type Params, type Posted } from "../../platform/http-forms.ts";
import { sendPrivatePage } from "../../platform/http-pages.ts";
import { idParam as platformIdParam } from "../../platform/http-params.ts";
import { formTitle } from "../../platform/views/forms.ts";
import type { EditionTarget } from "./edition-editing.guard.ts";
import { getEditionForEditing } from "./edition-editing.service.ts";
import type { Section } from "./route-map.types.ts";
import { editEditionTitle, editEditionView, publishedEditionView } from "./views/edit-edition.view.ts";
import type { EditFormState } from "./views/edit-page.ts";
import { DETAILS_ANCHOR, SECTION_INFO } from "./views/edit-sections.ts";
import { editionPath } from "./views/route-map.view.ts";

// What the editing routes (edit.routes.ts, edit-item.routes.ts) share: the ids in the address, the
// edition a change is for, and answering with a page, a redirect or the edit page again with the
// refused form's errors. Changes are posted through platform/http-forms.ts runChange.

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

/** The edit page's address: where the public are brought back to after signing in. */
export function editPagePath(request: FastifyRequest): string {
  return `/manage/editions/${(request.params as Params).id}`;
}

/** Which edition a posted change is for, at the version the form was made from. */
export function targetOf(posted: Posted<{ editionId: number }, string>): EditionTarget {
  return { editionId: posted.ids.editionId, version: posted.version, requestId: posted.requestId };
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
