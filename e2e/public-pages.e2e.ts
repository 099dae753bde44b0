import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listEditions } from "../src/features/route-maps/route-map.service.ts";
import { PUBLIC } from "../src/platform/actor.ts";
import { ComparePage } from "./pages/compare-page.ts";
import { EditionsPage } from "./pages/editions-page.ts";
import { FoundationPage } from "./pages/foundation-page.ts";
import { HomePage } from "./pages/home-page.ts";
import { NotFoundPage } from "./pages/not-found-page.ts";
import { OrganisationPage } from "./pages/organisation-page.ts";
import { RouteMapPage } from "./pages/route-map-page.ts";
import { SectorPage, SectorsPage } from "./pages/sectors-page.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, PHONE, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Every public page, as a reader without an account meets it: on a desktop browser, without
// JavaScript, and on a phone. Each page shows what the seeds say, passes axe-core with zero
// violations, and logs no console errors (CSP violations among them) or failed requests.

const NO_MILESTONES = "There are no milestones identified for this year yet.";
const SECTIONS_DECEMBER_2025 = [
  "Where is Scotland now?",
  "Where does Scotland need to be by 2030?",
  "The route map to get there",
  "Milestones",
  "Who needs to work on this",
  "What is helping?",
  "What matters to children, families and care experienced adults",
];
const DIALOGUES = "The Promise Scotland to convene candid dialogues";

let server: TestServer;
let browser: Browser;
/** Edition ids of the demo Leadership route map, by label ("June 2024", "December 2025"). */
const editionId: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer("demo");
  browser = await launchBrowser();
  const { editions } = await listEditions(server.db, PUBLIC, "leadership");
  for (const edition of editions) editionId[edition.label] = edition.id;
  expect(Object.keys(editionId).sort()).toEqual(["December 2025", "June 2024"]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(MODES)("a reader, $name,", (mode) => {
  let visitor: Visitor;
  beforeEach(async () => {
    visitor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await visitor.close();
  });

  it("sees the programme's five foundations and the Leadership route map's latest facts on the home page", async () => {
    await visitor.goto("/");
    const home = await HomePage.verifyOnPage(visitor.page);
    expect(await home.texts(home.foundationHeadings)).toEqual([
      "Voice",
      "Family",
      "Care",
      "People",
      "Scaffolding",
    ]);
    expect(await home.texts(home.themeLinks("People"))).toContain("Leadership");
    const facts = await home.themeFacts("Leadership").textContent();
    expect(facts).toContain("Last updated December 2025");
    expect(facts).toContain("1 outcome, 10 actions");
    await visitor.expectAccessibleAndClean();
  });

  it("sees a foundation's route maps on its page", async () => {
    await visitor.goto("/foundations/people");
    const foundation = await FoundationPage.verifyOnPage(visitor.page, "People");
    expect(await foundation.texts(foundation.themeLinks)).toContain("Leadership");
    await visitor.expectAccessibleAndClean();
  });

  it("reads the Leadership route map as the December 2025 page sets it out, sub-items under their action and empty years said plainly", async () => {
    await visitor.goto("/themes/leadership");
    const routeMap = await RouteMapPage.verifyOnPage(visitor.page, "Leadership");
    expect((await routeMap.lastUpdated.textContent())?.trim()).toBe("December 2025");
    expect(await routeMap.texts(routeMap.main.locator("section.wm-edition__section > h2"))).toEqual(
      SECTIONS_DECEMBER_2025,
    );
    expect(await routeMap.texts(routeMap.contents.locator("a"))).toEqual(SECTIONS_DECEMBER_2025);
    await expect(
      routeMap.section("Where does Scotland need to be by 2030?").textContent(),
    ).resolves.toContain("The outcome in Leadership is:");

    const actions = await routeMap.actionTexts();
    expect(actions).toHaveLength(10);
    expect(actions[0]).toBe(
      "The work highlighted in the Public Service Reform Strategy to strengthen Community Planning Partnerships will be progressed.",
    );
    const subItems = await routeMap.texts(routeMap.subItems(DIALOGUES));
    expect(subItems).toHaveLength(6);
    expect(subItems[0]).toBe(
      "Why is collaborative, relational practice fragile and how do we strengthen it?",
    );
    expect(actions).not.toContain(subItems[0]);

    const years = await routeMap.milestoneYears();
    expect(years.map((y) => y.year)).toEqual(["2025", "2026", "2027", "2028", "2029", "2030"]);
    for (const year of years) expect(year.text).toContain(NO_MILESTONES);

    expect(await routeMap.texts(routeMap.section("Who needs to work on this").locator("a"))).toEqual([
      "Scottish Government",
      "COSLA",
      "Health Boards",
      "Third Sector",
      "Local Authorities",
      "Education",
    ]);
    expect(await routeMap.banner.count()).toBe(0);
    await visitor.expectAccessibleAndClean();
  });

  it("finds both editions of the Leadership route map, newest first, on the editions list", async () => {
    await visitor.goto("/themes/leadership/editions");
    const editions = await EditionsPage.verifyOnPage(visitor.page, "Leadership");
    const rows = await editions.texts(editions.rows);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^December 2025 Latest/);
    expect(rows[1]).toMatch(/^June 2024/);
    expect(await editions.editionLink("June 2024").getAttribute("href")).toBe(
      `/themes/leadership/editions/${editionId["June 2024"]}`,
    );
    await visitor.expectAccessibleAndClean();
  });

  it("reads the June 2024 edition at its own address, told it is an earlier edition, with ambitions, page references and the mapping table", async () => {
    await visitor.goto(`/themes/leadership/editions/${editionId["June 2024"]}`);
    const routeMap = await RouteMapPage.verifyOnPage(visitor.page, "Leadership");
    expect((await routeMap.lastUpdated.textContent())?.trim()).toBe("June 2024");
    expect(await routeMap.banner.textContent()).toContain(
      "This is an earlier edition of the Leadership route map",
    );
    expect(await routeMap.sectionHeadings()).toContain("Scotland in 2024");
    const ambitions = await routeMap.section("Where does Scotland need to be by 2030?").textContent();
    expect(ambitions).toContain("Values-based leadership will exist at all levels");
    expect(ambitions).toContain("(Pg 36; Pg 23)");
    expect(await routeMap.actionTexts()).toHaveLength(3);

    const mapping = await routeMap.mappingTable();
    expect(mapping.columns).toEqual(["Framework", "What this route map relates to"]);
    expect(mapping.rows).toEqual([
      "Independent Care Review conclusions (the promise page numbers)",
      "Plan 21-24 priority areas",
      "UNCRC articles",
      "GIRFEC wellbeing indicators (SHANARRI)",
    ]);
    const mappingText = await routeMap.section("Mapping").textContent();
    expect(mappingText).toContain("Article 19");
    expect(mappingText).toContain("Nurtured");
    await visitor.expectAccessibleAndClean();
  });

  it("reads the December 2025 edition at its own address, the same as the route map's page", async () => {
    await visitor.goto(`/themes/leadership/editions/${editionId["December 2025"]}`);
    const routeMap = await RouteMapPage.verifyOnPage(visitor.page, "Leadership");
    expect((await routeMap.lastUpdated.textContent())?.trim()).toBe("December 2025");
    expect(await routeMap.banner.count()).toBe(0);
    expect(await routeMap.actionTexts()).toHaveLength(10);
    expect(await routeMap.texts(routeMap.subItems(DIALOGUES))).toHaveLength(6);
    await visitor.expectAccessibleAndClean();
  });

  it("sees what changed between June 2024 and December 2025, section by section", async () => {
    await visitor.goto("/themes/leadership/compare");
    const compare = await ComparePage.verifyOnPage(visitor.page, "Leadership");
    const summary = await compare.summary.textContent();
    expect(summary).toMatch(/Earlier edition\s*June 2024/);
    expect(summary).toMatch(/Later edition\s*December 2025/);
    expect(await compare.main.textContent()).toContain("The format of the route map changed");
    const routeMapSection = compare.section("The route map to get there");
    const routeMapChanges = await compare.texts(routeMapSection.locator("h3"));
    expect(routeMapChanges).toContainEqual(expect.stringMatching(/^Added \(\d+\)$/));
    expect(routeMapChanges).toContain("Removed (3)");
    expect(await compare.texts(routeMapSection.locator("ins"))).toContain(
      "added: The work highlighted in the Public Service Reform Strategy to strengthen Community Planning Partnerships will be progressed.",
    );
    expect(await compare.texts(routeMapSection.locator("del"))).toContain(
      "removed: The actions outlined in the Voice foundation are fully embedded at every stage to progress actions on Leadership.",
    );
    // The first "what matters" statement was reworded, not replaced: shown as a change.
    expect(
      await compare.texts(
        compare.section("What matters to children, families and care experienced adults").locator("h3"),
      ),
    ).toContain("Changed (1)");
    await visitor.expectAccessibleAndClean();
  });

  it("sees every sector that must act, and a sector's actions in the Leadership route map", async () => {
    await visitor.goto("/sectors");
    const sectors = await SectorsPage.verifyOnPage(visitor.page);
    const names = await sectors.texts(sectors.sectorLinks);
    for (const name of [
      "Scottish Government",
      "COSLA",
      "Local Authorities",
      "Health Boards",
      "Third Sector",
    ]) {
      expect(names).toContain(name);
    }
    await visitor.expectAccessibleAndClean();

    await visitor.goto("/sectors/local-authorities");
    const sector = await SectorPage.verifyOnPage(visitor.page, "Local Authorities");
    expect(await sector.actions("Leadership").count()).toBe(10);
    await visitor.expectAccessibleAndClean();
  });

  it("narrows an organisation's long list of actions to those it leads, with or without JavaScript", async () => {
    await visitor.goto("/organisations/the-promise-scotland");
    let organisation = await OrganisationPage.verifyOnPage(visitor.page, "The Promise Scotland");
    const all = await organisation.actions.count();
    expect(await organisation.roles()).toContain("Partner");
    await organisation.show(/^Where it leads \(\d+\)$/);
    await visitor.clickAndWait(() => organisation.showButton.click());
    organisation = await OrganisationPage.verifyOnPage(visitor.page, "The Promise Scotland");
    expect(new URL(visitor.page.url()).searchParams.get("show")).toBe("lead");
    expect(await organisation.caption.textContent()).toContain("(showing: The Promise Scotland leads)");
    const roles = await organisation.roles();
    expect(roles.length).toBeLessThan(all);
    expect(new Set(roles)).toEqual(new Set(["Lead"]));
    await visitor.expectAccessibleAndClean();
  });

  it("is offered the sign-in form with labelled fields", async () => {
    await visitor.goto("/sign-in");
    const signIn = await SignInPage.verifyOnPage(visitor.page);
    await signIn.email.waitFor();
    await signIn.password.waitFor();
    expect(await signIn.errorSummary.count()).toBe(0);
    await visitor.expectAccessibleAndClean();
  });

  it("finds the accessibility statement, privacy notice, cookies and feedback pages from the footer", async () => {
    await visitor.goto("/sectors");
    for (const [link, heading] of [
      ["Accessibility", "Accessibility statement"],
      ["Privacy", "Privacy notice"],
      ["Cookies", "Cookies"],
      ["Feedback", "Tell us what you think"],
    ] as const) {
      await visitor.clickAndWait(() =>
        visitor.page.locator("footer").getByRole("link", { name: link, exact: true }).click(),
      );
      expect(await visitor.page.locator("h1").textContent()).toBe(heading);
      await visitor.expectAccessibleAndClean();
    }
  });

  it("is told plainly when an address does not exist", async () => {
    await visitor.goto("/themes/no-such-route-map", 404);
    const notFound = await NotFoundPage.verifyOnPage(visitor.page);
    expect(await notFound.main.textContent()).toContain("There is no route map called");
    expect(await notFound.main.getByRole("link", { name: "Go to the home page" }).getAttribute("href")).toBe(
      "/",
    );
    await visitor.expectAccessibleAndClean();
  });

  it("gets from the home page to an earlier edition and back, and to what changed, by following links", async () => {
    await visitor.goto("/");
    await HomePage.verifyOnPage(visitor.page);
    const main = visitor.page.locator("main");
    await visitor.clickAndWait(() => main.getByRole("link", { name: "Leadership", exact: true }).click());
    let routeMap = await RouteMapPage.verifyOnPage(visitor.page, "Leadership");
    await visitor.clickAndWait(() =>
      main.getByRole("link", { name: "All editions of this route map" }).click(),
    );
    const editions = await EditionsPage.verifyOnPage(visitor.page, "Leadership");
    await visitor.clickAndWait(() => editions.editionLink("June 2024").click());
    routeMap = await RouteMapPage.verifyOnPage(visitor.page, "Leadership");
    expect((await routeMap.lastUpdated.textContent())?.trim()).toBe("June 2024");
    await visitor.clickAndWait(() =>
      routeMap.banner.getByRole("link", { name: /Read the latest edition/ }).click(),
    );
    routeMap = await RouteMapPage.verifyOnPage(visitor.page, "Leadership");
    expect(new URL(visitor.page.url()).pathname).toBe("/themes/leadership");
    await visitor.clickAndWait(() =>
      main.getByRole("link", { name: /Compare with the previous edition/ }).click(),
    );
    await ComparePage.verifyOnPage(visitor.page, "Leadership");
    visitor.expectNoProblems();
  });
});

describe("a reader on a phone", () => {
  it("opens the menu, sees where they are, and goes to another section", async () => {
    const visitor = await Visitor.open(browser, server.url, PHONE);
    try {
      await visitor.goto("/groups");
      const menu = visitor.page.getByRole("button", { name: "Menu" });
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      await menu.click();
      expect(await menu.getAttribute("aria-expanded")).toBe("true");
      const mobile = visitor.page.locator("#mobile-navigation");
      expect(await mobile.getByRole("link", { name: "Groups" }).getAttribute("aria-current")).toBe("page");
      await visitor.expectAccessibleAndClean();
      await visitor.clickAndWait(() => mobile.getByRole("link", { name: "Indicators" }).click());
      expect(new URL(visitor.page.url()).pathname).toBe("/indicators");
      visitor.expectNoProblems();
    } finally {
      await visitor.close();
    }
  });
});
