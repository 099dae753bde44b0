import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { type Params, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendPage, signInFirst } from "../../platform/http-pages.ts";
import { queryOf as query } from "../../platform/http-params.ts";
import { can } from "../../platform/security/authorize.ts";
import { formTitle } from "../../platform/views/forms.ts";
import {
  conflictOf,
  editionIds,
  editPagePath,
  idParam,
  renderEditPage,
  savedPath,
  showRefused,
  targetOf,
} from "./edit.helpers.ts";
import { itemRoutes } from "./edit-item.routes.ts";
import * as drafts from "./edition-drafts.service.ts";
import * as editing from "./edition-editing.service.ts";
import { isSection } from "./edition-editing.validation.ts";
import { getEditionById } from "./route-map.service.ts";
import { discardView } from "./views/edit-discard.view.ts";
import { manageView } from "./views/edit-manage.view.ts";
import { previewView } from "./views/edit-preview.view.ts";
import { SECTION_INFO } from "./views/edit-sections.ts";
import { editionPath } from "./views/route-map.view.ts";

// Editing pages for route-map editions, under /manage. Every page and form works without
// JavaScript. Each POST opens the transaction, calls one editing service, and answers with a
// 303 back to the edit page (at the section changed, with a confirmation), or re-renders the
// form with the error summary and the editor's input kept (400 for errors, 409 for a conflict).
// This file has the overview and the edition as a whole (start, details, preview, publish,
// discard); edit-item.routes.ts has its items; edit.helpers.ts what both share.

const DETAIL_FIELDS = [
  "label",
  "layout",
  "introduction",
  "stateOfPlayTitle",
  "stateOfPlay",
  "ambitionSummary",
  "routeMapIntro",
] as const;
const DATE_FIELDS = ["lastUpdated-day", "lastUpdated-month", "lastUpdated-year"] as const;

/** The confirmation for `?saved=` on the edit page, after a change redirected there. */
function savedMessage(q: Record<string, string | undefined>): string | undefined {
  const section = q.section;
  const noun = isSection(section) ? SECTION_INFO[section].noun : "item";
  switch (q.saved) {
    case "started":
      return "You have started a new edition. Nothing in this draft is public until you publish it.";
    case "existing":
      return "This route map already has a draft, so you are editing that one. A route map has one draft at a time.";
    case "details":
      return "The edition details have been saved.";
    case "added":
      return `The ${noun} has been added.`;
    case "updated":
      return `The ${noun} has been saved.`;
    case "moved":
      return `The ${noun} has been moved.`;
    case "removed":
      return `The ${noun} has been removed.`;
    case "published":
      return "This edition has been published. It is now the public edition of the route map.";
    default:
      return undefined;
  }
}

export function editRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get("/manage", async (request, reply) => {
    const redirect = signInFirst(request, reply, "/manage");
    if (redirect) return redirect;
    const routeMaps = await editing.listRouteMapsForEditing(db, request.actor);
    const q = query(request);
    const discarded = q.saved === "discarded" ? routeMaps.find((r) => r.theme.slug === q.theme) : undefined;
    return sendPage(request, reply, {
      title: "Manage route maps",
      content: manageView({
        routeMaps,
        csrfToken: request.csrfToken,
        saved: discarded
          ? `The draft of the ${discarded.theme.name} route map has been discarded.`
          : undefined,
      }),
    });
  });

  app.post("/manage/themes/:slug/drafts", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: "/manage",
      fields: [],
      change: async (trx, actor) => {
        const { slug } = request.params as Params;
        const started = await drafts.startDraft(trx, actor, { themeSlug: slug ?? "", requestId: request.id });
        return savedPath(started.editionId, started.created ? "started" : "existing");
      },
    }),
  );

  app.get("/manage/editions/:id", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = idParam((request.params as Params).id);
    return renderEditPage(db, request, reply, id, { saved: savedMessage(query(request)) });
  });

  app.post("/manage/editions/:id/details", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: editionIds,
      fields: DETAIL_FIELDS,
      change: async (trx, actor, _form, posted) => {
        await drafts.updateDetails(trx, actor, { ...targetOf(posted), ...posted.values });
        return savedPath(posted.ids.editionId, "details");
      },
      refused: (state, _status, posted, error) =>
        showRefused(db, request, reply, posted.ids.editionId, error, {
          form: "details",
          values: state.values,
        }),
    }),
  );

  app.get("/manage/editions/:id/preview", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = idParam((request.params as Params).id);
    // A preview only reads the draft, so whoever may read drafts (readers too) may preview it;
    // to anyone else a draft is not found, as on the public pages.
    const edition = await getEditionById(db, request.actor, id);
    if (edition.status === "published")
      return reply.redirect(editionPath(edition.theme.slug, edition.id), 303);
    return sendPage(request, reply, {
      title: `Draft preview: ${edition.theme.name}`,
      content: previewView(edition, can(request.actor, "route_map.edit")),
    });
  });

  app.post("/manage/editions/:id/publish", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: editionIds,
      fields: DATE_FIELDS,
      change: async (trx, actor, _form, posted) => {
        const { values } = posted;
        await drafts.publishEdition(trx, actor, {
          ...targetOf(posted),
          day: values["lastUpdated-day"],
          month: values["lastUpdated-month"],
          year: values["lastUpdated-year"],
        });
        return savedPath(posted.ids.editionId, "published");
      },
      refused: (state, _status, posted, error) =>
        showRefused(db, request, reply, posted.ids.editionId, error, {
          form: "publish",
          values: state.values,
        }),
    }),
  );

  app.get("/manage/editions/:id/discard", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = idParam((request.params as Params).id);
    const { edition } = await editing.getEditionForEditing(db, request.actor, id);
    if (edition.status === "published") return renderEditPage(db, request, reply, id);
    return sendPage(request, reply, {
      title: `Discard the draft: ${edition.theme.name}`,
      content: discardView({ edition, csrfToken: request.csrfToken }),
    });
  });

  app.post("/manage/editions/:id/discard", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: editPagePath(request),
      ids: editionIds,
      fields: [],
      change: async (trx, actor, _form, posted) => {
        const discarded = await drafts.discardDraft(trx, actor, targetOf(posted));
        return `/manage?saved=discarded&theme=${encodeURIComponent(discarded.themeSlug)}`;
      },
      refused: async (_state, _status, { ids: { editionId } }, error) => {
        const { edition } = await editing.getEditionForEditing(db, request.actor, editionId);
        if (edition.status === "published") {
          return renderEditPage(db, request, reply, editionId, {
            status: error.status,
            state: { form: "page", values: {}, errors: {}, conflict: conflictOf(error) },
          });
        }
        return sendPage(request, reply, {
          title: formTitle(`Discard the draft: ${edition.theme.name}`, true),
          status: error.status,
          content: discardView({ edition, csrfToken: request.csrfToken, conflict: error.message }),
        });
      },
    }),
  );

  itemRoutes(app, deps);
}
