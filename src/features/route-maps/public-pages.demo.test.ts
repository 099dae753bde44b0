import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, testApp } from "../../../test/support/http.ts";
import { pageProblems, parsePage, textOf } from "../../../test/support/page-checks.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// The public pages on the demo data: the Leadership route map should read like the two published
// pages it was entered from (June 2024 and December 2025, in ../shared/seeds/).

describe("the public pages on the demo data", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let juneAddress: string;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    const editions = parsePage((await getPage(app, undefined, "/themes/leadership/editions")).body);
    const june = [...editions.querySelectorAll("tbody tr td:first-child a")].find(
      (a) => textOf(a) === "June 2024",
    );
    juneAddress = june!.getAttribute("href")!;
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const get = (url: string) => getPage(app, undefined, url);

  it("the home page lists the five foundations and the Leadership route map's latest edition", async () => {
    const document = parsePage((await get("/")).body);
    expect([...document.querySelectorAll("section.wm-foundation h2")].map(textOf)).toEqual([
      "Voice",
      "Family",
      "Care",
      "People",
      "Scaffolding",
    ]);
    const leadership = document.querySelector('a[href="/themes/leadership"]')!.closest("li");
    expect(textOf(leadership)).toContain("Last updated December 2025. 1 outcome, 10 actions, no milestones.");
  });

  it("the Leadership route map reads like the December 2025 page", async () => {
    const response = await get("/themes/leadership");
    expect(response.statusCode).toBe(200);
    const document = parsePage(response.body);
    const body = textOf(document.querySelector(".wm-edition"));
    expect(body).toMatch(/^This route map was last updated in December 2025 with information/);
    expect(body).toContain(
      "Where is Scotland now? Work underway aligns with the Public Service Reform Strategy",
    );
    const by2030 = document.querySelector("#by-2030")!.closest("section")!;
    expect([...by2030.querySelectorAll("p")].map(textOf).at(-1)).toBe("The outcome in Leadership is:");
    expect(textOf(by2030.querySelector("ul li"))).toMatch(
      /^Leadership across Scotland’s 'care system' is values-based/,
    );
    const actions = [...document.querySelectorAll("ol.wm-actions > li")];
    expect(actions).toHaveLength(10);
    const dialogues = actions.find((a) => textOf(a).includes("Proposed themes include:"))!;
    expect(dialogues.querySelectorAll("ul > li")).toHaveLength(6);
    expect(body.split("There are no milestones identified for this year yet.")).toHaveLength(7);
    const who = document.querySelector("#who")!.closest("section")!;
    expect([...who.querySelectorAll("a")].map(textOf)).toEqual([
      "Scottish Government",
      "COSLA",
      "Health Boards",
      "Third Sector",
      "Local Authorities",
      "Education",
    ]);
    expect(body).toContain(
      "The people making big decisions that impact my family care most about what matters to us.",
    );
    expect(pageProblems(response.body)).toEqual([]);
  });

  it("the June 2024 edition reads like the June 2024 page, with page references and the mapping table", async () => {
    const response = await get(juneAddress);
    expect(response.statusCode).toBe(200);
    const document = parsePage(response.body);
    const body = textOf(document.querySelector(".wm-edition"));
    expect(body).toContain("Scotland in 2024 Despite challenges, there has been strong commitment");
    const by2030 = document.querySelector("#by-2030")!.closest("section")!;
    expect(textOf(by2030.querySelector("p"))).toMatch(/^By 2030, there will be strong leadership/);
    expect([...by2030.querySelectorAll("p")].map(textOf)).toContain("This means:");
    expect(textOf(by2030.querySelector("ul li"))).toBe(
      "Values-based leadership will exist at all levels and in all settings of the ‘care system’ (Pg 99)",
    );
    expect([...document.querySelectorAll(".wm-outcomes .wm-page-ref")].map(textOf)).toEqual([
      "(Pg 99)",
      "(Pg 17)",
      "(Pg 36; Pg 23)",
      "(Pg 36)",
      "(Pg 85)",
      "(Pg 103)",
    ]);
    expect(body).toContain(
      "These statements and the page numbers referenced are taken from the promise report",
    );
    expect(body).toContain("What is helping? The Children and Families National Leadership Group (CFNLG)");
    const cells = [...document.querySelector("#mapping")!.closest("section")!.querySelectorAll("tbody td")];
    const items = (cell: Element | undefined) => [...(cell?.querySelectorAll("li") ?? [])].map(textOf);
    expect(textOf(cells[0])).toBe("Pages 17; 36; 85; 99; 103-104");
    expect(items(cells[1])).toContain("Supporting the workforce");
    expect(items(cells[2])).toEqual(["Article 3", "Article 4", "Article 19"]);
    expect(items(cells[3])).toEqual(["Safe", "Nurtured", "Respected", "Included"]);
    expect(pageProblems(response.body)).toEqual([]);
  });

  it("the comparison of the two editions explains the change of format and lists what was dropped", async () => {
    const response = await get("/themes/leadership/compare");
    expect(response.statusCode).toBe(200);
    const document = parsePage(response.body);
    expect(response.body).toContain("The format of the route map changed");
    const by2030 = textOf(document.querySelector("#compare-by-2030")!.closest("section"));
    expect(by2030).toContain("Removed (6)");
    expect(by2030).toContain("Added (1)");
    expect(pageProblems(response.body)).toEqual([]);
  });

  it("each sector named by the Leadership route map lists its ten actions", async () => {
    const response = await get("/sectors/local-authorities");
    expect(response.statusCode).toBe(200);
    const document = parsePage(response.body);
    const group = document.querySelector(".wm-sector-route-map")!;
    expect(textOf(group.querySelector("h2"))).toBe("Leadership");
    expect(group.querySelectorAll("ol.wm-actions > li")).toHaveLength(10);
    const sectors = parsePage((await get("/sectors")).body);
    const row = [...sectors.querySelectorAll("tbody tr")].find(
      (r) => textOf(r.querySelector("th")) === "COSLA",
    )!;
    expect([...row.children].map(textOf)).toEqual(["COSLA", "1", "10"]);
  });
});
