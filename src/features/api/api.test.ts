import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, type Session, signIn } from "../../../test/support/http.ts";
import { createApp } from "../../app.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { insertRouteMaps } from "./api.fixtures.ts";

type Json = Record<string, unknown>;

describe("the JSON API", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let editor: Session;
  let ids: Awaited<ReturnType<typeof insertRouteMaps>>;

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    ids = await insertRouteMaps(handle.db);
    app = await createApp({ db: handle.db, config: { production: false, logLevel: "silent" } });
    editor = await signIn(app, handle.db, "editor");
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function get(url: string, session?: Session) {
    const response = await getPage(app, session, url);
    return { status: response.statusCode, headers: response.headers, body: response.json() as Json };
  }

  describe("the index", () => {
    it("links to every collection and to the OpenAPI document, and every link answers", async () => {
      const { status, body } = await get("/api/v1");
      expect(status).toBe(200);
      const links = body.links as Record<string, string>;
      expect(Object.keys(links).sort()).toEqual(["foundations", "openapi", "programme", "sectors", "themes"]);
      for (const link of Object.values(links)) expect((await get(link)).status, link).toBe(200);
    });

    it("answers with or without a trailing slash", async () => {
      expect((await get("/api/v1/")).status).toBe(200);
    });
  });

  describe("answers as open data", () => {
    it("is JSON in UTF-8 that any site may read, cached publicly for a short time, without cookies", async () => {
      const { headers } = await get("/api/v1/programme");
      expect(headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(headers["access-control-allow-origin"]).toBe("*");
      expect(headers["access-control-allow-credentials"]).toBeUndefined();
      expect(headers["cache-control"]).toBe("public, max-age=60");
      expect(headers["set-cookie"]).toBeUndefined();
    });

    it("keeps answers for a signed-in person out of shared caches", async () => {
      const { headers } = await get("/api/v1/themes/leadership", editor);
      expect(headers["cache-control"]).toBe("private, no-store");
      expect(headers.vary).toContain("Cookie");
    });

    it("gives errors the same headers, so other sites can read them too", async () => {
      const { status, headers } = await get("/api/v1/themes/no-such-theme");
      expect(status).toBe(404);
      expect(headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(headers["access-control-allow-origin"]).toBe("*");
    });
  });

  describe("the programme, foundations and themes", () => {
    it("shows the programme with its foundations in order and their themes", async () => {
      const { status, body } = await get("/api/v1/programme");
      expect(status).toBe(200);
      expect(body).toMatchObject({
        slug: "the-promise",
        name: "The promise",
        startYear: 2020,
        endYear: 2030,
      });
      const foundations = body.foundations as Array<{ slug: string; themes: Array<{ slug: string }> }>;
      expect(foundations.map((f) => f.slug)).toEqual(["voice", "scaffolding"]);
      expect(foundations[1]?.themes.map((t) => t.slug)).toEqual(["leadership"]);
    });

    it("gives each theme its latest published edition with counts, never the draft", async () => {
      const { body } = await get("/api/v1/themes");
      const themes = body.themes as Json[];
      expect(themes.map((t) => t.slug)).toEqual(["listening", "leadership"]);
      expect(themes[0]?.latestEdition).toBeNull();
      expect(themes[1]).toMatchObject({
        name: "Leadership",
        foundation: { slug: "scaffolding", name: "Scaffolding", url: "/api/v1/foundations/scaffolding" },
        url: "/api/v1/themes/leadership",
        latestEdition: {
          id: ids.december2025,
          status: "published",
          label: "December 2025",
          lastUpdated: "2025-12-01",
          counts: { outcomes: 1, actions: 2, milestones: 1 },
        },
      });
    });

    it("lists the foundations, and shows one with its themes", async () => {
      const list = await get("/api/v1/foundations");
      expect((list.body.foundations as Json[]).map((f) => f.name)).toEqual(["Voice", "Scaffolding"]);
      const one = await get("/api/v1/foundations/scaffolding");
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ slug: "scaffolding", themes: [{ slug: "leadership" }] });
    });

    it("shows a theme with the editions the public may see and its latest published edition", async () => {
      const { status, body } = await get("/api/v1/themes/leadership");
      expect(status).toBe(200);
      expect(body.latestPublishedEditionId).toBe(ids.december2025);
      expect((body.editions as Json[]).map((e) => e.label)).toEqual(["December 2025", "June 2024"]);
    });

    it("says a route map that was never published has no latest edition", async () => {
      const theme = await get("/api/v1/themes/listening");
      expect(theme.body).toMatchObject({ latestPublishedEditionId: null, editions: [] });
      const latest = await get("/api/v1/themes/listening/editions/latest");
      expect(latest.status).toBe(404);
      expect(latest.body).toMatchObject({ error: { code: "not_found" } });
    });
  });

  describe("editions", () => {
    it("lists a route map's published editions, newest first", async () => {
      const { status, body } = await get("/api/v1/themes/leadership/editions");
      expect(status).toBe(200);
      expect(body.theme).toEqual({
        slug: "leadership",
        name: "Leadership",
        url: "/api/v1/themes/leadership",
      });
      expect(body.editions).toEqual([
        {
          id: ids.december2025,
          status: "published",
          layout: "outcomes",
          label: "December 2025",
          lastUpdated: "2025-12-01",
          version: 1,
          url: `/api/v1/themes/leadership/editions/${ids.december2025}`,
        },
        expect.objectContaining({ id: ids.june2024, label: "June 2024", layout: "ambitions" }),
      ]);
    });

    it("gives the latest edition with every section of the December 2025 format", async () => {
      const { status, body } = await get("/api/v1/themes/leadership/editions/latest");
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: ids.december2025,
        layout: "outcomes",
        theme: { slug: "leadership", name: "Leadership" },
        foundation: { slug: "scaffolding", name: "Scaffolding" },
        copiedFromId: ids.june2024,
        stateOfPlay: { title: "Where is Scotland now?" },
        outcomes: [
          { text: expect.stringContaining("values-based, relational and collective"), pageRefs: "" },
        ],
        actions: [
          {
            text: "The Promise Scotland to support local authorities to develop clear delivery plans.",
            children: [{ text: "Via Promise Leads or Delivery Partners." }],
          },
          { text: "The Independent Strategic Advisor to visit local areas.", children: [] },
        ],
        sectors: [
          { slug: "local-authorities", name: "Local Authorities", url: "/api/v1/sectors/local-authorities" },
          { slug: "scottish-government", name: "Scottish Government" },
        ],
        helping: [{ text: "Public Service Reform Strategy - 'Delivering for Scotland'." }],
        whatMatters: [{ text: "Leaders who listen and stay." }],
      });
      for (const key of [
        "introduction",
        "ambitionSummary",
        "routeMapIntro",
        "updatedAt",
        "version",
        "lastUpdated",
      ]) {
        expect(body, key).toHaveProperty(key);
      }
      const milestones = body.milestones as Array<{ year: number; items: Json[] }>;
      expect(milestones.map((m) => [m.year, m.items.length])).toEqual([
        [2025, 0],
        [2026, 1],
        [2027, 0],
        [2028, 0],
        [2029, 0],
        [2030, 0],
      ]);
      const mappings = body.mappings as Array<{ framework: string; items: Array<{ text: string }> }>;
      expect(mappings.map((m) => [m.framework, m.items.map((i) => i.text)])).toEqual([
        ["promise_report", ["Pg 36"]],
        ["plan_21_24", []],
        ["uncrc", ["Article 12"]],
        ["shanarri", []],
      ]);
      const item = (body.actions as Json[])[0];
      expect(item?.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(item?.id).toEqual(expect.any(Number));
    });

    it("gives an earlier edition at its own address, in the June 2024 format", async () => {
      const { status, body } = await get(`/api/v1/themes/leadership/editions/${ids.june2024}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        label: "June 2024",
        layout: "ambitions",
        stateOfPlay: { title: "Scotland in 2024" },
        outcomes: [{ text: "Leaders model the values of the promise.", pageRefs: "Pg 36; Pg 23" }],
        copiedFromId: null,
      });
    });

    it("does not find an edition under another route map's address", async () => {
      const { status, body } = await get(`/api/v1/themes/listening/editions/${ids.june2024}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: "not_found" } });
    });
  });

  describe("drafts", () => {
    it("are not found by the public, at any address", async () => {
      const { status, body } = await get(`/api/v1/themes/leadership/editions/${ids.draft}`);
      expect(status).toBe(404);
      expect(body).toEqual({
        error: { code: "not_found", message: expect.any(String), fields: {} },
      });
      for (const url of [
        "/api/v1/programme",
        "/api/v1/themes",
        "/api/v1/themes/leadership",
        "/api/v1/themes/leadership/editions",
        "/api/v1/themes/leadership/editions/latest",
        "/api/v1/sectors/local-authorities",
      ]) {
        const answer = await app.inject({ method: "GET", url });
        expect(answer.statusCode, url).toBe(200);
        expect(answer.body, url).not.toContain("Spring 2026");
        expect(answer.body, url).not.toContain("A draft action nobody outside may see yet.");
        expect(answer.body, url).not.toContain(`"status":"draft"`);
      }
    });

    it("are listed first for an editor, and readable in full", async () => {
      const list = await get("/api/v1/themes/leadership/editions", editor);
      expect((list.body.editions as Json[]).map((e) => [e.label, e.status])).toEqual([
        ["Spring 2026", "draft"],
        ["December 2025", "published"],
        ["June 2024", "published"],
      ]);
      const theme = await get("/api/v1/themes/leadership", editor);
      expect((theme.body.editions as Json[])[0]).toMatchObject({
        id: ids.draft,
        status: "draft",
        lastUpdated: null,
      });
      expect(theme.body.latestPublishedEditionId).toBe(ids.december2025);
      const draft = await get(`/api/v1/themes/leadership/editions/${ids.draft}`, editor);
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({
        status: "draft",
        lastUpdated: null,
        copiedFromId: ids.december2025,
        actions: [{ text: "A draft action nobody outside may see yet." }],
      });
    });

    it("never become an editor's latest edition before they are published", async () => {
      const { body } = await get("/api/v1/themes/leadership/editions/latest", editor);
      expect(body.id).toBe(ids.december2025);
    });
  });

  describe("comparing editions", () => {
    type Section = { id: string; added: Json[]; removed: Json[]; changed: Json[]; unchanged: Json[] };
    const sectionOf = (body: Json, id: string) => (body.sections as Section[]).find((s) => s.id === id)!;

    it("compares the latest published edition with the one before it, section by section", async () => {
      const { status, body } = await get("/api/v1/themes/leadership/compare");
      expect(status).toBe(200);
      expect(body).toMatchObject({
        theme: { slug: "leadership", name: "Leadership" },
        from: { id: ids.june2024, label: "June 2024" },
        to: { id: ids.december2025, label: "December 2025" },
        layoutChange: { from: "ambitions", to: "outcomes" },
        hasChanges: true,
      });
      expect((body.sections as Section[]).map((s) => s.id)).toEqual([
        "introduction",
        "state-of-play",
        "by-2030",
        "route-map",
        "milestones",
        "who",
        "helping",
        "what-matters",
        "mapping",
      ]);
      const routeMap = sectionOf(body, "route-map");
      expect(routeMap.removed).toEqual([expect.objectContaining({ text: "Develop leadership learning." })]);
      expect(routeMap.added.map((i) => i.text)).toEqual([
        "The Promise Scotland to support local authorities to develop clear delivery plans.",
        "Via Promise Leads or Delivery Partners.",
        "The Independent Strategic Advisor to visit local areas.",
      ]);
      expect(sectionOf(body, "milestones").added).toEqual([
        expect.objectContaining({ text: "Leadership forums meet in every area.", detail: "2026" }),
      ]);
      const who = sectionOf(body, "who");
      expect(who.added.map((i) => i.text)).toEqual(["Local Authorities"]);
      expect(who.removed.map((i) => i.text)).toEqual([]);
      expect(body.totals).toEqual({ added: expect.any(Number), removed: 2, changed: 0 });
    });

    it("compares the editions asked for, either way round", async () => {
      const { status, body } = await get(
        `/api/v1/themes/leadership/compare?from=${ids.december2025}&to=${ids.june2024}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ from: { id: ids.december2025 }, to: { id: ids.june2024 } });
      expect(sectionOf(body, "route-map").added).toEqual([
        expect.objectContaining({ text: "Develop leadership learning." }),
      ]);
    });

    it("keeps drafts out of comparisons for the public, and lets an editor compare a draft", async () => {
      const hidden = await get(`/api/v1/themes/leadership/compare?to=${ids.draft}`);
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain("draft action");
      const shown = await get(`/api/v1/themes/leadership/compare?to=${ids.draft}`, editor);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        from: { id: ids.december2025 },
        to: { id: ids.draft, status: "draft" },
      });
      expect(sectionOf(shown.body, "route-map").added).toEqual([
        expect.objectContaining({ text: "A draft action nobody outside may see yet." }),
      ]);
    });

    it.each([
      ["from=abc", { from: "must be a whole number" }],
      ["from=0", { from: "must be 1 or more" }],
      ["to=99999999999", { to: "must be 2147483647 or less" }],
      ["from=1.5&to=2", { from: "must be a whole number" }],
      ["from=1&from=2", { from: "must be a whole number" }],
      ["from=", { from: "must be a whole number" }],
    ])("refuses a malformed edition (?%s), naming the parameter", async (query, fields) => {
      const { status, body } = await get(`/api/v1/themes/leadership/compare?${query}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: { code: "validation", message: expect.any(String), fields } });
    });

    it("refuses to compare an edition with itself", async () => {
      const { status, body } = await get(
        `/api/v1/themes/leadership/compare?from=${ids.june2024}&to=${ids.june2024}`,
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: "validation", fields: { to: expect.any(String) } } });
    });

    it("does not find editions that are not this route map's, or a route map with nothing to compare", async () => {
      for (const url of [
        "/api/v1/themes/leadership/compare?from=2147483647",
        "/api/v1/themes/listening/compare",
        `/api/v1/themes/listening/compare?from=${ids.june2024}&to=${ids.december2025}`,
        "/api/v1/themes/no-such-theme/compare",
      ]) {
        const { status, body } = await get(url);
        expect(status, url).toBe(404);
        expect(body, url).toMatchObject({ error: { code: "not_found", fields: {} } });
      }
    });
  });

  describe("sectors", () => {
    it("lists every sector in order", async () => {
      const { status, body } = await get("/api/v1/sectors");
      expect(status).toBe(200);
      expect(body.sectors).toEqual([
        { slug: "local-authorities", name: "Local Authorities", url: "/api/v1/sectors/local-authorities" },
        {
          slug: "scottish-government",
          name: "Scottish Government",
          url: "/api/v1/sectors/scottish-government",
        },
        { slug: "health-boards", name: "Health Boards", url: "/api/v1/sectors/health-boards" },
      ]);
    });

    it("shows every action where a sector must act, route map by route map", async () => {
      const { status, body } = await get("/api/v1/sectors/local-authorities");
      expect(status).toBe(200);
      expect(body).toMatchObject({
        sector: { slug: "local-authorities", name: "Local Authorities" },
        routeMaps: [
          {
            theme: { slug: "leadership", name: "Leadership" },
            edition: { id: ids.december2025, label: "December 2025" },
            actions: [
              { children: [{ text: "Via Promise Leads or Delivery Partners." }] },
              { text: "The Independent Strategic Advisor to visit local areas." },
            ],
          },
        ],
      });
    });

    it("reads only the latest published edition: a sector named only in an older one has nothing to do", async () => {
      // Scottish Government is named in June 2024 and December 2025; only December 2025 counts.
      const named = await get("/api/v1/sectors/scottish-government");
      expect((named.body.routeMaps as Json[]).length).toBe(1);
      const none = await get("/api/v1/sectors/health-boards");
      expect(none.status).toBe(200);
      expect(none.body.routeMaps).toEqual([]);
    });
  });

  describe("bad input", () => {
    function expectError(body: Json, code: string) {
      expect(body).toEqual({
        error: { code, message: expect.any(String), fields: expect.any(Object) },
      });
      expect((body.error as { message: string }).message.length).toBeGreaterThan(0);
    }

    it.each([
      ["abc", "must be a whole number"],
      ["1.5", "must be a whole number"],
      ["0", "must be 1 or more"],
      ["-1", "must be 1 or more"],
      ["2147483648", "must be 2147483647 or less"],
      ["99999999999999999999999", "must be 2147483647 or less"],
    ])("a malformed edition id %s is refused, naming the id", async (id, message) => {
      const { status, body } = await get(`/api/v1/themes/leadership/editions/${id}`);
      expect(status).toBe(400);
      expectError(body, "validation");
      expect((body.error as { fields: Json }).fields).toEqual({ id: message });
    });

    it("an edition id that could exist but does not is not found", async () => {
      const { status, body } = await get("/api/v1/themes/leadership/editions/2147483647");
      expect(status).toBe(404);
      expectError(body, "not_found");
    });

    it.each([
      "/api/v1/themes/Leadership",
      "/api/v1/themes/leader_ship",
      "/api/v1/themes/-leadership",
      "/api/v1/themes/leadership%20",
      "/api/v1/foundations/%3Cscript%3E",
      "/api/v1/sectors/..%2F..%2Fetc",
    ])("a malformed slug in %s is refused, naming the slug", async (url) => {
      const { status, body } = await get(url);
      expect(status).toBe(400);
      expectError(body, "validation");
      expect(Object.keys((body.error as { fields: Json }).fields)).toEqual(["slug"]);
    });

    it.each([
      "/api/v1/themes/no-such-theme",
      "/api/v1/themes/no-such-theme/editions",
      "/api/v1/themes/no-such-theme/editions/latest",
      "/api/v1/themes/no-such-theme/editions/1",
      "/api/v1/foundations/no-such-foundation",
      "/api/v1/sectors/no-such-sector",
      "/api/v1/no-such-collection",
      "/api/v1/themes/leadership/no-such-thing",
    ])("%s is not found, in the error shape", async (url) => {
      const { status, body } = await get(url);
      expect(status).toBe(404);
      expectError(body, "not_found");
    });

    it.each([
      "/api/v1/themes/leadership?from=1&from=2&to=",
      "/api/v1/themes/leadership?a[b]=c&%zz=1",
      "/api/v1/themes/leadership/editions/latest?id=abc",
      "/api/v1/sectors?%00=%00",
    ])("odd query strings are ignored: %s", async (url) => {
      expect((await get(url)).status).toBe(200);
    });

    it.each([
      ["a broken %-escape", "/api/v1/themes/%E0%A4%A", 400],
      ["a lone %", "/api/v1/themes/leadership/editions/%", 400],
      ["a slug of 101 letters", `/api/v1/sectors/${"a".repeat(101)}`, 414],
      ["a slug of 5000 letters", `/api/v1/themes/${"a".repeat(5000)}`, 414],
    ])("an address the router cannot read (%s) is refused in the error shape", async (_, url, status) => {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      expectError(response.json(), "validation");
    });

    it("a page address the router cannot read gets an error page, not a crash", async () => {
      const response = await app.inject({ method: "GET", url: "/themes/%E0%A4%A" });
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain("This address is not valid");
    });
  });
});
