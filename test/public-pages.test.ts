import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/platform/database.ts";
import { createTestDatabase } from "./support/database.ts";
import { createEdition, createFoundation, createSector, createTheme } from "./support/factories.ts";
import { getPage, type Session, signIn, testApp } from "./support/http.ts";
import { pageProblems, parsePage, textOf } from "./support/page-checks.ts";

// The public pages, read by someone with no account, on a small programme built for these tests
// from the words of the two Leadership route-map seeds.

const DRAFT_WORDING = "Draft-only wording that must never be public";
const NO_MILESTONES = "There are no milestones identified for this year yet.";

describe("the public pages", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let june: number;
  let december: number;
  let draft: number;
  let listeningEdition: number;
  const key = {
    leadershipOutcome: crypto.randomUUID(),
    commonCore: crypto.randomUUID(),
    dialogue: crypto.randomUUID(),
    whatMatters: crypto.randomUUID(),
  };

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    const db = handle.db;
    const voice = await createFoundation(db, { slug: "voice", name: "Voice", position: 1 });
    const people = await createFoundation(db, {
      slug: "people",
      name: "People",
      summary: "The people who work with children are supported to do so.",
      position: 2,
    });
    const listening = await createTheme(db, { foundationId: voice.id, slug: "listening", name: "Listening" });
    const leadership = await createTheme(db, {
      foundationId: people.id,
      slug: "leadership",
      name: "Leadership",
      summary: "Leadership that models the values of the promise.",
      position: 1,
    });
    await createTheme(db, { foundationId: people.id, slug: "workforce", name: "Workforce", position: 2 });
    const localAuthorities = await createSector(db, {
      slug: "local-authorities",
      name: "Local Authorities",
      position: 1,
    });
    const healthBoards = await createSector(db, {
      slug: "health-boards",
      name: "Health Boards",
      position: 2,
    });
    await createSector(db, { slug: "police-scotland", name: "Police Scotland", position: 3 });

    june = (
      await createEdition(db, {
        themeId: leadership.id,
        layout: "ambitions",
        label: "June 2024",
        lastUpdated: "2024-06-12",
        stateOfPlayTitle: "Scotland in 2024",
        stateOfPlay: "Despite challenges, there has been strong commitment to #KeepThePromise.",
        ambitionSummary: "By 2030, there will be strong leadership across all of Scotland’s workforce.",
        routeMapIntro: "Focus must be on the crisis on the workforce.",
        outcomes: [
          {
            text: "Values-based leadership will exist at all levels and in all settings of the ‘care system’",
            pageRefs: "Pg 99",
            key: key.leadershipOutcome,
          },
        ],
        actions: [
          { text: "The revised Common Core will be agreed with the leadership group.", key: key.commonCore },
          "The actions outlined in the Voice foundation are fully embedded.",
        ],
        sectorIds: [localAuthorities.id],
        helping: ["The Children and Families National Leadership Group provides collective leadership."],
        whatMatters: [
          {
            text: "People whose job it is to make big decisions care most about what matters to me.",
            key: key.whatMatters,
          },
        ],
        mappings: [
          { framework: "promise_report", text: "the promise pgs.17; 36; 85; 99; 103-104" },
          { framework: "plan_21_24", text: "Whole family support" },
          { framework: "plan_21_24", text: "Supporting the workforce" },
          { framework: "uncrc", text: "Articles 3; 4; 19" },
          { framework: "shanarri", text: "Safe" },
        ],
      })
    ).id;
    december = (
      await createEdition(db, {
        themeId: leadership.id,
        layout: "outcomes",
        label: "December 2025",
        lastUpdated: "2025-12-03",
        introduction:
          "This route map was last updated in December 2025 with information that is known about work underway.",
        stateOfPlayTitle: "Where is Scotland now?",
        stateOfPlay: "Work underway aligns with the Public Service Reform Strategy.",
        ambitionSummary:
          "All of the promise's calls to action have been grouped into delivery-focused outcomes.",
        routeMapIntro: "Public Service Reform Strategy is built on four foundations.",
        outcomes: [
          {
            text: "Leadership across Scotland’s 'care system' is values-based, relational and collective.",
            key: key.leadershipOutcome,
          },
        ],
        actions: [
          {
            text: "The Promise Scotland to convene candid dialogues between key ‘systems leaders’.",
            key: key.dialogue,
            children: [
              "Why is collaborative, relational practice fragile and how do we strengthen it?",
              "What are the barriers to systems actors ceding power?",
            ],
          },
          "Scottish Government to convene dialogue with all key partners.",
        ],
        milestones: [{ year: 2026, text: "Promise keeper model reviewed for wider use." }],
        sectorIds: [localAuthorities.id, healthBoards.id],
        whatMatters: [
          {
            text: "The people making big decisions that impact my family care most about what matters to us.",
            key: key.whatMatters,
          },
        ],
      })
    ).id;
    draft = (
      await createEdition(db, {
        themeId: leadership.id,
        status: "draft",
        label: "Next edition",
        stateOfPlay: DRAFT_WORDING,
        actions: [DRAFT_WORDING],
        sectorIds: [healthBoards.id],
      })
    ).id;
    listeningEdition = (
      await createEdition(db, {
        themeId: listening.id,
        lastUpdated: "2025-06-01",
        label: "June 2025",
        outcomes: ["Children are listened to."],
        actions: ["Everyone who works with children is trained to listen."],
        sectorIds: [localAuthorities.id],
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const get = (url: string, session?: Session) => getPage(app, session, url);

  describe("programme home", () => {
    it("shows the foundations and their route maps, each with its last update and counts", async () => {
      const response = await get("/");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toContain("text/html");
      const document = parsePage(response.body);
      expect(textOf(document.querySelector("h1"))).toBe("The promise");
      const foundations = [...document.querySelectorAll("h2")].map(textOf);
      // Then how the programme is going (accountability's roll-up).
      expect(foundations).toEqual(["Voice", "People", "How it is going"]);
      const leadership = document.querySelector('a[href="/themes/leadership"]')!.closest("li");
      expect(textOf(leadership)).toContain("Last updated December 2025");
      expect(textOf(leadership)).toContain("1 outcome, 2 actions, 1 milestone");
      const workforce = document.querySelector('a[href="/themes/workforce"]')!.closest("li");
      expect(textOf(workforce)).toContain("No route map has been published for this theme yet.");
      expect(document.querySelector('a[href="/foundations/people"]')).not.toBeNull();
      expect(textOf(document.querySelector('a[href="/commitments"]'))).toBe("the commitments");
    });

    it("may be cached for a minute when nobody is signed in", async () => {
      const response = await get("/");
      expect(response.headers["cache-control"]).toBe("public, max-age=60");
    });

    it("is never stored when someone is signed in", async () => {
      const reader = await signIn(app, handle.db, "reader");
      for (const url of ["/", "/themes/leadership", "/sectors", `/themes/leadership/editions/${june}`]) {
        const response = await get(url, reader);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers["cache-control"], url).toBe("private, no-store");
      }
    });
  });

  describe("foundation page", () => {
    it("shows the foundation and its route maps", async () => {
      const response = await get("/foundations/people");
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      expect(textOf(document.querySelector("h1"))).toBe("People");
      expect(response.body).toContain("The people who work with children are supported to do so.");
      expect(document.querySelector('a[href="/themes/leadership"]')).not.toBeNull();
      expect(document.querySelector('a[href="/themes/workforce"]')).not.toBeNull();
      expect(document.querySelector('a[href="/themes/listening"]')).toBeNull();
    });

    it("answers an unknown or impossible foundation with a page-not-found", async () => {
      for (const url of [
        "/foundations/nope",
        "/foundations/%00",
        "/foundations/UPPER",
        "/foundations/a--b",
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.body).toContain("Page not found");
      }
      // Fastify itself refuses over-long addresses before any route runs.
      expect((await get(`/foundations/${"a".repeat(500)}`)).statusCode).toBe(414);
    });
  });

  describe("route map page", () => {
    it("shows the latest published edition, section by section, like the December 2025 route map", async () => {
      const response = await get("/themes/leadership");
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      expect(textOf(document.querySelector("h1"))).toBe("Leadership");
      expect(response.body).toContain("This route map was last updated in December 2025");
      const headings = [...document.querySelectorAll(".wm-edition h2")].map(textOf);
      expect(headings).toEqual([
        "Where is Scotland now?",
        "Where does Scotland need to be by 2030?",
        "The route map to get there",
        "Milestones",
        "Who needs to work on this",
        "What matters to children, families and care experienced adults",
      ]);
      expect(response.body).toContain("The outcome in Leadership is:");
      expect(response.body).toContain("values-based, relational and collective");
    });

    it("lists the actions in order, with sub-items nested under their action", async () => {
      const document = parsePage((await get("/themes/leadership")).body);
      const actions = [...document.querySelectorAll("ol.wm-actions > li")];
      expect(actions).toHaveLength(2);
      expect(textOf(actions[0])).toMatch(/^The Promise Scotland to convene candid dialogues/);
      expect([...actions[0]!.querySelectorAll("ul > li")].map(textOf)).toEqual([
        "Why is collaborative, relational practice fragile and how do we strengthen it?",
        "What are the barriers to systems actors ceding power?",
      ]);
      expect(textOf(actions[1])).toBe("Scottish Government to convene dialogue with all key partners.");
    });

    it("shows every milestone year from 2025 to 2030, saying plainly when a year has none yet", async () => {
      const document = parsePage((await get("/themes/leadership")).body);
      const section = document.querySelector("#milestones")!.closest("section")!;
      expect([...section.querySelectorAll("h3")].map(textOf)).toEqual([
        "2025",
        "2026",
        "2027",
        "2028",
        "2029",
        "2030",
      ]);
      expect(textOf(section)).toContain("Promise keeper model reviewed for wider use.");
      expect(textOf(section).split(NO_MILESTONES)).toHaveLength(6);
    });

    it("links each sector that needs to work on it to the sector's page", async () => {
      const document = parsePage((await get("/themes/leadership")).body);
      const section = document.querySelector("#who")!.closest("section")!;
      expect([...section.querySelectorAll("a")].map((a) => [textOf(a), a.getAttribute("href")])).toEqual([
        ["Local Authorities", "/sectors/local-authorities"],
        ["Health Boards", "/sectors/health-boards"],
      ]);
    });

    it("links to the other editions and to a comparison with the previous edition", async () => {
      const document = parsePage((await get("/themes/leadership")).body);
      expect(document.querySelector('a[href="/themes/leadership/editions"]')).not.toBeNull();
      expect(
        document.querySelector(`a[href="/themes/leadership/compare?from=${june}&to=${december}"]`),
      ).not.toBeNull();
    });

    it("says plainly when a route map has not been published yet", async () => {
      const response = await get("/themes/workforce");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("The Workforce route map has not been published yet.");
    });

    it("answers an unknown route map with a page-not-found", async () => {
      for (const url of [
        "/themes/nope",
        "/themes/nope/editions",
        "/themes/nope/compare",
        "/themes/Leadership",
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
      }
    });
  });

  describe("an earlier edition at its own address", () => {
    it("reads like the June 2024 route map: state of play, ambitions with page references, what is helping and the mapping table", async () => {
      const response = await get(`/themes/leadership/editions/${june}`);
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      const headings = [...document.querySelectorAll(".wm-edition h2")].map(textOf);
      expect(headings).toEqual([
        "Scotland in 2024",
        "Where does Scotland need to be by 2030?",
        "The route map to get there",
        "Milestones",
        "Who needs to work on this",
        "What is helping?",
        "What matters to children, families and care experienced adults",
        "Mapping",
      ]);
      expect(response.body).toContain("This means:");
      const ambition = document.querySelector(".wm-outcomes li");
      expect(textOf(ambition)).toBe(
        "Values-based leadership will exist at all levels and in all settings of the ‘care system’ (Pg 99)",
      );
      expect(response.body).toContain(
        "taken from the promise report, published when the Independent Care Review concluded in 2020",
      );
      expect(response.body).toContain(
        "The Children and Families National Leadership Group provides collective leadership.",
      );
    });

    it("shows the mapping to other frameworks as a table with a caption and row headers", async () => {
      const document = parsePage((await get(`/themes/leadership/editions/${june}`)).body);
      const table = document.querySelector("#mapping")!.closest("section")!.querySelector("table")!;
      expect(textOf(table.querySelector("caption"))).toContain("relates to other frameworks and plans");
      const rows = [...table.querySelectorAll("tbody tr")].map((row) => {
        const cell = row.querySelector("td")!;
        const items = [...cell.querySelectorAll("li")].map(textOf);
        return [textOf(row.querySelector('th[scope="row"]')), items.length > 0 ? items : textOf(cell)];
      });
      expect(rows).toEqual([
        [
          "Independent Care Review conclusions (the promise page numbers)",
          "the promise pgs.17; 36; 85; 99; 103-104",
        ],
        ["Plan 21-24 priority areas", ["Whole family support", "Supporting the workforce"]],
        ["UNCRC articles", "Articles 3; 4; 19"],
        ["GIRFEC wellbeing indicators (SHANARRI)", "Safe"],
      ]);
    });

    it("tells the reader it is an earlier edition and links to the latest", async () => {
      const document = parsePage((await get(`/themes/leadership/editions/${june}`)).body);
      const banner = document.querySelector(".ds_notification")!;
      expect(textOf(banner)).toContain(
        "This is an earlier edition of the Leadership route map, last updated in June 2024",
      );
      expect(banner.querySelector('a[href="/themes/leadership"]')).not.toBeNull();
    });

    it("the latest edition at its own address has no earlier-edition banner", async () => {
      const response = await get(`/themes/leadership/editions/${december}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain("This is an earlier edition");
    });

    it("answers an edition of another route map at this route map's address with a page-not-found", async () => {
      expect((await get(`/themes/leadership/editions/${listeningEdition}`)).statusCode).toBe(404);
    });

    it("answers malformed or impossible edition numbers with a page-not-found, never an error", async () => {
      for (const id of [
        "abc",
        "-1",
        "1.5",
        "0",
        "012",
        "1e3",
        "99999999999999999999",
        "2147483648",
        "%20",
        "%00",
      ]) {
        const response = await get(`/themes/leadership/editions/${id}`);
        expect(response.statusCode, id).toBe(404);
        expect(response.body, id).toContain("Page not found");
      }
    });
  });

  describe("list of editions", () => {
    it("lists every published edition, newest first, each linking to its own address", async () => {
      const response = await get("/themes/leadership/editions");
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      const links = [...document.querySelectorAll("tbody tr")].map((row) =>
        row.querySelector("td a")!.getAttribute("href"),
      );
      expect(links).toEqual([
        `/themes/leadership/editions/${december}`,
        `/themes/leadership/editions/${june}`,
      ]);
      expect(textOf(document.querySelector("tbody tr"))).toContain("Latest");
      expect(
        document.querySelector(`a[href="/themes/leadership/compare?from=${june}&to=${december}"]`),
      ).not.toBeNull();
    });
  });

  describe("comparing two editions", () => {
    it("by default compares the previous published edition with the latest, section by section", async () => {
      const response = await get("/themes/leadership/compare");
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      expect(textOf(document.querySelector("h1"))).toBe("What changed in the Leadership route map");
      expect(textOf(document.querySelector(".ds_summary-list"))).toContain("June 2024");
      expect(textOf(document.querySelector(".ds_summary-list"))).toContain("December 2025");
      const section = (id: string) => document.querySelector(`#compare-${id}`)!.closest("section")!;
      // Same key, new words: changed, shown as a word diff.
      const by2030 = section("by-2030");
      expect(textOf(by2030)).toContain("Changed (1)");
      expect(by2030.querySelector("ins.wm-ins")).not.toBeNull();
      expect(by2030.querySelector("del.wm-del")).not.toBeNull();
      // The page reference was dropped.
      expect(textOf(by2030)).toContain("Page references:");
      // Actions: one kept (reworded by key), one dropped, new ones added.
      const routeMap = section("route-map");
      expect(textOf(routeMap)).toContain("The Promise Scotland to convene candid dialogues");
      expect(textOf(routeMap)).toContain("Removed (2)");
      expect(textOf(routeMap)).toContain("The actions outlined in the Voice foundation are fully embedded.");
      expect(textOf(routeMap)).toContain("Under the action:");
      // Sectors: Health Boards added.
      expect(textOf(section("who").querySelector("ins"))).toBe("added: Health Boards");
      // The state of play heading and text changed.
      expect(textOf(section("state-of-play"))).toContain("State of play: changed");
      expect(textOf(section("milestones"))).toContain("Added (1)");
      expect(response.body).toContain("The format of the route map changed");
    });

    it("announces additions and removals to screen readers, not only by colour and strike-through", async () => {
      const document = parsePage((await get("/themes/leadership/compare")).body);
      for (const ins of document.querySelectorAll("ins")) {
        expect(textOf(ins.querySelector(".visually-hidden"))).toBe("added:");
      }
      for (const del of document.querySelectorAll("del")) {
        expect(textOf(del.querySelector(".visually-hidden"))).toBe("removed:");
      }
      expect(document.querySelectorAll("ins").length).toBeGreaterThan(0);
      expect(document.querySelectorAll("del").length).toBeGreaterThan(0);
    });

    it("compares the editions asked for, in the order asked for", async () => {
      const response = await get(`/themes/leadership/compare?from=${december}&to=${june}`);
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      const items = [...document.querySelectorAll(".ds_summary-list__item")].map(textOf);
      expect(items[0]).toContain("December 2025");
      expect(items[1]).toContain("June 2024");
      // From December back to June, Health Boards was removed.
      expect(textOf(document.querySelector("#compare-who")!.closest("section")!.querySelector("del"))).toBe(
        "removed: Health Boards",
      );
    });

    it("with only a later edition given, compares it with the one before", async () => {
      const response = await get(`/themes/leadership/compare?to=${december}`);
      expect(response.statusCode).toBe(200);
      expect(textOf(parsePage(response.body).querySelector(".ds_summary-list__item"))).toContain("June 2024");
    });

    it("refuses malformed edition numbers with a clear message", async () => {
      for (const query of [
        "from=abc",
        "to=-1",
        "from=1.5&to=2",
        "from=99999999999999999999",
        "from=1&from=2",
      ]) {
        const response = await get(`/themes/leadership/compare?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.body, query).toContain("is not an edition");
      }
    });

    it("refuses to compare an edition with itself", async () => {
      const response = await get(`/themes/leadership/compare?from=${june}&to=${june}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("Choose two different editions");
    });

    it("answers an edition that is not one of this route map's with a page-not-found", async () => {
      expect(
        (await get(`/themes/leadership/compare?from=${listeningEdition}&to=${december}`)).statusCode,
      ).toBe(404);
      expect((await get(`/themes/leadership/compare?from=${june}&to=2147483647`)).statusCode).toBe(404);
    });

    it("says there is nothing to compare when a route map has one published edition", async () => {
      const response = await get("/themes/listening/compare");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("only one published edition");
      expect((await get("/themes/workforce/compare")).statusCode).toBe(200);
    });
  });

  describe("sectors", () => {
    it("lists every sector with how many route maps and actions name it", async () => {
      const response = await get("/sectors");
      expect(response.statusCode).toBe(200);
      const rows = [...parsePage(response.body).querySelectorAll("tbody tr")].map((row) =>
        [...row.children].map(textOf),
      );
      expect(rows).toEqual([
        ["Local Authorities", "2", "3"],
        ["Health Boards", "1", "2"],
        ["Police Scotland", "0", "0"],
      ]);
    });

    it("shows every action where a sector must act, grouped by route map", async () => {
      const response = await get("/sectors/local-authorities");
      expect(response.statusCode).toBe(200);
      const document = parsePage(response.body);
      expect(textOf(document.querySelector("h1"))).toBe("Local Authorities");
      const groups = [...document.querySelectorAll(".wm-sector-route-map")].map((section) => ({
        routeMap: textOf(section.querySelector("h2")),
        actions: [...section.querySelectorAll("ol.wm-actions > li")].length,
      }));
      expect(groups).toEqual([
        { routeMap: "Leadership", actions: 2 },
        { routeMap: "Listening", actions: 1 },
      ]);
      expect(response.body).toContain("Everyone who works with children is trained to listen.");
    });

    it("says plainly when no route map names a sector", async () => {
      const response = await get("/sectors/police-scotland");
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("No published route map names Police Scotland");
    });

    it("answers an unknown sector with a page-not-found", async () => {
      expect((await get("/sectors/nobody")).statusCode).toBe(404);
      expect((await get("/sectors/%E2%9C%93")).statusCode).toBe(404);
    });
  });

  describe("drafts", () => {
    const publicPages = () => [
      "/",
      "/foundations/people",
      "/themes/leadership",
      "/themes/leadership/editions",
      `/themes/leadership/editions/${june}`,
      `/themes/leadership/editions/${december}`,
      "/themes/leadership/compare",
      "/sectors",
      "/sectors/health-boards",
      "/sectors/local-authorities",
    ];

    it("never appear on any public page", async () => {
      for (const url of publicPages()) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain(DRAFT_WORDING);
        expect(response.body, url).not.toContain(`/editions/${draft}`);
        expect(response.body, url).not.toContain("Next edition");
      }
    });

    it("are not found at their own address, nor in a comparison", async () => {
      expect((await get(`/themes/leadership/editions/${draft}`)).statusCode).toBe(404);
      expect((await get(`/themes/leadership/compare?from=${december}&to=${draft}`)).statusCode).toBe(404);
      expect((await get(`/themes/leadership/compare?to=${draft}`)).statusCode).toBe(404);
    });

    it("can be read, marked as a draft, by someone signed in who may read drafts", async () => {
      const editor = await signIn(app, handle.db, "programme_editor");
      const response = await get(`/themes/leadership/editions/${draft}`, editor);
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toBe("private, no-store");
      expect(response.body).toContain(DRAFT_WORDING);
      expect(textOf(parsePage(response.body).querySelector(".ds_notification"))).toContain(
        "This is a draft.",
      );
      const compare = await get(`/themes/leadership/compare?to=${draft}`, editor);
      expect(compare.statusCode).toBe(200);
      expect(compare.body).toContain(DRAFT_WORDING);
      // The route map's own page stays the latest published edition, even for an editor.
      expect((await get("/themes/leadership", editor)).body).not.toContain(DRAFT_WORDING);
    });
  });

  describe("every page", () => {
    it("has a language, one h1, headings in order, unique ids, and captioned tables", async () => {
      const urls = [
        "/",
        "/foundations/people",
        "/foundations/voice",
        "/themes/leadership",
        "/themes/workforce",
        "/themes/leadership/editions",
        `/themes/leadership/editions/${june}`,
        `/themes/leadership/editions/${december}`,
        "/themes/leadership/compare",
        `/themes/leadership/compare?from=${december}&to=${june}`,
        "/themes/listening/compare",
        "/sectors",
        "/sectors/local-authorities",
        "/sectors/police-scotland",
        "/themes/nope",
      ];
      for (const url of urls) {
        const response = await get(url);
        expect(pageProblems(response.body), url).toEqual([]);
      }
    });
  });
});
