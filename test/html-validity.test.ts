import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/platform/database.ts";
import { accountErrorPages, accountLinks } from "./support/account-pages.ts";
import { accountabilitySamples } from "./support/accountability-pages.ts";
import { visitBulkPages } from "./support/bulk-pages.ts";
import { commitmentsPages } from "./support/commitments-pages.ts";
import { createTestDatabase } from "./support/database.ts";
import { fundingPages } from "./support/funding-pages.ts";
import { demoGovernanceSamples, governancePages } from "./support/governance-pages.ts";
import type { ErrorPage, Samples, Visit } from "./support/html-samples.ts";
import { visitAdminPages } from "./support/html-validity-admin.ts";
import { anonymousSession, getPage, postForm, signIn, testApp } from "./support/http.ts";
import { improvementPages } from "./support/improvement-pages.ts";
import { visitIndicatorPages } from "./support/indicator-pages.ts";
import { landscapePages } from "./support/landscape-pages.ts";
import { checkHtml, formatNuErrors } from "./support/nu-checker.ts";
import { openDataErrorPages, openDataPages } from "./support/open-data-pages.ts";
import { visitReportPages } from "./support/reports-pages.ts";
import { visitRoundPages } from "./support/round-pages.ts";
import { routeMapSamples } from "./support/route-map-pages.ts";
import { listRoutes } from "./support/routes.ts";
import { timelinePages } from "./support/timeline-pages.ts";

// Every page passes the Nu HTML Checker with zero errors. The pages are found from
// the router itself, so a new page cannot be left out: every GET route outside /api/ and /assets/
// must have a sample address, filled from the demo data, or the coverage test names it. Each
// feature keeps its samples in test/support/<feature>-pages.ts; the few left here are shared.
// Each page is fetched as the public and as a signed-in editor (editing pages as the editor
// only), with error pages and forms re-rendered with their errors beside them.

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
        // Downloads that are not HTML (CSV, iCalendar, Word, PDF, stored files, robots.txt, the icon) are checked by their own tests.
        (route) =>
          !route.startsWith("/api/") &&
          !route.startsWith("/assets/") &&
          !/\.(csv|ics|docx|xlsx|pdf|txt|ico)$|\/file$/.test(route),
      ),
    );

    const db = handle.db;
    const editor = await signIn(app, db, "programme_editor");
    const reader = await signIn(app, db, "reader");
    const links = await accountLinks(db);
    const routeMaps = await routeMapSamples(app, db, editor);
    const accountability = await accountabilitySamples(app, db, editor);
    const demoGroup = await demoGovernanceSamples(app, db, editor);
    const governance = await governancePages(db);
    const funding = await fundingPages(db);
    const improvement = await improvementPages(app, db, editor);

    const timeline = await timelinePages(db);
    const publicPages: Samples = {
      ...routeMaps.publicPages,
      ...accountability.publicPages,
      "/sign-in": [
        {},
        { query: "?returnTo=%2Fmanage", label: "sent to sign in first" },
        { query: "?signedOut=everywhere", label: "after signing out everywhere" },
      ],
      "/password-reset": [{}],
      "/invitations/:token": [{ params: { token: links.invitation } }],
      "/password-reset/:token": [{ params: { token: links.reset } }],
      "/indicators": [{}],
      ...Object.fromEntries(
        ["/accessibility", "/privacy", "/cookies", "/feedback"].map((url) => [url, [{}]]),
      ),
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
      ...funding.publicPages,
      ...improvement.publicPages,
      ...governance.publicPages,
      ...demoGroup.publicPages,
      ...timeline.publicPages,
    };
    for (const [route, samples] of Object.entries(openDataPages))
      publicPages[route] = [...(publicPages[route] ?? []), ...samples];
    const editorPages: Samples = {
      ...routeMaps.editorPages,
      ...demoGroup.editorPages,
      ...accountability.editorPages,
      ...governance.editorPages,
      ...funding.editorPages,
      ...improvement.editorPages,
      ...timeline.editorPages,
      "/account": [{}, { query: "?saved=welcome", label: "just accepted an invitation" }],
      "/manage/import": [{}, { query: "?outcome=created", label: "after importing" }],
    };

    const visit: Visit = async (pages, who) => {
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
    };
    await visit(publicPages, [
      ["the public", undefined],
      ["an editor", editor],
    ]);
    await visit(editorPages, [["an editor", editor]]);
    await visitAdminPages(app, db, visit, record);
    await visitIndicatorPages(app, db, record, sampled);
    await visitBulkPages(app, db, record, sampled);
    await visitRoundPages(app, db, editor, visit, record);
    await visitReportPages(app, editor, visit, record);

    // Error pages, and forms sent back with their errors.
    const errorPage: ErrorPage = async (name, response, expected) => record(name, await response, expected);
    await errorPage("page not found", getPage(app, undefined, "/no-such-page"), 404);
    for (const [name, response, status] of accountability.errors) await errorPage(name, response, status);
    await openDataErrorPages(app, errorPage);
    for (const [name, response, status] of timeline.errors(app, editor))
      await errorPage(name, response, status);
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
    await demoGroup.visitErrors(errorPage);
    await improvement.visitErrors(errorPage);
    await routeMaps.visitErrors(errorPage, record);

    // A Waymark with no programme loaded yet.
    const emptyEditor = await signIn(emptyApp, emptyHandle.db, "programme_editor");
    for (const url of ["/", "/sectors"])
      record(`GET ${url} with no programme`, await getPage(emptyApp, undefined, url), 200);
    for (const url of ["/manage", "/rounds"])
      record(`GET ${url} with no programme`, await getPage(emptyApp, emptyEditor, url), 200);
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
