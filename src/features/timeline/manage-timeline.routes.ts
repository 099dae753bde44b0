import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ConflictError, StaleVersionError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, idParam, many, queryOf } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { MANAGE_TIMELINE_PATH, manageTimelineItemPath, NEW_TIMELINE_ITEM_PATH } from "./timeline.paths.ts";
import {
  addItem,
  ClashWarning,
  changeItem,
  getItemToChange,
  listChoices,
  listForEditing,
  setPublished,
} from "./timeline.service.ts";
import type { TimelineItemInput } from "./timeline.types.ts";
import {
  type ItemFormModel,
  itemFormTitle,
  itemFormView,
  manageTimelineView,
} from "./views/manage-timeline.view.ts";

// The editors' pages (timeline.edit): the list with drafts, the add and change forms, and
// publishing. A refused save comes back with what was typed: field errors (400), someone else
// saved first (409, with what is saved now), or a clash (409, the other items named and a
// "Save anyway" button).

type Params = Record<string, string | undefined>;
const crumbs = [{ href: MANAGE_TIMELINE_PATH, text: "Manage the timeline" }];

/** The item form as posted: checkboxes repeat, so the body is read as a whole. */
function inputOf(request: FastifyRequest): TimelineItemInput & { saveAnyway: boolean } {
  const body = bodyOf(request);
  const date = (name: string) => ({
    day: field(body, `${name}-day`),
    month: field(body, `${name}-month`),
    year: field(body, `${name}-year`),
  });
  return {
    title: field(body, "title"),
    summary: field(body, "summary"),
    kind: field(body, "kind"),
    organisation: field(body, "organisation"),
    dateKind: field(body, "dateKind"),
    start: date("start"),
    end: date("end"),
    approximatePart: field(body, "approximatePart"),
    approximateYear: field(body, "approximateYear"),
    status: field(body, "status"),
    link: field(body, "link"),
    audiences: many(body, "audiences"),
    themes: many(body, "themes"),
    groups: many(body, "groups"),
    saveAnyway: field(body, "saveAnyway") === "yes",
  };
}

export function manageTimelineRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const threshold = deps.config.timelineClashThreshold;

  function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: ItemFormModel,
    status = 200,
  ): FastifyReply {
    return sendPrivatePage(request, reply, {
      title: itemFormTitle(model),
      status,
      breadcrumbs: crumbs,
      content: itemFormView(model),
    });
  }

  /** Saves the form through runChange; `change` returns the item's id. */
  function save(
    request: FastifyRequest,
    reply: FastifyReply,
    returnTo: string,
    change: Parameters<typeof runChange<Record<string, never>, never>>[3]["change"],
    itemId: number | undefined,
  ): Promise<FastifyReply> {
    const input = inputOf(request);
    return runChange(db, request, reply, {
      returnTo,
      fields: [],
      change,
      refused: async (_state, status, _posted, error) => {
        if (
          error instanceof ConflictError &&
          !(error instanceof StaleVersionError) &&
          !(error instanceof ClashWarning)
        )
          throw error;
        const { saveAnyway: _saveAnyway, ...values } = input;
        return sendForm(
          request,
          reply,
          {
            csrfToken: request.csrfToken,
            choices: await listChoices(db),
            item: itemId === undefined ? undefined : await getItemToChange(db, request.actor, itemId),
            values,
            errors: error.fields,
            conflict: error instanceof StaleVersionError ? error.message : undefined,
            clashes: error instanceof ClashWarning ? error.notices : undefined,
          },
          status,
        );
      },
    });
  }

  app.get(MANAGE_TIMELINE_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    const { items, clashes } = await listForEditing(db, request.actor, threshold);
    return sendPrivatePage(request, reply, {
      title: "Manage the timeline",
      content: manageTimelineView({ items, clashes, saved: queryOf(request).saved }),
    });
  });

  app.get(NEW_TIMELINE_ITEM_PATH, async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    authorize(request.actor, "timeline.edit");
    return sendForm(request, reply, { csrfToken: request.csrfToken, choices: await listChoices(db) });
  });

  app.post(MANAGE_TIMELINE_PATH, async (request, reply) => {
    const input = inputOf(request);
    return save(
      request,
      reply,
      NEW_TIMELINE_ITEM_PATH,
      async (trx, actor) => {
        const id = await addItem(trx, actor, input, { threshold, saveAnyway: input.saveAnyway });
        return `${manageTimelineItemPath(id)}?saved=item`;
      },
      undefined,
    );
  });

  app.get("/manage/timeline/:id", async (request, reply) => {
    const id = idParam((request.params as Params).id, "timeline item");
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    return sendForm(request, reply, {
      csrfToken: request.csrfToken,
      choices: await listChoices(db),
      item: await getItemToChange(db, request.actor, id),
      saved: queryOf(request).saved,
    });
  });

  app.post("/manage/timeline/:id", async (request, reply) => {
    const id = idParam((request.params as Params).id, "timeline item");
    const input = inputOf(request);
    return save(
      request,
      reply,
      manageTimelineItemPath(id),
      async (trx, actor, _form, posted) => {
        await changeItem(trx, actor, id, posted.version, input, { threshold, saveAnyway: input.saveAnyway });
        return `${manageTimelineItemPath(id)}?saved=item`;
      },
      id,
    );
  });

  app.post("/manage/timeline/:id/publish", async (request, reply) => {
    const id = idParam((request.params as Params).id, "timeline item");
    const published = field(bodyOf(request), "published") === "yes";
    return runChange(db, request, reply, {
      returnTo: manageTimelineItemPath(id),
      fields: [],
      change: async (trx, actor, _form, posted) => {
        await setPublished(trx, actor, id, posted.version, published);
        return `${manageTimelineItemPath(id)}?saved=${published ? "published" : "unpublished"}`;
      },
    });
  });
}
