import { describe, expect, it } from "vitest";
import { getPage, type Session } from "../../../test/support/http.ts";
import { parsePage, textOf } from "../../../test/support/page-checks.ts";
import { publicProgrammeApp } from "../../../test/support/public-programme.ts";

// The public pages of a route map's editions: an earlier edition at its own address, the list
// of editions, and what changed between two.

const { app, june, december, listeningEdition } = await publicProgrammeApp();
const get = (url: string, session?: Session) => getPage(app, session, url);

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
    expect(links).toEqual([`/themes/leadership/editions/${december}`, `/themes/leadership/editions/${june}`]);
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
    expect((await get(`/themes/leadership/compare?from=${listeningEdition}&to=${december}`)).statusCode).toBe(
      404,
    );
    expect((await get(`/themes/leadership/compare?from=${june}&to=2147483647`)).statusCode).toBe(404);
  });

  it("says there is nothing to compare when a route map has one published edition", async () => {
    const response = await get("/themes/listening/compare");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("only one published edition");
    expect((await get("/themes/workforce/compare")).statusCode).toBe(200);
  });
});
