import type { Section } from "../../src/db/schema.ts";
import { getProgramme, listEditions } from "../../src/features/route-maps/route-map.service.ts";
import { PUBLIC } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import { unique } from "../support/factories.ts";
import { postForm } from "../support/http.ts";
import {
  all,
  DRAFT_READERS,
  EVERYONE,
  type Expected,
  type Fields,
  type MatrixPart,
  type Sample,
  signedIn,
  VISITORS,
  type Visitor,
} from "./matrix.types.ts";

/** One target per visitor, for changes that end what they change (publish, discard, delete). */
type PerVisitor = Record<Visitor, number>;

// Route maps: public pages, open data, signing in and out, and the editing pages.
// POSTs carry a body that would succeed if the visitor were allowed: a refusal therefore proves
// the rule, not a bad form. Changes that would spoil other rows run on their own drafts (publish,
// discard) or items (delete).

/** A draft read through the public pages or the API: invisible (404) without the right to read drafts. */
const DRAFT_READ: Expected = all(404, { reader: 200, editor: 200, administrator: 200 });
/** The editing pages. */
const EDITORS_SEE: Expected = signedIn({ editor: 200, administrator: 200 });
/** A change to a draft. */
const EDITORS_CHANGE: Expected = signedIn({ editor: 303, administrator: 303 });
/** A change to a published edition: nobody may. */
const NOBODY_CHANGES: Expected = signedIn({});

interface Fixtures {
  /** Leadership's published editions, newest first. */
  newer: number;
  older: number;
  publishedItem: number;
  /** A draft of Leadership, started through the form by an editor, and its items. */
  draft: number;
  draftItem: number;
  itemToDelete: PerVisitor;
  /** Drafts of other route maps, for the changes that end a draft. */
  draftToPublish: PerVisitor;
  draftToDiscard: PerVisitor;
  unpublishedSlug: string;
  foundationSlug: string;
  sectorSlug: string;
}

/** The edition's current version; 0 if it is gone (a wrongly allowed discard), so the matrix still reports. */
async function version(db: Db, editionId: number): Promise<number> {
  const row = await db
    .selectFrom("route_map_edition")
    .select("version")
    .where("id", "=", editionId)
    .executeTakeFirst();
  return row?.version ?? 0;
}

const withVersion =
  (edition: (f: Fixtures, visitor: Visitor) => number, fields: Fields = {}) =>
  async (f: Fixtures, db: Db, visitor: Visitor): Promise<Fields> => ({
    version: await version(db, edition(f, visitor)),
    ...fields,
  });

const draft = (f: Fixtures) => f.draft;
const newer = (f: Fixtures) => f.newer;

/** Every route, by "METHOD /pattern", with the addresses to try and the answer for each visitor. */
const rows: Record<string, Sample<Fixtures>[]> = {
  // Public pages.
  "GET /": [{ label: "home", url: () => "/", expected: EVERYONE }],
  "GET /foundations/:slug": [
    { label: "a foundation", url: (f) => `/foundations/${f.foundationSlug}`, expected: EVERYONE },
  ],
  "GET /themes/:slug": [
    { label: "published route map", url: () => "/themes/leadership", expected: EVERYONE },
    { label: "not yet published", url: (f) => `/themes/${f.unpublishedSlug}`, expected: EVERYONE },
  ],
  "GET /themes/:slug/editions": [
    { label: "list of editions", url: () => "/themes/leadership/editions", expected: EVERYONE },
  ],
  "GET /themes/:slug/editions/:id": [
    {
      label: "published edition",
      url: (f) => `/themes/leadership/editions/${f.older}`,
      expected: EVERYONE,
    },
    { label: "draft", url: (f) => `/themes/leadership/editions/${f.draft}`, expected: DRAFT_READ },
  ],
  "GET /themes/:slug/compare": [
    { label: "latest two published", url: () => "/themes/leadership/compare", expected: EVERYONE },
    {
      label: "published against the draft",
      url: (f) => `/themes/leadership/compare?from=${f.newer}&to=${f.draft}`,
      expected: DRAFT_READ,
    },
  ],
  "GET /sectors": [{ label: "all sectors", url: () => "/sectors", expected: EVERYONE }],
  "GET /sectors/:slug": [{ label: "a sector", url: (f) => `/sectors/${f.sectorSlug}`, expected: EVERYONE }],

  // Signing in and out: open to everyone (a wrong password is an answer, not a refusal).
  "GET /sign-in": [{ label: "the form", url: () => "/sign-in", expected: EVERYONE }],
  "POST /sign-in": [
    {
      label: "wrong password",
      url: () => "/sign-in",
      // A new address each time: five failures for one account in 15 minutes are throttled (429).
      body: async () => ({
        email: `${unique("nobody")}@example.test`,
        password: "not the password",
        returnTo: "/",
      }),
      expected: all(400),
    },
  ],
  "POST /sign-out": [
    {
      label: "sign out",
      url: () => "/sign-out",
      body: async () => ({}),
      expected: all(303),
      freshSessions: true,
    },
  ],

  // Open data.
  "GET /api/v1": [{ label: "index", url: () => "/api/v1", expected: EVERYONE }],
  "GET /api/v1/openapi.json": [{ label: "OpenAPI", url: () => "/api/v1/openapi.json", expected: EVERYONE }],
  "GET /api/v1/programme": [{ label: "programme", url: () => "/api/v1/programme", expected: EVERYONE }],
  "GET /api/v1/foundations": [{ label: "foundations", url: () => "/api/v1/foundations", expected: EVERYONE }],
  "GET /api/v1/foundations/:slug": [
    { label: "a foundation", url: (f) => `/api/v1/foundations/${f.foundationSlug}`, expected: EVERYONE },
  ],
  "GET /api/v1/themes": [{ label: "themes", url: () => "/api/v1/themes", expected: EVERYONE }],
  "GET /api/v1/themes/:slug": [
    { label: "a theme", url: () => "/api/v1/themes/leadership", expected: EVERYONE },
  ],
  "GET /api/v1/themes/:slug/editions": [
    { label: "its editions", url: () => "/api/v1/themes/leadership/editions", expected: EVERYONE },
  ],
  "GET /api/v1/themes/:slug/editions/latest": [
    { label: "latest", url: () => "/api/v1/themes/leadership/editions/latest", expected: EVERYONE },
  ],
  "GET /api/v1/themes/:slug/editions/:id": [
    {
      label: "published edition",
      url: (f) => `/api/v1/themes/leadership/editions/${f.older}`,
      expected: EVERYONE,
    },
    { label: "draft", url: (f) => `/api/v1/themes/leadership/editions/${f.draft}`, expected: DRAFT_READ },
  ],
  "GET /api/v1/themes/:slug/compare": [
    { label: "latest two published", url: () => "/api/v1/themes/leadership/compare", expected: EVERYONE },
    {
      label: "published against the draft",
      url: (f) => `/api/v1/themes/leadership/compare?from=${f.newer}&to=${f.draft}`,
      expected: DRAFT_READ,
    },
  ],
  "GET /api/v1/sectors": [{ label: "sectors", url: () => "/api/v1/sectors", expected: EVERYONE }],
  "GET /api/v1/sectors/:slug": [
    { label: "a sector", url: (f) => `/api/v1/sectors/${f.sectorSlug}`, expected: EVERYONE },
  ],

  // Editing pages.
  "GET /manage": [{ label: "overview", url: () => "/manage", expected: EDITORS_SEE }],
  "GET /manage/editions/:id": [
    { label: "draft", url: (f) => `/manage/editions/${f.draft}`, expected: EDITORS_SEE },
    { label: "published edition", url: (f) => `/manage/editions/${f.newer}`, expected: EDITORS_SEE },
    {
      label: "no such edition",
      url: () => "/manage/editions/999999",
      expected: signedIn({ editor: 404, administrator: 404 }),
    },
  ],
  "GET /manage/editions/:id/items/:itemId": [
    {
      label: "draft item",
      url: (f) => `/manage/editions/${f.draft}/items/${f.draftItem}`,
      expected: EDITORS_SEE,
    },
    {
      label: "published item",
      url: (f) => `/manage/editions/${f.newer}/items/${f.publishedItem}`,
      expected: EDITORS_SEE,
    },
  ],
  "GET /manage/editions/:id/preview": [
    // Readers may read drafts (authorize.ts), so they may preview one too; to anyone else a
    // draft is not found, as on the public pages. A published edition is public: sent to its page.
    {
      label: "draft",
      url: (f) => `/manage/editions/${f.draft}/preview`,
      expected: { ...DRAFT_READ, public: "sign-in" },
    },
    {
      label: "published edition (sent to its page)",
      url: (f) => `/manage/editions/${f.newer}/preview`,
      expected: all(303, { public: "sign-in" }),
    },
  ],
  "GET /manage/editions/:id/discard": [
    { label: "draft", url: (f) => `/manage/editions/${f.draft}/discard`, expected: EDITORS_SEE },
  ],

  // Changes. Each is tried on the draft (editors only) and on a published edition (nobody).
  "POST /manage/themes/:slug/drafts": [
    {
      label: "route map that has a draft (opens it)",
      url: () => "/manage/themes/leadership/drafts",
      body: async () => ({}),
      expected: EDITORS_CHANGE,
    },
    {
      label: "no such route map",
      url: () => "/manage/themes/no-such-theme/drafts",
      body: async () => ({}),
      expected: signedIn({ editor: 404, administrator: 404 }),
    },
  ],
  "POST /manage/editions/:id/details": [
    {
      label: "draft",
      url: (f) => `/manage/editions/${f.draft}/details`,
      body: withVersion(draft, {
        label: "New edition",
        layout: "outcomes",
        stateOfPlayTitle: "Where is Scotland now?",
        stateOfPlay: "Changed by the matrix test.",
      }),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published edition",
      url: (f) => `/manage/editions/${f.newer}/details`,
      body: withVersion(newer, { label: "Changed", layout: "outcomes", stateOfPlayTitle: "Changed" }),
      expected: NOBODY_CHANGES,
    },
  ],
  "POST /manage/editions/:id/items": [
    {
      label: "draft",
      url: (f) => `/manage/editions/${f.draft}/items`,
      body: withVersion(draft, { section: "what_matters", text: "That we are listened to." }),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published edition",
      url: (f) => `/manage/editions/${f.newer}/items`,
      body: withVersion(newer, { section: "what_matters", text: "That we are listened to." }),
      expected: NOBODY_CHANGES,
    },
  ],
  "POST /manage/editions/:id/items/:itemId": [
    {
      label: "draft item",
      url: (f) => `/manage/editions/${f.draft}/items/${f.draftItem}`,
      body: withVersion(draft, { text: "Reworded by the matrix test." }),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published item",
      url: (f) => `/manage/editions/${f.newer}/items/${f.publishedItem}`,
      body: withVersion(newer, { text: "Reworded by the matrix test." }),
      expected: NOBODY_CHANGES,
    },
  ],
  "POST /manage/editions/:id/items/:itemId/move": [
    {
      label: "draft item",
      url: (f) => `/manage/editions/${f.draft}/items/${f.draftItem}/move`,
      body: withVersion(draft, { direction: "down" }),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published item",
      url: (f) => `/manage/editions/${f.newer}/items/${f.publishedItem}/move`,
      body: withVersion(newer, { direction: "down" }),
      expected: NOBODY_CHANGES,
    },
  ],
  "POST /manage/editions/:id/items/:itemId/delete": [
    {
      label: "draft item of its own",
      url: (f, visitor) => `/manage/editions/${f.draft}/items/${f.itemToDelete[visitor]}/delete`,
      body: withVersion(draft),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published item",
      url: (f) => `/manage/editions/${f.newer}/items/${f.publishedItem}/delete`,
      body: withVersion(newer),
      expected: NOBODY_CHANGES,
    },
  ],
  "POST /manage/editions/:id/publish": [
    {
      label: "a draft of its own",
      url: (f, visitor) => `/manage/editions/${f.draftToPublish[visitor]}/publish`,
      body: withVersion((f, visitor) => f.draftToPublish[visitor], {
        "lastUpdated-day": 2,
        "lastUpdated-month": 11,
        "lastUpdated-year": 2026,
      }),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published edition",
      url: (f) => `/manage/editions/${f.newer}/publish`,
      body: withVersion(newer, { "lastUpdated-day": 2, "lastUpdated-month": 11, "lastUpdated-year": 2026 }),
      expected: NOBODY_CHANGES,
    },
  ],
  "POST /manage/editions/:id/discard": [
    {
      label: "a draft of its own",
      url: (f, visitor) => `/manage/editions/${f.draftToDiscard[visitor]}/discard`,
      body: withVersion((f, visitor) => f.draftToDiscard[visitor]),
      expected: EDITORS_CHANGE,
    },
    {
      label: "published edition",
      url: (f) => `/manage/editions/${f.newer}/discard`,
      body: withVersion(newer),
      expected: NOBODY_CHANGES,
    },
  ],
};

export const routeMapsMatrix: MatrixPart<Fixtures> = {
  name: "route maps",
  rows,
  async setup({ app, db, sessions, secret }) {
    const editor = sessions.editor;
    async function startDraft(slug: string): Promise<number> {
      const started = await postForm(app, editor, `/manage/themes/${slug}/drafts`, {});
      const id = /\/manage\/editions\/(\d+)\?saved=started/.exec(String(started.headers.location));
      if (!id) throw new Error(`Could not start a draft of ${slug}: ${started.statusCode}`);
      return Number(id[1]);
    }

    const programme = await getProgramme(db);
    const unpublished = programme.foundations.flatMap((f) => f.themes).filter((t) => t.latest === null);
    const { editions } = await listEditions(db, PUBLIC, "leadership");
    const [newerEdition, olderEdition] = editions;
    const draftId = await startDraft("leadership");
    // An action only the draft has: its words are for those who may read drafts.
    const secretAction = await postForm(app, editor, `/manage/editions/${draftId}/items`, {
      version: await version(db, draftId),
      section: "action",
      text: `A new action, not yet agreed: ${secret("a draft edition's new action", DRAFT_READERS)}.`,
    });
    if (secretAction.statusCode !== 303)
      throw new Error(`Could not add an action: ${secretAction.statusCode}`);
    // Changes that end what they change get a target of their own for each visitor.
    const itemToDelete = {} as PerVisitor;
    const draftToPublish = {} as PerVisitor;
    const draftToDiscard = {} as PerVisitor;
    for (const [i, visitor] of VISITORS.entries()) {
      const text = `An item for the matrix test to remove, as ${visitor}.`;
      const added = await postForm(app, editor, `/manage/editions/${draftId}/items`, {
        version: await version(db, draftId),
        section: "helping",
        text,
      });
      if (added.statusCode !== 303) throw new Error(`Could not add an item: ${added.body.slice(0, 300)}`);
      const item = await db
        .selectFrom("edition_item")
        .select("id")
        .where("edition_id", "=", draftId)
        .where("text", "=", text)
        .executeTakeFirstOrThrow();
      itemToDelete[visitor] = item.id;
      draftToPublish[visitor] = await startDraft(unpublished[2 * i]!.slug);
      draftToDiscard[visitor] = await startDraft(unpublished[2 * i + 1]!.slug);
    }
    const itemIn = async (editionId: number, section: Section) =>
      (
        await db
          .selectFrom("edition_item")
          .select("id")
          .where("edition_id", "=", editionId)
          .where("section", "=", section)
          .orderBy("position")
          .executeTakeFirstOrThrow()
      ).id;
    const sector = await db.selectFrom("sector").select("slug").orderBy("id").executeTakeFirstOrThrow();

    return {
      newer: newerEdition!.id,
      older: olderEdition!.id,
      publishedItem: await itemIn(newerEdition!.id, "action"),
      draft: draftId,
      draftItem: await itemIn(draftId, "action"),
      itemToDelete,
      draftToPublish,
      draftToDiscard,
      unpublishedSlug: unpublished[2 * VISITORS.length]!.slug,
      foundationSlug: programme.foundations[0]!.slug,
      sectorSlug: sector.slug,
    };
  },
};
