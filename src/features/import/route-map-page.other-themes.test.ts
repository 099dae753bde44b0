import { describe, expect, it } from "vitest";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { parseEditionDocument } from "../route-maps/edition-document.ts";
import { parseRouteMapPage } from "./route-map-page.parser.ts";

// The route-map reader on invented pages of other themes, saved or copied as sites and browsers
// give them: their chrome, numbering, dates and page references, and pages cut off part-way.

describe("importing invented pages of other themes, as sites and browsers save them", () => {
  it("reads a December 2025 page saved as HTML with the site's cookie banner, menus and footer", () => {
    const r = parseRouteMapPage(importFixture("2025-care-site.html"));
    // The banner's first line is no title: "Route map: Care" is.
    expect([r.format, r.themeName, r.draft.theme, r.draft.lastUpdated]).toEqual([
      "2025",
      "Care",
      "care",
      "2026-02-01",
    ]);
    // A <br> inside a list item keeps the item whole.
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Children in care live in homes that feel like homes.",
      "Children keep the adults who matter to them when their placement changes.",
    ]);
    // A list nested in a sub-item stays under the action (the edition has two levels).
    expect(r.draft.actions).toEqual([
      {
        text: "The Harbour Homes Network will share its small-homes design guide with every provider.",
        children: [],
      },
      {
        text: "Care providers to review house rules with the children who live there, covering:",
        children: [
          { text: "Bedtimes and phones" },
          { text: "Visits from friends" },
          { text: "Overnight stays" },
          { text: "Visits from brothers and sisters" },
          { text: "Pocket money" },
        ],
      },
      { text: "Develop a shared record of each child’s important relationships.", children: [] },
    ]);
    expect(r.draft.milestones).toEqual([
      { year: 2026, text: "Design guide shared with all providers." },
      { year: 2028, text: "House rules reviewed in every home." },
      { year: 2028, text: "Relationship record in use." },
    ]);
    expect(r.emptyMilestoneYears).toBe(1);
    expect(r.draft.sectors).toEqual(["Care providers", "Local Authorities", "Care Inspectorate"]);
    expect(r.draft.whatMatters).toEqual(["My home feels like mine.", "I don’t lose people when I move."]);
    expect([r.missing, r.truncated]).toEqual([[], false]);
    expect(r.warnings.join("\n")).not.toMatch(/cookie|Home|Privacy|outside any/i);
    expect(() => parseEditionDocument(r.draft)).not.toThrow();
  });

  it("reads a page copied from a browser: CRLF, breadcrumbs, numbered actions, lettered sub-items, milestone headings", () => {
    const r = parseRouteMapPage(importFixture("2025-moving-on-copied.txt"));
    expect([r.themeName, r.draft.label, r.draft.stateOfPlayTitle]).toEqual([
      "Moving On",
      "January 2026",
      "Where is Scotland now?",
    ]);
    expect(r.draft.actions).toEqual([
      {
        text: "The Stepping Stones Trust will publish a guide to continuing care for young people by June 2026.",
        children: [],
      },
      {
        text: "Local Authorities to agree a shared offer for care leavers, including:",
        children: [
          { text: "a home to return to at weekends" },
          { text: "help with money and bills" },
          { text: "a trusted adult who stays in touch" },
        ],
      },
      { text: "Scottish Government to review the age limits for aftercare support.", children: [] },
    ]);
    // "Milestones", "By 2026", "2027" said to be empty, and "2028–29" read as the year it ends.
    expect(r.draft.milestones).toEqual([
      { year: 2026, text: "Guide to continuing care published." },
      { year: 2029, text: "Shared offer in place in every area." },
    ]);
    expect(r.emptyMilestoneYears).toBe(1);
    expect(r.warnings.join("\n")).toMatch(/“2028–29” were put under 2029/);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Third Sector", "Scottish Government"]);
    // "What’s helping?" is read; "Related resources" and the footer are not.
    expect(r.draft.helping).toEqual([
      "The Northfield Leavers’ Group has met weekly since 2023 and is run by young people.",
    ]);
    expect(r.draft.whatMatters).toEqual([
      "I don’t have to leave before I’m ready.",
      "Someone still checks in on me.",
    ]);
    expect([r.missing, r.truncated]).toEqual([[], false]);
  });

  it("reads a June 2024 page whose headings are bold paragraphs, actions a numbered list, and no mapping table", () => {
    const r = parseRouteMapPage(importFixture("2024-scaffolding.html"));
    // Not the site's logo in its header: the header goes with the navigation.
    expect([r.format, r.themeName, r.draft.label]).toEqual(["2024", "Scaffolding", "Scotland in 2024"]);
    expect(r.draft.outcomes.map((o) => o.pageRefs)).toEqual(["Pg 12 & 14", "Pg 40-41", "Pg 22"]);
    expect(r.draft.routeMapIntro).toBe(
      "Families have told us that the hardest part is finding out where to start.",
    );
    expect(r.draft.actions).toEqual([
      {
        text: "The Brightwater Partnership will map the family support in each area by the end of 2024.",
        children: [],
      },
      {
        text: "Local Authorities to set out one front door for family support, with:",
        children: [{ text: "a single phone number" }, { text: "a drop-in space open at weekends" }],
      },
      {
        text: "Scottish Government will publish guidance on sharing information with families’ consent.",
        children: [],
      },
    ]);
    expect(r.draft.helping).toEqual([
      "The Whole Family Wellbeing Fund has paid for local pilots in six areas.",
    ]);
    // The sectors are pictures: their alt text names them. The banner picture is no part of the text.
    expect(r.draft.sectors).toEqual(["Local Authorities", "Health Boards", "Third Sector"]);
    expect(r.draft.stateOfPlay).not.toMatch(/beach/);
    expect(r.draft.whatMatters).toEqual([
      "I only have to tell my story once.",
      "Help comes before things fall apart.",
    ]);
    // A page without the table is missing it, not cut off: the table is the one section pages omit.
    expect([r.missing, r.truncated]).toEqual([["mapping"], false]);
    expect(r.draft.mappings.promise_report).toEqual([]);
  });

  it("flags a June 2024 page cut off in the mapping table, keeping the table's whole lines", () => {
    const r = parseRouteMapPage(importFixture("2024-siblings-cut-in-table.txt"));
    expect(r.themeName).toBe("Brothers and Sisters");
    expect(r.draft.outcomes).toEqual([
      { text: "Brothers and sisters will live together when that is what they want.", pageRefs: "Pg 62" },
      {
        text: "Where they cannot live together, they will see each other often and easily.",
        pageRefs: "Pg 63; 64",
      },
    ]);
    // Indented "*" items are sub-items of the numbered action above.
    expect(r.draft.actions.map((a) => [a.text.slice(0, 24), a.children.length])).toEqual([
      ["Local Authorities will r", 0],
      ["The Sibling Link Project", 2],
      ["Care Inspectorate to loo", 0],
    ]);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Care Inspectorate", "Residential providers"]);
    expect(r.draft.mappings).toEqual({
      promise_report: ["62-64"],
      plan_21_24: ["What matters to children and families", "Whole family support"],
      uncrc: ["Article 8", "Article 9"],
      shanarri: [],
    });
    expect([r.missing, r.truncated]).toEqual([[], true]);
    expect(r.warnings.join("\n")).toMatch(/not understood: “Saf”[\s\S]*part-way through the mapping table/);
  });

  it("flags a December 2025 page cut off in a list of sub-items; what follows is missing, not empty", () => {
    const r = parseRouteMapPage(importFixture("2025-education-cut-in-list.txt"));
    expect(r.draft.outcomes).toHaveLength(2);
    expect(r.draft.actions.map((a) => a.children.map((c) => c.text))).toEqual([
      [],
      ["Named adults in every school", "Training for staff on the effects of trau"],
    ]);
    expect([r.missing, r.truncated]).toEqual([["sectors", "whatMatters"], true]);
    expect(r.draft.sectors).toEqual([]);
  });

  it("finds headings worded as another theme's page words them, and says which milestone year is bare", () => {
    const r = parseRouteMapPage(importFixture("2025-care-headings.txt"));
    expect([r.draft.label, r.draft.lastUpdated]).toEqual(["November 2025", "2025-11-01"]);
    expect(r.draft.stateOfPlay).toBe("Some providers have moved to smaller homes.");
    expect(r.draft.milestones).toEqual([
      { year: 2026, text: "Rota review finished in two pilot homes." },
      { year: 2028, text: "Rota change in all homes." },
    ]);
    expect(r.warnings.join("\n")).toMatch(/“2027” has no milestones under it/);
    // "What matters to children and families" ends the sectors rather than being one.
    expect(r.draft.sectors).toEqual(["Care providers", "Local Authorities and Trade Unions"]);
    expect(r.draft.whatMatters).toEqual(["I know who will be there when I wake up."]);
    expect([r.missing, r.truncated]).toEqual([[], false]);
  });
});

describe("other ways a page may date itself, list its actions and cite the promise report", () => {
  it("reads a dated “last updated on …”, actions as a list with nested sub-items, and “Who must act?” run into its text", () => {
    const r = parseRouteMapPage(importFixture("2025-moving-on-list-actions.html"));
    expect([r.format, r.themeName, r.draft.label, r.draft.lastUpdated]).toEqual([
      "2025",
      "Moving On",
      "March 2026",
      "2026-03-12",
    ]);
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Young people leave care when they are ready.",
      "Support continues for as long as it is wanted.",
    ]);
    // The quotation before the list is context; each item of the list is an action.
    expect(r.draft.helping).toEqual(["‘We felt pushed out at sixteen.’ Young person, 2025"]);
    expect(r.draft.actions).toEqual([
      {
        text: "The Stepping Stones Trust will run a pilot of staying-on support.",
        children: [{ text: "in two council areas" }, { text: "with a named mentor" }],
      },
      { text: "Local Authorities to publish their aftercare offer.", children: [] },
      { text: "Scottish Government will review the funding rules.", children: [] },
    ]);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Scottish Government"]);
    expect([r.missing, r.truncated]).toEqual([[], false]);
  });

  it("reads page references typed as “page 88”, “p. 44” and “pp. 45-46”, and a later “Scotland in” year", () => {
    const r = parseRouteMapPage(importFixture("2024-education-typed-refs.txt"));
    expect([r.format, r.themeName, r.draft.label]).toEqual(["2024", "Education", "Scotland in 2025"]);
    expect(r.draft.outcomes).toEqual([
      { text: "Pupils will not be excluded.", pageRefs: "Pg 88" },
      { text: "Schools will understand trauma.", pageRefs: "Pg 44" },
      { text: "Teachers will have time to listen", pageRefs: "Pg 45-46" },
    ]);
    expect(r.draft.mappings).toEqual({
      promise_report: ["44-46", "88"],
      plan_21_24: ["Supporting the workforce"],
      uncrc: ["Article 28", "Article 29"],
      shanarri: ["Achieving", "Included"],
    });
    // No "What is helping?" on this page: unknown, not an empty list of what helps.
    expect([r.missing, r.truncated]).toEqual([["helping"], false]);
  });

  it("dates an edition only by a real calendar day", () => {
    const text = (line: string) =>
      [
        "Route map: Invented",
        line,
        "Where does Scotland need to be by 2030?",
        "• An outcome.",
        "The route map to get there",
        "The Board will meet.",
      ].join("\n");
    const dated = (line: string) => parseRouteMapPage(text(line)).draft;
    expect(dated("Last updated: May 2026").lastUpdated).toBe("2026-05-01");
    expect(dated("This route map was last updated on 31st January 2026.").lastUpdated).toBe("2026-01-31");
    expect(
      [dated("This route map was last updated on 31 February 2026.")].map((d) => [d.label, d.lastUpdated]),
    ).toEqual([["February 2026", null]]);
    expect(parseRouteMapPage(text("Last updated on 31 February 2026")).warnings.join("\n")).toMatch(
      /no calendar date/,
    );
  });
});

describe("a June 2024 style page of a later year, its tables saved as HTML tables", () => {
  it("reads “Scotland in 2025:”, the mapping table from its cells, and refuses to guess a milestone table", () => {
    const r = parseRouteMapPage(importFixture("2024-care-tables.html"));
    expect([r.format, r.themeName, r.draft.label, r.draft.stateOfPlayTitle]).toEqual([
      "2024",
      "Care",
      "Scotland in 2025",
      "Scotland in 2025",
    ]);
    expect(r.draft.mappings).toEqual({
      promise_report: ["70", "71"],
      plan_21_24: ["What matters to children and families", "Planning"],
      uncrc: ["Article 9", "Article 20"],
      shanarri: ["Safe", "Nurtured", "Included"],
    });
    // The milestones' columns are lost in the text: none is recorded under a wrong year, or as an action.
    expect(r.draft.actions.map((a) => a.text)).toEqual(["Providers will plan moves with children."]);
    expect(r.draft.milestones).toEqual([]);
    expect(r.warnings.join("\n")).toMatch(/side by side under the years “2026 2027” could not be read/);
    // "Read less" after the table is the page's, not a wellbeing indicator or a sign of truncation.
    expect([r.missing, r.truncated]).toEqual([[], false]);
  });
});
