import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { page } from "../../platform/views/layout.ts";
import * as drafts from "./edition-drafts.service.ts";
import type { EditionTarget } from "./edition-editing.guard.ts";
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

/** The edition named in the address. */
function editionIds(params: Params): { editionId: number } {
  return { editionId: idParam(params.id) };
}

/** The edition and the item named in the address. */
function itemIds(params: Params): { editionId: number; itemId: number } {
  return { editionId: idParam(params.id), itemId: idParam(params.itemId) };
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

/** A form that came back: the change was refused with field errors, or as a conflict. */
type Refusal = ValidationError | ConflictError;

/** A posted form, checked as far as the route can: the ids in its address and its fields. */
type PostedForm<I, N extends string> = I & {
  /** Which edition the change is for, at the version the form was made from. */
  target: EditionTarget;
  values: Record<N, string | undefined>;
};

export function editRoutes(app: FastifyInstance, deps: AppDeps): void {
  /**
   * Every change is posted the same way: the public are sent to sign in; malformed ids in the
   * address are "not found"; the change runs in one transaction and answers with a 303 to `done`'s
   * address; form errors and conflicts go to `refused`, which shows the form again.
   */
  function postChange<I extends { editionId: number }, const N extends string, T>(
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
        result = await deps.db.transaction().execute((trx) => spec.change(trx, request.actor, form));
      } catch (error) {
        if (error instanceof ValidationError || error instanceof ConflictError) {
          return spec.refused(request, reply, error, form);
        }
        throw error;
      }
      return reply.redirect(spec.done(result, form), 303);
    });
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

  /** The edit page again after a refused form: its errors, or the conflict, and its input kept. */
  function showRefused(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: number,
    error: Refusal,
    state: Pick<EditFormState, "form" | "section"> & { values?: Record<string, string | undefined> },
  ): Promise<FastifyReply> {
    return renderEditPage(request, reply, editionId, {
      status: error.status,
      state: {
        ...state,
        values: kept(state.values ?? {}),
        errors: error.fields,
        conflict: conflictOf(error),
      },
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

  postChange("/manage/editions/:id/details", {
    ids: editionIds,
    fields: DETAIL_FIELDS,
    change: (trx, actor, form) => drafts.updateDetails(trx, actor, { ...form.target, ...form.values }),
    done: (_, form) => savedPath(form.editionId, "details"),
    refused: (request, reply, error, form) =>
      showRefused(request, reply, form.editionId, error, { form: "details", values: form.values }),
  });

  postChange("/manage/editions/:id/items", {
    ids: editionIds,
    fields: ["section", ...ITEM_FIELDS],
    change: (trx, actor, form) => items.addItem(trx, actor, { ...form.target, ...form.values }),
    done: (added, form) => savedPath(form.editionId, "added", added.section),
    // The section names the add form; it is not one of the fields to show again.
    refused: (request, reply, error, { editionId, values: { section, ...values } }) =>
      showRefused(request, reply, editionId, error, {
        form: "add",
        section: isSection(section) ? section : undefined,
        values,
      }),
  });

  async function renderItemPage(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: number,
    itemId: number,
    form: { values?: Record<string, string>; error?: Refusal } = {},
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

  postChange("/manage/editions/:id/items/:itemId", {
    ids: itemIds,
    fields: ITEM_FIELDS,
    change: (trx, actor, form) =>
      items.updateItem(trx, actor, { ...form.target, itemId: form.itemId, ...form.values }),
    done: (updated, form) => savedPath(form.editionId, "updated", updated.section),
    refused: (request, reply, error, form) =>
      renderItemPage(request, reply, form.editionId, form.itemId, { values: kept(form.values), error }),
  });

  postChange("/manage/editions/:id/items/:itemId/move", {
    ids: itemIds,
    fields: ["direction"],
    change: (trx, actor, form) =>
      items.moveItem(trx, actor, { ...form.target, itemId: form.itemId, direction: form.values.direction }),
    done: (moved, form) => savedPath(form.editionId, "moved", moved.section),
    refused: (request, reply, error, form) =>
      showRefused(request, reply, form.editionId, error, { form: "page" }),
  });

  postChange("/manage/editions/:id/items/:itemId/delete", {
    ids: itemIds,
    fields: [],
    change: (trx, actor, form) => items.deleteItem(trx, actor, { ...form.target, itemId: form.itemId }),
    done: (removed, form) => savedPath(form.editionId, "removed", removed.section),
    refused: (request, reply, error, form) =>
      showRefused(request, reply, form.editionId, error, { form: "page" }),
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

  postChange("/manage/editions/:id/publish", {
    ids: editionIds,
    fields: DATE_FIELDS,
    change: (trx, actor, { target, values }) =>
      drafts.publishEdition(trx, actor, {
        ...target,
        day: values["lastUpdated-day"],
        month: values["lastUpdated-month"],
        year: values["lastUpdated-year"],
      }),
    done: (_, form) => savedPath(form.editionId, "published"),
    refused: (request, reply, error, form) =>
      showRefused(request, reply, form.editionId, error, { form: "publish", values: form.values }),
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

  postChange("/manage/editions/:id/discard", {
    ids: editionIds,
    fields: [],
    change: (trx, actor, form) => drafts.discardDraft(trx, actor, form.target),
    done: (discarded) => `/manage?saved=discarded&theme=${encodeURIComponent(discarded.themeSlug)}`,
    refused: async (request, reply, error, form) => {
      const { edition } = await editing.getEditionForEditing(deps.db, request.actor, form.editionId);
      if (edition.status === "published") {
        return renderEditPage(request, reply, form.editionId, {
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
  });
}
