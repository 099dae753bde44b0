import { describe, expect, it } from "vitest";
import { apiApp, type Json } from "../../../test/support/api-app.ts";

// The JSON API's answers: the index, the programme, foundations, themes, editions and sectors.
// Headers and drafts are in api.drafts.test.ts; refused input in api.bad-input.test.ts.

const { ids, get } = await apiApp();

describe("the JSON API", () => {
  describe("the index", () => {
    it("links to every collection and to the OpenAPI document, and every link answers", async () => {
      const { status, body } = await get("/api/v1");
      expect(status).toBe(200);
      const links = body.links as Record<string, string>;
      expect(Object.keys(links).sort()).toEqual([
        "actions",
        "commitments",
        "foundations",
        "funds",
        "groups",
        "improvementProjects",
        "indicators",
        "openapi",
        "organisations",
        "programme",
        "reports",
        "sectors",
        "themes",
        "timeline",
      ]);
      for (const link of Object.values(links)) expect((await get(link)).status, link).toBe(200);
    });

    it("answers with or without a trailing slash", async () => {
      expect((await get("/api/v1/")).status).toBe(200);
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
});
