import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Section } from "../src/db/schema.ts";
import { getProgramme, listEditions, listSectors } from "../src/features/route-maps/route-map.service.ts";
import { PUBLIC } from "../src/platform/actor.ts";
import type { DatabaseHandle, Db } from "../src/platform/database.ts";
import { accountErrorPages, accountLinks } from "./support/account-pages.ts";
import { accountabilitySamples } from "./support/accountability-pages.ts";
import { visitBulkPages } from "./support/bulk-pages.ts";
import { commitmentsPages } from "./support/commitments-pages.ts";
import { createTestDatabase } from "./support/database.ts";
import { governancePages } from "./support/governance-pages.ts";
import { visitAdminPages } from "./support/html-validity-admin.ts";
import { anonymousSession, getPage, postForm, type Session, signIn, testApp } from "./support/http.ts";
import { visitIndicatorPages } from "./support/indicator-pages.ts";
import { landscapePages } from "./support/landscape-pages.ts";
import { checkHtml, formatNuErrors } from "./support/nu-checker.ts";
import { visitRoundPages } from "./support/round-pages.ts";
import { listRoutes } from "./support/routes.ts";

// DESIGN.md §6: every page passes the Nu HTML Checker with zero errors. The pages are found from
// the router itself, so a new page cannot be left out: every GET route outside /api/ and /assets/
// must have a sample address below, filled from the demo data, or the coverage test names it.
// Each page is fetched as the public and as a signed-in editor (editing pages as the editor only),
// with error pages and forms re-rendered with their errors beside them.

interface Visited {
  name: string;
  status: number;
  expected: number;
  contentType: string;
  html: string;
}

/** Every route of the app that answers GET, as its pattern: "/themes/:slug/editions/:id". */
function getRoutes(app: FastifyInstance): string[] {
  return listRoutes(app)
    .filter((r) => r.method === "GET")
    .map((r) => r.url);
}

function fill(route: string, params: Record<string, string | number>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${route}`);
    return encodeURIComponent(String(value));
  });
}

async function version(db: Db, editionId: number): Promise<number> {
  const row = await db
    .selectFrom("route_map_edition")
    .select("version")
    .where("id", "=", editionId)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe("HTML validity of every page (Nu HTML Checker)", () => {
  let handle: DatabaseHandle;
  let emptyHandle: DatabaseHandle;
  let app: FastifyInstance;
  let emptyApp: FastifyInstance;
  const visited: Visited[] = [];
  const routes: string[] = [];
  /** The routes the samples below were made from. */
  const sampled = new Set<string>();

  function record(name: string, response: LightMyRequestResponse, expected: number): void {
    visited.push({
      name,
      status: response.statusCode,
      expected,
      contentType: String(response.headers["content-type"] ?? ""),
      html: response.body,
    });
  }

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    emptyHandle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    emptyApp = await testApp(emptyHandle.db);
    await app.ready();
    routes.push(
      ...getRoutes(app).filter(
        // Downloads that are not HTML (CSV, iCalendar, Word, stored files) are checked by their own tests.
        (route) =>
          !route.startsWith("/api/") &&
          !route.startsWith("/assets/") &&
          !/\.(csv|ics|docx|xlsx)$|\/file$/.test(route),
      ),
    );

    const db = handle.db;
    const editor = await signIn(app, db, "programme_editor");
    const reader = await signIn(app, db, "reader");

    // Start a draft of the Leadership route map so the editing pages have something to show.
    const started = await postForm(app, editor, "/manage/themes/leadership/drafts", {});
    if (started.statusCode !== 303) throw new Error(`Could not start a draft: ${started.statusCode}`);
    const draftId = Number(/\/manage\/editions\/(\d+)/.exec(String(started.headers.location))![1]);
    // The draft is a copy of December 2025, which has nothing in some sections (what is helping,
    // the mapping table): add one item to every section, so every kind of item page exists.
    const inDraft = await db
      .selectFrom("edition_item")
      .select("sector_id")
      .where("edition_id", "=", draftId)
      .where("section", "=", "sector")
      .execute();
    const sectorId = (await listSectors(db)).find((s) => !inDraft.some((i) => i.sector_id === s.id))!.id;
    const additions: Array<Record<string, string | number>> = [
      { section: "outcome", text: "Leaders model a culture of speaking up.", pageRefs: "Pg 36" },
      { section: "milestone", text: "The revised Common Core is launched.", year: 2026 },
      { section: "sector", sectorId },
      { section: "helping", text: "The Promise Scotland’s leadership programme." },
      { section: "what_matters", text: "That the people in charge listen to us." },
      { section: "mapping", framework: "uncrc", text: "Article 12" },
    ];
    for (const fields of additions) {
      const added = await postForm(app, editor, `/manage/editions/${draftId}/items`, {
        version: await version(db, draftId),
        ...fields,
      });
      if (added.statusCode !== 303)
        throw new Error(`Could not add a ${String(fields.section)}: ${added.body.slice(0, 500)}`);
    }
    const items = await db
      .selectFrom("edition_item")
      .select(["id", "section", "parent_id"])
      .where("edition_id", "=", draftId)
      .orderBy("position")
      .execute();
    const itemPages = new Map<string, number>();
    for (const item of items) {
      const kind: string = item.parent_id === null ? item.section : `${item.section} (sub-item)`;
      if (!itemPages.has(kind)) itemPages.set(kind, item.id);
    }
    const firstItem = (section: Section): number => itemPages.get(section)!;

    const links = await accountLinks(db);
    const programme = await getProgramme(db);
    const themes = programme.foundations.flatMap((f) => f.themes);
    const unpublished = themes.find((t) => t.latest === null)!;
    const { editions } = await listEditions(db, PUBLIC, "leadership");
    const published = editions.filter((e) => e.status === "published");
    const publishedItem = await db
      .selectFrom("edition_item")
      .select("id")
      .where("edition_id", "=", published[0]!.id)
      .executeTakeFirstOrThrow();

    const accountability = await accountabilitySamples(app, db, editor);
    const governance = await governancePages(db);

    // Sample addresses for every route: its path parameters, a query string, a note for the report.
    type Sample = { params?: Record<string, string | number>; query?: string; label?: string };
    const publicPages: Record<string, Sample[]> = {
      ...accountability.publicPages,
      "/": [{}],
      "/foundations/:slug": programme.foundations.map((f) => ({ params: { slug: f.slug } })),
      "/themes/:slug": [
        { params: { slug: "leadership" } },
        { params: { slug: unpublished.slug }, label: "no edition published yet" },
      ],
      "/themes/:slug/editions": [
        { params: { slug: "leadership" } },
        { params: { slug: unpublished.slug }, label: "no edition published yet" },
      ],
      "/themes/:slug/editions/:id": published.map((e) => ({ params: { slug: "leadership", id: e.id } })),
      "/themes/:slug/compare": [
        { params: { slug: "leadership" } },
        {
          params: { slug: "leadership" },
          query: `?from=${published[0]!.id}&to=${published[1]!.id}`,
          label: "newer against older",
        },
        { params: { slug: unpublished.slug }, label: "nothing to compare" },
      ],
      "/sectors": [{}],
      "/sectors/:slug": (await listSectors(db)).map((s) => ({ params: { slug: s.slug } })),
      "/sign-in": [
        {},
        { query: "?returnTo=%2Fmanage", label: "sent to sign in first" },
        { query: "?signedOut=everywhere", label: "after signing out everywhere" },
      ],
      "/password-reset": [{}],
      "/invitations/:token": [{ params: { token: links.invitation } }],
      "/password-reset/:token": [{ params: { token: links.reset } }],
      "/indicators": [{}],
      "/indicators/council-areas": [{}, { query: "?area=S12000023", label: "Orkney, with hidden numbers" }],
      "/indicators/:slug": [
        ...["children-looked-after", "referrals-to-the-reporter", "childrens-hearings-held"].map((slug) => ({
          params: { slug },
        })),
        {
          params: { slug: "children-looked-after" },
          query: "?geography=S12000036&breakdown=&period=2022-07-31",
          label: "Edinburgh, 2022",
        },
        {
          params: { slug: "children-looked-after" },
          query: "?geography=S92000003&breakdown=age+band%3A+0-4",
          label: "an age band",
        },
      ],
      ...(await landscapePages(db)),
      ...(await commitmentsPages(db)),
      ...governance.publicPages,
    };
    // Governance: the demo's National Leadership Group, its published meeting and the next one (draft minutes).
    const demoGroup = await db
      .selectFrom("governance_group")
      .select(["id", "slug"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const demoMeetings = await db
      .selectFrom("meeting")
      .select(["id", "minutes_status"])
      .where("group_id", "=", demoGroup.id)
      .orderBy("meeting_date")
      .execute();
    const publishedMeeting = demoMeetings.find((m) => m.minutes_status === "published")!.id;
    const draftMeeting = demoMeetings.find((m) => m.minutes_status === "draft")!.id;
    const demoMembership = await db
      .selectFrom("group_membership")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const demoItem = await db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", publishedMeeting)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    const draftItem = await postForm(app, editor, `/manage/meetings/${draftMeeting}/items`, {
      title: "Matters arising",
      notes: "Members noted the actions from the last meeting.",
      discussionPoints: "First point\nSecond point",
    });
    if (draftItem.statusCode !== 303)
      throw new Error(`Could not add an agenda item: ${draftItem.body.slice(0, 300)}`);
    const draftItemId = (
      await db
        .selectFrom("agenda_item")
        .select("id")
        .where("meeting_id", "=", draftMeeting)
        .executeTakeFirstOrThrow()
    ).id;
    await postForm(app, editor, `/manage/agenda-items/${draftItemId}/papers`, {
      paperTitle: "Forward look",
      reference: "paper 2/1",
      url: "https://example.org/forward-look",
    });
    publicPages["/groups"] = [{}];
    publicPages["/groups/:slug"] = [{ params: { slug: demoGroup.slug } }];
    publicPages["/groups/:slug/meetings/:id"] = [{ params: { slug: demoGroup.slug, id: publishedMeeting } }];

    const editorPages: Record<string, Sample[]> = {
      "/manage/groups/new": [{}],
      "/manage/groups/:slug": [
        { params: { slug: demoGroup.slug } },
        { params: { slug: demoGroup.slug }, query: "?saved=member", label: "after adding a member" },
      ],
      "/manage/memberships/:id": [{ params: { id: demoMembership.id } }],
      "/manage/meetings/:id": [
        { params: { id: publishedMeeting }, label: "published minutes" },
        { params: { id: draftMeeting }, query: "?saved=item", label: "draft minutes, with matters arising" },
      ],
      "/manage/meetings/:id/attendance": [
        { params: { id: draftMeeting } },
        { params: { id: publishedMeeting } },
      ],
      "/manage/agenda-items/:id": [
        { params: { id: draftItemId }, label: "draft minutes, with a paper" },
        { params: { id: demoItem.id }, label: "published minutes" },
      ],
      ...accountability.editorPages,
      ...governance.editorPages,
      "/manage": [{}, { query: "?saved=discarded&theme=leadership", label: "after discarding a draft" }],
      "/manage/editions/:id": [
        { params: { id: draftId }, label: "draft" },
        { params: { id: draftId }, query: "?saved=started", label: "draft just started" },
        { params: { id: published[0]!.id }, label: "published edition" },
      ],
      "/manage/editions/:id/items/:itemId": [
        ...[...itemPages].map(([kind, itemId]) => ({ params: { id: draftId, itemId }, label: kind })),
        { params: { id: published[0]!.id, itemId: publishedItem.id }, label: "in a published edition" },
      ],
      "/manage/editions/:id/preview": [{ params: { id: draftId } }],
      "/manage/editions/:id/discard": [{ params: { id: draftId } }],
      "/account": [{}, { query: "?saved=welcome", label: "just accepted an invitation" }],
      "/manage/import": [{}, { query: "?outcome=created", label: "after importing" }],
    };

    async function visit(
      pages: Record<string, Sample[]>,
      who: Array<[string, Session | undefined]>,
    ): Promise<void> {
      for (const [route, samples] of Object.entries(pages)) {
        sampled.add(route);
        for (const sample of samples) {
          const url = fill(route, sample.params ?? {}) + (sample.query ?? "");
          for (const [as, session] of who) {
            const name = `GET ${url}${sample.label ? ` (${sample.label})` : ""} as ${as}`;
            record(name, await getPage(app, session, url), 200);
          }
        }
      }
    }
    await visit(publicPages, [
      ["the public", undefined],
      ["an editor", editor],
    ]);
    await visit(editorPages, [["an editor", editor]]);
    await visitAdminPages(app, db, visit, record);
    await visitIndicatorPages(app, db, record, sampled);
    await visitBulkPages(app, db, record, sampled);
    await visitRoundPages(app, db, editor, visit, record);

    // Error pages, and forms sent back with their errors.
    const errorPage = async (name: string, response: Promise<LightMyRequestResponse>, expected: number) =>
      record(name, await response, expected);
    await errorPage("page not found", getPage(app, undefined, "/no-such-page"), 404);
    for (const [name, response, status] of accountability.errors) await errorPage(name, response, status);
    await errorPage("no such route map", getPage(app, undefined, "/themes/no-such-theme"), 404);
    await errorPage(
      "malformed edition address",
      getPage(app, undefined, "/themes/leadership/editions/x"),
      404,
    );
    await errorPage(
      "comparing an edition with itself",
      getPage(app, undefined, `/themes/leadership/compare?from=${published[0]!.id}&to=${published[0]!.id}`),
      400,
    );
    await errorPage(
      "a draft, to the public",
      getPage(app, undefined, `/themes/leadership/editions/${draftId}`),
      404,
    );
    await errorPage(
      "sign-in with empty fields",
      postForm(app, await anonymousSession(app), "/sign-in", { email: "", password: "", returnTo: "/" }),
      400,
    );
    // Single sign-on is off here, so its addresses are not found; its own pages, switched on, are
    // checked in src/features/accounts/oidc.routes.test.ts.
    for (const route of ["/sign-in/sso", "/sign-in/sso/callback"]) {
      sampled.add(route);
      await errorPage(`GET ${route} without single sign-on`, getPage(app, undefined, route), 404);
    }
    await errorPage("a reader opening the editing pages", getPage(app, reader, "/manage"), 403);
    await accountErrorPages(app, db, links, errorPage);
    const update = [
      "Supporting families: progress update 2025",
      "Part 2 Families at the centre",
      "This part sets out two key actions.",
      "• We will fund a family support worker in every school",
      "A worker in each school means help can start early.",
      "• We will publish a plain guide to allowances",
      "The guide will be written with carers.",
    ].join("\n");
    await errorPage(
      "import: reviewing a progress update",
      postForm(app, editor, "/manage/import", { text: update }),
      200,
    );
    await errorPage(
      "import: a document it does not recognise",
      postForm(app, editor, "/manage/import", { text: "A shopping list.\nBread and milk." }),
      400,
    );
    await errorPage(
      "the landscape with a period that ends before it starts",
      getPage(
        app,
        undefined,
        "/landscape?from-day=2&from-month=1&from-year=2024&to-day=1&to-month=1&to-year=2024",
      ),
      400,
    );
    await errorPage("no such edition, to an editor", getPage(app, editor, "/manage/editions/999999"), 404);
    const current = await version(db, draftId);
    await errorPage(
      "adding an empty outcome",
      postForm(app, editor, `/manage/editions/${draftId}/items`, {
        version: current,
        section: "outcome",
        text: "",
      }),
      400,
    );
    await errorPage(
      "adding a milestone outside 2025–2030",
      postForm(app, editor, `/manage/editions/${draftId}/items`, {
        version: current,
        section: "milestone",
        text: "Too far.",
        year: 2031,
      }),
      400,
    );
    await errorPage(
      "edition details with an empty label",
      postForm(app, editor, `/manage/editions/${draftId}/details`, {
        version: current,
        label: "",
        layout: "timeline",
      }),
      400,
    );
    await errorPage(
      "editing an action to empty text",
      postForm(app, editor, `/manage/editions/${draftId}/items/${firstItem("action")}`, {
        version: current,
        text: "",
      }),
      400,
    );
    await errorPage(
      "publishing with an impossible date",
      postForm(app, editor, `/manage/editions/${draftId}/publish`, {
        version: current,
        "lastUpdated-day": "31",
        "lastUpdated-month": "2",
        "lastUpdated-year": "2026",
      }),
      400,
    );
    await errorPage(
      "saving details from a stale form (conflict)",
      postForm(app, editor, `/manage/editions/${draftId}/details`, {
        version: current - 1,
        label: "New edition",
        layout: "outcomes",
      }),
      409,
    );
    await errorPage(
      "editing an item from a stale form (conflict)",
      postForm(app, editor, `/manage/editions/${draftId}/items/${firstItem("outcome")}`, {
        version: current - 1,
        text: "Reworded.",
      }),
      409,
    );
    await errorPage(
      "discarding from a stale form (conflict)",
      postForm(app, editor, `/manage/editions/${draftId}/discard`, { version: current - 1 }),
      409,
    );

    await errorPage(
      "planning a meeting that ends before it starts",
      postForm(app, editor, `/manage/groups/${demoGroup.slug}/meetings`, {
        "date-day": "1",
        "date-month": "9",
        "date-year": "2025",
        startTime: "15:00",
        endTime: "14:00",
      }),
      400,
    );
    await errorPage(
      "attendance with a person listed twice",
      postForm(app, editor, `/manage/meetings/${draftMeeting}/attendance`, {
        "person-1": "Jane Scott",
        "person-2": "Jane Scott",
      }),
      400,
    );
    await errorPage(
      "a member deputising for someone not in the group",
      postForm(app, editor, `/manage/groups/${demoGroup.slug}/members`, {
        person: "A Deputy",
        deputyFor: "Nobody",
      }),
      400,
    );
    await errorPage(
      "draft minutes, to the public",
      getPage(app, undefined, `/groups/${demoGroup.slug}/meetings/${draftMeeting}`),
      404,
    );

    // The same draft laid out as a June 2024 page (2030 ambitions with page references).
    const toAmbitions = await postForm(app, editor, `/manage/editions/${draftId}/details`, {
      version: current,
      label: "New edition",
      layout: "ambitions",
      introduction: "This route map sets out what must happen.",
      stateOfPlayTitle: "Scotland in 2024",
      stateOfPlay: "Work is underway.",
      ambitionSummary: "By 2030, leaders will listen.",
      routeMapIntro: "To get there:",
    });
    if (toAmbitions.statusCode !== 303) throw new Error(`Could not change the layout: ${toAmbitions.body}`);
    record(
      "draft laid out with 2030 ambitions",
      await getPage(app, editor, `/manage/editions/${draftId}`),
      200,
    );
    record(
      "preview laid out with 2030 ambitions",
      await getPage(app, editor, `/manage/editions/${draftId}/preview`),
      200,
    );

    // A Waymark with no programme loaded yet.
    const emptyEditor = await signIn(emptyApp, emptyHandle.db, "programme_editor");
    for (const url of ["/", "/sectors"])
      record(`GET ${url} with no programme`, await getPage(emptyApp, undefined, url), 200);
    record("GET /manage with no programme", await getPage(emptyApp, emptyEditor, "/manage"), 200);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await emptyApp?.close();
    await handle?.close();
    await emptyHandle?.close();
  });

  it("every HTML page the router serves has a sample address here", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(
      routes.filter((route) => !sampled.has(route)).map((route) => `no sample address for GET ${route}`),
    ).toEqual([]);
    expect([...sampled].filter((route) => !routes.includes(route))).toEqual([]);
  });

  it("every sample answered as expected, with HTML", () => {
    expect(
      visited
        .filter((v) => v.status !== v.expected || !v.contentType.startsWith("text/html"))
        .map((v) => `${v.name}: ${v.status} ${v.contentType}, expected ${v.expected} text/html`),
    ).toEqual([]);
  });

  it("every page passes the Nu HTML Checker with zero errors", async ({ skip }) => {
    const check = await checkHtml(visited.map((v) => ({ name: v.name, html: v.html })));
    if ("skipped" in check) {
      console.warn(check.skipped);
      return skip(check.skipped);
    }
    expect(check.results).toHaveLength(visited.length);
    const report = formatNuErrors(check.results);
    expect(report, `Nu HTML Checker errors:\n${report}`).toBe("");
  }, 180_000);
});

describe("the Nu HTML Checker", () => {
  it("reports errors in an invalid document, with its name, line and message, and none in a valid one", async ({
    skip,
  }) => {
    const valid =
      '<!DOCTYPE html>\n<html lang="en">\n<head><title>Fine</title></head>\n<body><p>Fine.</p></body>\n</html>\n';
    const invalid =
      '<!DOCTYPE html>\n<html lang="en">\n<head><title>Broken</title></head>\n<body>\n<p id="x">One</p>\n<p id="x">Two</p>\n<ul><p>Not a list item</p></ul>\n</body>\n</html>\n';
    const check = await checkHtml([
      { name: "valid page", html: valid },
      { name: "invalid page", html: invalid },
    ]);
    if ("skipped" in check) {
      console.warn(check.skipped);
      return skip(check.skipped);
    }
    const [good, bad] = check.results;
    expect(good).toEqual({ name: "valid page", errors: [] });
    expect(bad!.name).toBe("invalid page");
    expect(bad!.errors.map((e) => [e.line, e.message])).toEqual([
      [6, "Duplicate ID “x”."],
      [
        7,
        "Element “p” not allowed as child of element “ul” in this context. (Suppressing further errors from this subtree.)",
      ],
    ]);
    expect(formatNuErrors(check.results)).toContain("invalid page, line 6: Duplicate ID “x”.");
  }, 120_000);
});
