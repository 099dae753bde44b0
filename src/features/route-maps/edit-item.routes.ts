import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import { kept } from "../../platform/http-forms.ts";
import {
  conflictOf,
  editionIds,
  idParam,
  itemIds,
  type Params,
  postChange,
  type Refusal,
  renderEditPage,
  savedPath,
  sendPage,
  showRefused,
  signInFirst,
} from "./edit.helpers.ts";
import * as editing from "./edition-editing.service.ts";
import { isSection } from "./edition-editing.validation.ts";
import * as items from "./edition-items.service.ts";
import { editItemTitle, editItemView } from "./views/edit-item.view.ts";

// Editing pages for the items of a draft edition, under /manage/editions/:id/items: add an item
// (from the edit page), an item's own edit form, and moving and removing items. Registered by
// editRoutes in edit.routes.ts, whose opening comment says how every change is answered.

const ITEM_FIELDS = ["text", "pageRefs", "year", "framework", "sectorId", "parentId"] as const;

export function itemRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** An item's edit form; for a published edition, its edit page, which says it cannot change. */
  async function renderItemPage(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: number,
    itemId: number,
    form: { values?: Record<string, string>; error?: Refusal } = {},
  ): Promise<FastifyReply> {
    const { view, item } = await editing.getItemForEditing(db, request.actor, editionId, itemId);
    if (view.edition.status === "published") {
      return renderEditPage(db, request, reply, editionId, {
        status: form.error?.status,
        state: { form: "page", values: {}, errors: {}, conflict: form.error && conflictOf(form.error) },
      });
    }
    const model = {
      view,
      item,
      csrfToken: request.csrfToken,
      values: form.values,
      errors: form.error?.fields,
      conflict: form.error && conflictOf(form.error),
    };
    return sendPage(request, reply, {
      title: editItemTitle(model),
      status: form.error?.status,
      content: editItemView(model),
    });
  }

  postChange(app, db, "/manage/editions/:id/items", {
    ids: editionIds,
    fields: ["section", ...ITEM_FIELDS],
    change: (trx, actor, form) => items.addItem(trx, actor, { ...form.target, ...form.values }),
    done: (added, form) => savedPath(form.editionId, "added", added.section),
    // The section names the add form; it is not one of the fields to show again.
    refused: (request, reply, error, { editionId, values: { section, ...values } }) =>
      showRefused(db, request, reply, editionId, error, {
        form: "add",
        section: isSection(section) ? section : undefined,
        values,
      }),
  });

  app.get("/manage/editions/:id/items/:itemId", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const params = request.params as Params;
    return renderItemPage(request, reply, idParam(params.id), idParam(params.itemId));
  });

  postChange(app, db, "/manage/editions/:id/items/:itemId", {
    ids: itemIds,
    fields: ITEM_FIELDS,
    change: (trx, actor, form) =>
      items.updateItem(trx, actor, { ...form.target, itemId: form.itemId, ...form.values }),
    done: (updated, form) => savedPath(form.editionId, "updated", updated.section),
    refused: (request, reply, error, form) =>
      renderItemPage(request, reply, form.editionId, form.itemId, { values: kept(form.values), error }),
  });

  postChange(app, db, "/manage/editions/:id/items/:itemId/move", {
    ids: itemIds,
    fields: ["direction"],
    change: (trx, actor, form) =>
      items.moveItem(trx, actor, { ...form.target, itemId: form.itemId, direction: form.values.direction }),
    done: (moved, form) => savedPath(form.editionId, "moved", moved.section),
    refused: (request, reply, error, form) =>
      showRefused(db, request, reply, form.editionId, error, { form: "page" }),
  });

  postChange(app, db, "/manage/editions/:id/items/:itemId/delete", {
    ids: itemIds,
    fields: [],
    change: (trx, actor, form) => items.deleteItem(trx, actor, { ...form.target, itemId: form.itemId }),
    done: (removed, form) => savedPath(form.editionId, "removed", removed.section),
    refused: (request, reply, error, form) =>
      showRefused(db, request, reply, form.editionId, error, { form: "page" }),
  });
}
