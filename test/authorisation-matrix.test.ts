import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Section } from "../src/db/schema.ts";
import { getProgramme, listEditions } from "../src/features/route-maps/route-map.service.ts";
import { PUBLIC } from "../src/platform/actor.ts";
import type { DatabaseHandle, Db } from "../src/platform/database.ts";
import { createTestDatabase } from "./support/database.ts";
import { anonymousSession, getPage, postForm, type Session, signIn, testApp } from "./support/http.ts";
import { listRoutes } from "./support/routes.ts";

// The authorisation matrix: every route of the app, read from the router itself, against every
// kind of visitor, with the answer each must get. A route with no row here fails the coverage
// test, so a new route cannot be forgotten. The visitors are the columns: when the accounts work
// adds a role, add it to VISITORS and TypeScript asks for its expected answer in every row.
//
// POSTs carry a valid CSRF token (this is about authorisation, not CSRF) and a body that would
// succeed if the visitor were allowed: a refusal therefore proves the rule, not a bad form.
// Changes that would spoil other rows run on their own drafts (publish, discard) or items (delete).

const VISITORS = ["public", "reader", "editor"] as const;
type Visitor = (typeof VISITORS)[number];

/** A status code, or "sign-in": a 303 to the sign-in page. Allowed answers are 200 or 303 elsewhere. */
type Answer = 200 | 303 | 400 | 403 | 404 | "sign-in";
type Expected = Record<Visitor, Answer>;

/** Public pages and open data: everyone. */
const EVERYONE: Expected = { public: 200, reader: 200, editor: 200 };
/** A draft read through the public pages or the API: invisible to the public, readable when signed in. */
const DRAFT_READ: Expected = { public: 404, reader: 200, editor: 200 };
/** The editing pages. */
const EDITORS_SEE: Expected = { public: "sign-in", reader: 403, editor: 200 };
/** A change to a draft. */
const EDITORS_CHANGE: Expected = { public: "sign-in", reader: 403, editor: 303 };
/** A change to a published edition: nobody may. */
const NOBODY_CHANGES: Expected = { public: "sign-in", reader: 403, editor: 403 };

interface Fixtures {
  /** Leadership's published editions, newest first. */
  newer: number;
  older: number;
  publishedItem: number;
  /** A draft of Leadership, started through the form by an editor, and its items. */
  draft: number;
  draftItem: number;
  itemToDelete: number;
  /** Drafts of other route maps, for the changes that end a draft. */
  draftToPublish: number;
  draftToDiscard: number;
  unpublishedSlug: string;
  foundationSlug: string;
  sectorSlug: string;
}

type Fields = Record<string, string | number>;

interface Sample {
  /** What the address points at, for the report: "draft", "published edition". */
  label: string;
  url: (f: Fixtures) => string;
  /** The form to post, made just before it is sent (so it carries the edition's current version). */
  body?: (f: Fixtures, db: Db) => Promise<Fields>;
  expected: Expected;
  /** Sign each visitor in afresh for this sample (signing out ends the shared sessions). */
  freshSessions?: boolean;
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
  (edition: (f: Fixtures) => number, fields: Fields = {}) =>
  async (f: Fixtures, db: Db): Promise<Fields> => ({ version: await version(db, edition(f)), ...fields });

const draft = (f: Fixtures) => f.draft;
const newer = (f: Fixtures) => f.newer;

/** Every route, by "METHOD /pattern", with the addresses to try and the answer for each visitor. */
const MATRIX: Record<string, Sample[]> = {
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
      body: async () => ({ email: "nobody@example.test", password: "not the password", returnTo: "/" }),
      expected: { public: 400, reader: 400, editor: 400 },
    },
  ],
  "POST /sign-out": [
    {
      label: "sign out",
      url: () => "/sign-out",
      body: async () => ({}),
      expected: { public: 303, reader: 303, editor: 303 },
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
      expected: { public: "sign-in", reader: 403, editor: 404 },
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
    // Readers may read drafts (authorize.ts), so they may preview one too.
    {
      label: "draft",
      url: (f) => `/manage/editions/${f.draft}/preview`,
      expected: { public: "sign-in", reader: 200, editor: 200 },
    },
    {
      label: "published edition (sent to its page)",
      url: (f) => `/manage/editions/${f.newer}/preview`,
      expected: { public: "sign-in", reader: 303, editor: 303 },
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
      expected: { public: "sign-in", reader: 403, editor: 404 },
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
      url: (f) => `/manage/editions/${f.draft}/items/${f.itemToDelete}/delete`,
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
      url: (f) => `/manage/editions/${f.draftToPublish}/publish`,
      body: withVersion((f) => f.draftToPublish, {
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
      url: (f) => `/manage/editions/${f.draftToDiscard}/discard`,
      body: withVersion((f) => f.draftToDiscard),
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

interface Cell {
  route: string;
  label: string;
  url: string;
  visitor: Visitor;
  expected: Answer;
  got: Answer | number;
  location: string;
}

/** The answer as the matrix names it: a 303 to the sign-in page is "sign-in". */
function answerOf(response: LightMyRequestResponse): number | "sign-in" {
  const location = String(response.headers.location ?? "");
  if (response.statusCode === 303 && location.startsWith("/sign-in")) return "sign-in";
  return response.statusCode;
}

function table(cells: Cell[]): string {
  const rows = [
    ["route", "address", "visitor", "expected", "got"],
    ...cells.map((c) => [
      c.route,
      `${c.url} (${c.label})`,
      c.visitor,
      String(c.expected),
      `${String(c.got)}${c.location ? ` → ${c.location}` : ""}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((v, i) => v.padEnd(widths[i]!)).join("  ")).join("\n");
}

describe("authorisation matrix: every route against every kind of visitor", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const routes: string[] = [];
  const cells: Cell[] = [];

  async function sessionsFor(): Promise<Record<Visitor, Session>> {
    return {
      public: await anonymousSession(app),
      reader: await signIn(app, handle.db, "reader"),
      editor: await signIn(app, handle.db, "programme_editor"),
    };
  }

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    const db = handle.db;
    app = await testApp(db);
    await app.ready();
    routes.push(
      ...listRoutes(app)
        .filter((r) => !r.url.startsWith("/assets/"))
        .map((r) => `${r.method} ${r.url}`),
    );

    const sessions = await sessionsFor();
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
    const added = await postForm(app, editor, `/manage/editions/${draftId}/items`, {
      version: await version(db, draftId),
      section: "helping",
      text: "An item for the matrix test to remove.",
    });
    if (added.statusCode !== 303) throw new Error(`Could not add an item: ${added.body.slice(0, 300)}`);
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

    const fixtures: Fixtures = {
      newer: newerEdition!.id,
      older: olderEdition!.id,
      publishedItem: await itemIn(newerEdition!.id, "action"),
      draft: draftId,
      draftItem: await itemIn(draftId, "action"),
      itemToDelete: await itemIn(draftId, "helping"),
      draftToPublish: await startDraft(unpublished[0]!.slug),
      draftToDiscard: await startDraft(unpublished[1]!.slug),
      unpublishedSlug: unpublished[2]!.slug,
      foundationSlug: programme.foundations[0]!.slug,
      sectorSlug: sector.slug,
    };

    for (const [route, samples] of Object.entries(MATRIX)) {
      const method = route.split(" ")[0]!;
      for (const sample of samples) {
        const who = sample.freshSessions ? await sessionsFor() : sessions;
        for (const visitor of VISITORS) {
          const url = sample.url(fixtures);
          const response =
            method === "GET"
              ? await getPage(app, who[visitor], url)
              : await postForm(app, who[visitor], url, sample.body ? await sample.body(fixtures, db) : {});
          cells.push({
            route,
            label: sample.label,
            url,
            visitor,
            expected: sample.expected[visitor],
            got: answerOf(response),
            location: response.statusCode === 303 ? String(response.headers.location ?? "") : "",
          });
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("every route the router serves has expectations here, and every row is a real route", () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(r in MATRIX)).map((r) => `no expectations for ${r}`)).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("every visitor gets the expected answer at every address", () => {
    expect(cells.length).toBeGreaterThan(routes.length * VISITORS.length - 1);
    const wrong = cells.filter((c) => c.got !== c.expected);
    expect(wrong, `Unexpected answers:\n${table(wrong)}`).toEqual([]);
  });

  it("a draft is not found (404, never 403) for the public, in pages and the API", () => {
    const draftReads = cells.filter(
      (c) =>
        c.visitor === "public" &&
        c.label.includes("draft") &&
        c.route.startsWith("GET ") &&
        !c.route.startsWith("GET /manage"),
    );
    expect(draftReads.length).toBeGreaterThanOrEqual(4);
    expect(
      draftReads.filter((c) => c.got !== 404),
      table(draftReads),
    ).toEqual([]);
  });

  it("a reader can read a draft but is refused (403) every change to it", () => {
    const draftPages = [
      "GET /themes/:slug/editions/:id",
      "GET /themes/:slug/compare",
      "GET /api/v1/themes/:slug/editions/:id",
      "GET /api/v1/themes/:slug/compare",
      "GET /manage/editions/:id/preview",
    ];
    const reads = cells.filter(
      (c) => c.visitor === "reader" && draftPages.includes(c.route) && c.label.includes("draft"),
    );
    expect(reads.length).toBe(draftPages.length);
    expect(
      reads.filter((c) => c.got !== 200),
      table(reads),
    ).toEqual([]);
    const changes = cells.filter((c) => c.visitor === "reader" && c.route.startsWith("POST /manage"));
    expect(changes.length).toBeGreaterThanOrEqual(14);
    expect(
      changes.filter((c) => c.got !== 403),
      table(changes),
    ).toEqual([]);
  });

  it("an editor can make every change to a draft, and none to a published edition", () => {
    const editorChanges = cells.filter(
      (c) => c.visitor === "editor" && c.route.startsWith("POST /manage/editions"),
    );
    const onDrafts = editorChanges.filter((c) => c.label.includes("draft"));
    const onPublished = editorChanges.filter((c) => c.label.includes("published"));
    expect(onDrafts.length).toBe(7);
    expect(
      onDrafts.filter((c) => c.got !== 303),
      table(onDrafts),
    ).toEqual([]);
    expect(onPublished.length).toBe(7);
    expect(
      onPublished.filter((c) => c.got !== 403),
      table(onPublished),
    ).toEqual([]);
  });
});
