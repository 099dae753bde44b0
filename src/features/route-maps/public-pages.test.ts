import { describe, expect, it } from "vitest";
import { getPage, type Session, signIn } from "../../../test/support/http.ts";
import { pageProblems, parsePage, textOf } from "../../../test/support/page-checks.ts";
import { DRAFT_WORDING, publicProgrammeApp } from "../../../test/support/public-programme.ts";

// The public pages, read by someone with no account, on a small programme built for these tests
// from the words of the two Leadership route-map seeds. The pages of earlier editions and the
// comparison of two are in public-editions.test.ts.

const NO_MILESTONES = "There are no milestones identified for this year yet.";

const { handle, app, june, december, draft } = await publicProgrammeApp();
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
    for (const url of ["/foundations/nope", "/foundations/%00", "/foundations/UPPER", "/foundations/a--b"]) {
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
    expect(textOf(parsePage(response.body).querySelector(".ds_notification"))).toContain("This is a draft.");
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
