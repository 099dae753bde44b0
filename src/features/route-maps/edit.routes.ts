import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import type { Db } from "../../platform/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { page } from "../../platform/views/layout.ts";
import * as drafts from "./edition-drafts.service.ts";
import * as editing from "./edition-editing.service.ts";
import { isSection, parseId } from "./edition-editing.validation.ts";
import * as items from "./edition-items.service.ts";
import type { Section } from "./route-map.types.ts";
import { discardView } from "./views/edit-discard.view.ts";
import {
  type EditFormState,
  editEditionTitle,
  editEditionView,
  publishedEditionView,
} from "./views/edit-edition.view.ts";
import { editItemTitle, editItemView } from "./views/edit-item.view.ts";
import { manageView } from "./views/edit-manage.view.ts";
import { previewView } from "./views/edit-preview.view.ts";
import { DETAILS_ANCHOR, SECTION_INFO } from "./views/edit-sections.ts";
import { editionPath } from "./views/route-map.view.ts";

// Editing pages for route-map editions, under /manage. Every page and form works without
// JavaScript. Each POST opens the transaction, calls one editing service, and answers with a
// 303 back to the edit page (at the section changed, with a confirmation), or re-renders the
// form with the error summary and the editor's input kept (400 for errors, 409 for a conflict).

type Body = Record<string, unknown>;
type Params = Record<string, string | undefined>;

const DETAIL_FIELDS = [
  "label",
  "layout",
  "introduction",
  "stateOfPlayTitle",
  "stateOfPlay",
  "ambitionSummary",
  "routeMapIntro",
] as const;
const ITEM_FIELDS = ["text", "pageRefs", "year", "framework", "sectorId", "parentId"] as const;
const DATE_FIELDS = ["lastUpdated-day", "lastUpdated-month", "lastUpdated-year"] as const;

function bodyOf(request: FastifyRequest): Body {
  return typeof request.body === "object" && request.body !== null ? (request.body as Body) : {};
}

/** One submitted field as text; anything else (a repeated field, an object) counts as absent. */
function field(body: Body, name: string): string | undefined {
  const value = body[name];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function pick<const N extends string>(body: Body, names: readonly N[]): Record<N, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)])) as Record<N, string | undefined>;
}

/** The submitted values to show again in a form that came back. */
function kept(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The version the form was made from; anything malformed never matches, so it is a conflict. */
function versionOf(body: Body): number {
  const value = field(body, "version") ?? "";
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

function idParam(value: string | undefined): number {
  const id = parseId(value);
  if (id === null)
    throw new NotFoundError("We could not find that edition or item: the address is not right.");
  return id;
}

function query(request: FastifyRequest): Record<string, string | undefined> {
  const q = request.query as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === "string" ? v : undefined]));
}

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

function savedPath(editionId: number, saved: string, section?: Section): string {
  const anchor = section ? SECTION_INFO[section].anchor : saved === "details" ? DETAILS_ANCHOR : undefined;
  return `/manage/editions/${editionId}?saved=${saved}${section ? `&section=${section}` : ""}${anchor ? `#${anchor}` : ""}`;
}

function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; content: SafeHtml; status?: number; banner?: SafeHtml },
): FastifyReply {
  // Editing pages show drafts and carry form state: never keep them in a shared or back-button cache.
  reply.header("cache-control", "no-store");
  return reply
    .status(options.status ?? 200)
    .type("text/html; charset=utf-8")
    .send(
      page({
        title: options.title,
        actor: request.actor,
        csrfToken: request.csrfToken,
        content: options.content,
        ...(options.banner ? { banner: options.banner } : {}),
      }).value,
    );
}

/** The public are sent to sign in first, and brought back afterwards. */
function signInFirst(request: FastifyRequest, reply: FastifyReply, returnTo: string): FastifyReply | null {
  if (request.actor.kind !== "public") return null;
  return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`, 303);
}

function conflictOf(error: ValidationError | ConflictError): string | undefined {
  return error instanceof ConflictError ? error.message : undefined;
}

export function editRoutes(app: FastifyInstance, deps: AppDeps): void {
  /** Runs one change in a transaction; form errors and conflicts come back to be shown. */
  async function attempt<T>(
    work: (trx: Db) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: ValidationError | ConflictError }> {
    try {
      return { ok: true, value: await deps.db.transaction().execute(work) };
    } catch (error) {
      if (error instanceof ValidationError || error instanceof ConflictError) return { ok: false, error };
      throw error;
    }
  }

  async function renderEditPage(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: number,
    options: { saved?: string | undefined; state?: EditFormState; status?: number } = {},
  ): Promise<FastifyReply> {
    const view = await editing.getEditionForEditing(deps.db, request.actor, editionId);
    if (view.edition.status === "published") {
      return sendPage(request, reply, {
        title: formTitle(
          `${view.edition.theme.name}: ${view.edition.label}`,
          Boolean(options.state?.conflict),
        ),
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
    return sendPage(request, reply, {
      title: editEditionTitle(model),
      status: options.status,
      content: editEditionView(model),
    });
  }

  app.get("/manage", async (request, reply) => {
    const redirect = signInFirst(request, reply, "/manage");
    if (redirect) return redirect;
    const routeMaps = await editing.listRouteMapsForEditing(deps.db, request.actor);
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

  app.post("/manage/themes/:slug/drafts", async (request, reply) => {
    const redirect = signInFirst(request, reply, "/manage");
    if (redirect) return redirect;
    const { slug } = request.params as Params;
    const started = await deps.db
      .transaction()
      .execute((trx) =>
        drafts.startDraft(trx, request.actor, { themeSlug: slug ?? "", requestId: request.id }),
      );
    return reply.redirect(savedPath(started.editionId, started.created ? "started" : "existing"), 303);
  });

  app.get("/manage/editions/:id", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = idParam((request.params as Params).id);
    return renderEditPage(request, reply, id, { saved: savedMessage(query(request)) });
  });

  app.post("/manage/editions/:id/details", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const body = bodyOf(request);
    const values = pick(body, DETAIL_FIELDS);
    const result = await attempt((trx) =>
      drafts.updateDetails(trx, request.actor, {
        editionId: id,
        version: versionOf(body),
        requestId: request.id,
        ...values,
      }),
    );
    if (result.ok) return reply.redirect(savedPath(id, "details"), 303);
    return renderEditPage(request, reply, id, {
      status: result.error.status,
      state: {
        form: "details",
        values: kept(values),
        errors: result.error.fields,
        conflict: conflictOf(result.error),
      },
    });
  });

  app.post("/manage/editions/:id/items", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const body = bodyOf(request);
    const section = field(body, "section");
    const values = pick(body, ITEM_FIELDS);
    const result = await attempt((trx) =>
      items.addItem(trx, request.actor, {
        editionId: id,
        version: versionOf(body),
        requestId: request.id,
        section,
        ...values,
      }),
    );
    if (result.ok) return reply.redirect(savedPath(id, "added", result.value.section), 303);
    return renderEditPage(request, reply, id, {
      status: result.error.status,
      state: {
        form: "add",
        section: isSection(section) ? section : undefined,
        values: kept(values),
        errors: result.error.fields,
        conflict: conflictOf(result.error),
      },
    });
  });

  async function renderItemPage(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: number,
    itemId: number,
    form: { values?: Record<string, string>; error?: ValidationError | ConflictError } = {},
  ): Promise<FastifyReply> {
    const { view, item } = await editing.getItemForEditing(deps.db, request.actor, editionId, itemId);
    if (view.edition.status === "published") {
      return renderEditPage(request, reply, editionId, {
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

  app.get("/manage/editions/:id/items/:itemId", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const params = request.params as Params;
    return renderItemPage(request, reply, idParam(params.id), idParam(params.itemId));
  });

  app.post("/manage/editions/:id/items/:itemId", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const itemId = idParam(params.itemId);
    const body = bodyOf(request);
    const values = pick(body, ITEM_FIELDS);
    const result = await attempt((trx) =>
      items.updateItem(trx, request.actor, {
        editionId: id,
        itemId,
        version: versionOf(body),
        requestId: request.id,
        ...values,
      }),
    );
    if (result.ok) return reply.redirect(savedPath(id, "updated", result.value.section), 303);
    return renderItemPage(request, reply, id, itemId, { values: kept(values), error: result.error });
  });

  app.post("/manage/editions/:id/items/:itemId/move", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const itemId = idParam(params.itemId);
    const body = bodyOf(request);
    const result = await attempt((trx) =>
      items.moveItem(trx, request.actor, {
        editionId: id,
        itemId,
        version: versionOf(body),
        requestId: request.id,
        direction: field(body, "direction"),
      }),
    );
    if (result.ok) return reply.redirect(savedPath(id, "moved", result.value.section), 303);
    return renderEditPage(request, reply, id, {
      status: result.error.status,
      state: { form: "page", values: {}, errors: result.error.fields, conflict: conflictOf(result.error) },
    });
  });

  app.post("/manage/editions/:id/items/:itemId/delete", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const itemId = idParam(params.itemId);
    const body = bodyOf(request);
    const result = await attempt((trx) =>
      items.deleteItem(trx, request.actor, {
        editionId: id,
        itemId,
        version: versionOf(body),
        requestId: request.id,
      }),
    );
    if (result.ok) return reply.redirect(savedPath(id, "removed", result.value.section), 303);
    return renderEditPage(request, reply, id, {
      status: result.error.status,
      state: { form: "page", values: {}, errors: result.error.fields, conflict: conflictOf(result.error) },
    });
  });

  app.get("/manage/editions/:id/preview", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = idParam((request.params as Params).id);
    const { edition } = await editing.getEditionForEditing(deps.db, request.actor, id);
    if (edition.status === "published")
      return reply.redirect(editionPath(edition.theme.slug, edition.id), 303);
    return sendPage(request, reply, {
      title: `Draft preview: ${edition.theme.name}`,
      content: previewView(edition),
    });
  });

  app.post("/manage/editions/:id/publish", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const body = bodyOf(request);
    const values = pick(body, DATE_FIELDS);
    const result = await attempt((trx) =>
      drafts.publishEdition(trx, request.actor, {
        editionId: id,
        version: versionOf(body),
        requestId: request.id,
        day: values["lastUpdated-day"],
        month: values["lastUpdated-month"],
        year: values["lastUpdated-year"],
      }),
    );
    if (result.ok) return reply.redirect(savedPath(id, "published"), 303);
    return renderEditPage(request, reply, id, {
      status: result.error.status,
      state: {
        form: "publish",
        values: kept(values),
        errors: result.error.fields,
        conflict: conflictOf(result.error),
      },
    });
  });

  app.get("/manage/editions/:id/discard", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = idParam((request.params as Params).id);
    const { edition } = await editing.getEditionForEditing(deps.db, request.actor, id);
    if (edition.status === "published") return renderEditPage(request, reply, id);
    return sendPage(request, reply, {
      title: `Discard the draft: ${edition.theme.name}`,
      content: discardView({ edition, csrfToken: request.csrfToken }),
    });
  });

  app.post("/manage/editions/:id/discard", async (request, reply) => {
    const params = request.params as Params;
    const redirect = signInFirst(request, reply, `/manage/editions/${params.id}`);
    if (redirect) return redirect;
    const id = idParam(params.id);
    const body = bodyOf(request);
    const result = await attempt((trx) =>
      drafts.discardDraft(trx, request.actor, {
        editionId: id,
        version: versionOf(body),
        requestId: request.id,
      }),
    );
    if (result.ok) {
      return reply.redirect(
        `/manage?saved=discarded&theme=${encodeURIComponent(result.value.themeSlug)}`,
        303,
      );
    }
    const { edition } = await editing.getEditionForEditing(deps.db, request.actor, id);
    if (edition.status === "published") {
      return renderEditPage(request, reply, id, {
        status: result.error.status,
        state: { form: "page", values: {}, errors: {}, conflict: conflictOf(result.error) },
      });
    }
    return sendPage(request, reply, {
      title: formTitle(`Discard the draft: ${edition.theme.name}`, true),
      status: result.error.status,
      content: discardView({ edition, csrfToken: request.csrfToken, conflict: result.error.message }),
    });
  });
}
