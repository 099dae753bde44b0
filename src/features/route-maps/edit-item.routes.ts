import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { type Params, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendPage, signInFirst } from "../../platform/http-pages.ts";
import {
  conflictOf,
  editionIds,
  editPagePath,
  idParam,
  itemIds,
  type Refusal,
  renderEditPage,
  savedPath,
  showRefused,
  targetOf,
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

  app.post("/manage/editions/:id/items", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: editionIds,
      fields: ["section", ...ITEM_FIELDS],
      change: async (trx, actor, _form, posted) => {
        const added = await items.addItem(trx, actor, { ...targetOf(posted), ...posted.values });
        return savedPath(posted.ids.editionId, "added", added.section);
      },
      // The section names the add form; it is not one of the fields to show again.
      refused: ({ values: { section, ...values } }, _status, posted, error) =>
        showRefused(db, request, reply, posted.ids.editionId, error, {
          form: "add",
          section: isSection(section) ? section : undefined,
          values,
        }),
    }),
  );

  app.get("/manage/editions/:id/items/:itemId", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const params = request.params as Params;
    return renderItemPage(request, reply, idParam(params.id), idParam(params.itemId));
  });

  app.post("/manage/editions/:id/items/:itemId", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: itemIds,
      fields: ITEM_FIELDS,
      change: async (trx, actor, _form, posted) => {
        const { itemId } = posted.ids;
        const updated = await items.updateItem(trx, actor, { ...targetOf(posted), itemId, ...posted.values });
        return savedPath(posted.ids.editionId, "updated", updated.section);
      },
      refused: (state, _status, { ids }, error) =>
        renderItemPage(request, reply, ids.editionId, ids.itemId, { values: state.values, error }),
    }),
  );

  app.post("/manage/editions/:id/items/:itemId/move", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: itemIds,
      fields: ["direction"],
      change: async (trx, actor, _form, posted) => {
        const { itemId } = posted.ids;
        const direction = posted.values.direction;
        const moved = await items.moveItem(trx, actor, { ...targetOf(posted), itemId, direction });
        return savedPath(posted.ids.editionId, "moved", moved.section);
      },
      refused: (_state, _status, posted, error) =>
        showRefused(db, request, reply, posted.ids.editionId, error, { form: "page" }),
    }),
  );

  app.post("/manage/editions/:id/items/:itemId/delete", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: itemIds,
      fields: [],
      change: async (trx, actor, _form, posted) => {
        const removed = await items.deleteItem(trx, actor, {
          ...targetOf(posted),
          itemId: posted.ids.itemId,
        });
        return savedPath(posted.ids.editionId, "removed", removed.section);
      },
      refused: (_state, _status, posted, error) =>
        showRefused(db, request, reply, posted.ids.editionId, error, { form: "page" }),
    }),
  );
}
