import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import { LEADERSHIP_DECEMBER_2025, LEADERSHIP_JUNE_2024 } from "../demo/leadership.ts";
import { parseEditionDocument } from "../route-maps/edition-document.ts";
import { htmlToText } from "./html-to-text.ts";
import {
  DocumentRefusedError,
  MAX_DOCUMENT_BYTES,
  parseRouteMapPage,
  type RouteMapPageResult,
} from "./route-map-page.parser.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(repoRoot, "test/fixtures/import");

function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(fixtures, name));
}

const june2024Seed = seedFile("000_");
const december2025Seed = seedFile("003_");
if (!june2024Seed || !december2025Seed) {
  console.warn(`Skipping the route-map seed import tests: no seeds in ${SEEDS_DIR}.`);
}

describe.skipIf(!december2025Seed)("importing the real December 2025 Leadership page (seed 003)", () => {
  // Read only when the seed is there: a skipped describe still runs its body.
  const result = december2025Seed
    ? parseRouteMapPage(fs.readFileSync(december2025Seed))
    : ({} as RouteMapPageResult);

  it("reads it as the Leadership route map, December 2025 format, complete", () => {
    expect([result.format, result.themeName, result.draft.label, result.draft.lastUpdated]).toEqual([
      "2025",
      "Leadership",
      "December 2025",
      "2025-12-01",
    ]);
    expect(result.missing).toEqual([]);
    expect(result.truncated).toBe(false);
  });

  it("yields one outcome, six sectors, the actions in order with sub-items, and empty milestone years", () => {
    expect(result.draft.outcomes).toHaveLength(1);
    expect(result.draft.sectors).toHaveLength(6);
    expect(result.emptyMilestoneYears).toBe(3);
    expect(result.draft.milestones).toEqual([]);
    expect(result.draft.actions.map((a) => a.children.length)).toEqual([0, 0, 0, 6, 0, 0, 0, 0, 0, 0]);
  });

  it("matches the demo edition typed by hand from the same page, section by section", () => {
    // The only differences: an import is a draft until someone publishes it. The page's context
    // paragraphs (before the first action) become "what is helping", as in the demo data.
    expect(result.draft).toEqual({ ...LEADERSHIP_DECEMBER_2025, status: "draft" });
  });

  it("reads the same actions and sub-items when the page is copied without its bullets", () => {
    const text = fs.readFileSync(december2025Seed!, "utf8").replace(/^\s*•\s*/gm, "");
    const r = parseRouteMapPage(text);
    expect(r.draft.actions).toEqual(result.draft.actions);
    expect(r.draft.outcomes).toEqual(result.draft.outcomes);
  });

  it("keeps the repeated sub-item once, the fuller copy, and says so", () => {
    const dialogues = result.draft.actions[3]!.children.map((c) => c.text);
    expect(dialogues.filter((t) => t.startsWith("How do we enable and hold accountable"))).toEqual([
      "How do we enable and hold accountable the ‘root work’ required for transformational change, while holding the tension that the status quo is not good enough for ‘our children'?",
    ]);
    expect(result.warnings.join("\n")).toMatch(/appears twice and was kept once/);
  });
});

describe.skipIf(!june2024Seed)("importing the real June 2024 Leadership page (seed 000)", () => {
  const result = june2024Seed ? parseRouteMapPage(fs.readFileSync(june2024Seed)) : ({} as RouteMapPageResult);

  it("yields six ambitions with their page references, three actions, four helping, three what-matters", () => {
    expect(result.format).toBe("2024");
    expect(result.draft.outcomes.map((o) => o.pageRefs)).toEqual([
      "Pg 99",
      "Pg 17",
      "Pg 36; Pg 23",
      "Pg 36",
      "Pg 85",
      "Pg 103",
    ]);
    expect(result.draft.actions).toHaveLength(3);
    expect(result.draft.helping).toHaveLength(4);
    expect(result.draft.whatMatters).toHaveLength(3);
  });

  it("reads the same ambitions when the page is copied without its bullets", () => {
    const text = fs.readFileSync(june2024Seed!, "utf8").replace(/^\s*•\s*/gm, "");
    const r = parseRouteMapPage(text);
    expect(r.draft.outcomes).toEqual(result.draft.outcomes);
    expect(r.draft.ambitionSummary).toEqual(result.draft.ambitionSummary);
    expect(r.draft.actions).toEqual(result.draft.actions);
  });

  it("reads the mapping table into its four frameworks", () => {
    expect(result.draft.mappings).toEqual(LEADERSHIP_JUNE_2024.mappings);
  });

  it("matches the demo edition typed by hand, except for the date the page does not print", () => {
    // The demo dates the edition June 2024 from outside knowledge; the page itself only says
    // "Scotland in 2024", so the import leaves the date for an editor to set, and warns.
    expect(result.draft).toEqual({
      ...LEADERSHIP_JUNE_2024,
      status: "draft",
      label: "Scotland in 2024",
      lastUpdated: null,
    });
    expect(result.warnings.join("\n")).toMatch(/gives no date/);
    expect(result.warnings.join("\n")).toMatch(/names no sectors/);
  });
});

describe("importing invented route-map pages", () => {
  it("reads a December 2025 style page: outcomes, context, actions with sub-items, sectors", () => {
    const r = parseRouteMapPage(fixture("2025-kinship.txt"));
    expect([r.format, r.themeName, r.draft.theme, r.draft.label]).toEqual([
      "2025",
      "Kinship care",
      "kinship-care",
      "March 2026",
    ]);
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Kinship carers get the same practical and financial help wherever they live.",
      "Children living with relatives keep the relationships that matter to them.",
    ]);
    expect(r.draft.helping).toHaveLength(2);
    expect(r.draft.actions.map((a) => a.text.slice(0, 20))).toEqual([
      "The Kinship Alliance",
      "Local Authorities to",
      "Explore ways for car",
    ]);
    expect(r.draft.actions[1]!.children.map((c) => c.text)).toEqual([
      "How quickly help is offered after a child moves in",
      "Who carries out the assessment.",
      "How carers are told of their rights",
    ]);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Third Sector", "Scottish Government"]);
    expect(r.emptyMilestoneYears).toBe(2);
    expect(r.draft.whatMatters).toHaveLength(2);
    expect([r.missing, r.truncated]).toEqual([[], false]);
    expect(() => parseEditionDocument(r.draft)).not.toThrow();
  });

  it("reads a June 2024 style page: ambitions with page references, intro, actions, the mapping table", () => {
    const r = parseRouteMapPage(fixture("2024-kinship.txt"));
    expect(r.format).toBe("2024");
    expect(r.draft.outcomes).toEqual([
      { text: "Carers will be told what help exists without having to ask", pageRefs: "Pg 41" },
      {
        text: "Children will not have to move to get the help they need. Help will follow the child.",
        pageRefs: "Pg 12; Pg 13",
      },
      { text: "Assessments will be quick and kind.", pageRefs: "Pg 50-51" },
    ]);
    expect(r.draft.routeMapIntro).toMatch(/^The first priority/);
    expect(r.draft.actions).toHaveLength(2);
    expect(r.draft.mappings).toEqual({
      promise_report: ["12", "13", "41", "50-51"],
      plan_21_24: ["Whole family support", "Building capacity"],
      uncrc: ["Article 8", "Article 20"],
      shanarri: ["Safe", "Achieving"],
    });
  });

  it("finds misspelt headings and sections in another order", () => {
    const r = parseRouteMapPage(fixture("2024-misspelt-reordered.txt"));
    expect(r.missing).toEqual([]);
    expect(r.draft.stateOfPlay).toBe("A short state of play written for this test.");
    expect(r.draft.whatMatters).toEqual(["I want to be asked, not told."]);
    expect(r.draft.outcomes).toEqual([{ text: "Carers will be trusted.", pageRefs: "Pg 7" }]);
    expect(r.draft.actions.map((a) => a.text)).toEqual([
      "Carers will get one point of contact in every area.",
    ]);
    expect(r.draft.helping).toEqual(["A carers' network already meets in three areas."]);
    expect(r.draft.mappings.promise_report).toEqual(["7"]);
  });

  it("flags a page cut off part-way and lists the sections it never reached as missing, not empty", () => {
    const r = parseRouteMapPage(fixture("2025-truncated.txt"));
    expect(r.truncated).toBe(true);
    expect(r.missing).toEqual(["sectors", "whatMatters"]);
    expect(r.draft.actions).toHaveLength(2);
    expect(r.warnings.join("\n")).toMatch(/stops mid-sentence/);
    expect(r.warnings.join("\n")).toMatch(/unknown, not empty/);
  });

  it("reads a page saved as HTML the same way as text, without its scripts or styles", () => {
    const r = parseRouteMapPage(fixture("2025-kinship.html"));
    expect(r.themeName).toBe("Kinship care");
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Kinship carers get the same practical & financial help wherever they live.",
    ]);
    expect(r.draft.actions[1]!.children).toHaveLength(2);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Third Sector"]);
    expect(r.draft.whatMatters).toEqual(["I can stay with my gran’s family."]);
    expect(JSON.stringify(r)).not.toMatch(/not text|color/);
  });
});

describe("importing invented pages of other themes, as sites and browsers save them", () => {
  it("reads a December 2025 page saved as HTML with the site's cookie banner, menus and footer", () => {
    const r = parseRouteMapPage(fixture("2025-care-site.html"));
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
    const r = parseRouteMapPage(fixture("2025-moving-on-copied.txt"));
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
    const r = parseRouteMapPage(fixture("2024-scaffolding.html"));
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
    const r = parseRouteMapPage(fixture("2024-siblings-cut-in-table.txt"));
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
    const r = parseRouteMapPage(fixture("2025-education-cut-in-list.txt"));
    expect(r.draft.outcomes).toHaveLength(2);
    expect(r.draft.actions.map((a) => a.children.map((c) => c.text))).toEqual([
      [],
      ["Named adults in every school", "Training for staff on the effects of trau"],
    ]);
    expect([r.missing, r.truncated]).toEqual([["sectors", "whatMatters"], true]);
    expect(r.draft.sectors).toEqual([]);
  });

  it("finds headings worded as another theme's page words them, and says which milestone year is bare", () => {
    const r = parseRouteMapPage(fixture("2025-care-headings.txt"));
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
    const r = parseRouteMapPage(fixture("2025-moving-on-list-actions.html"));
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
    const r = parseRouteMapPage(fixture("2024-education-typed-refs.txt"));
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
    const r = parseRouteMapPage(fixture("2024-care-tables.html"));
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

describe("lists in the route map's context", () => {
  it("keeps a list after a context paragraph ending “:” as context, and starts the actions after it", () => {
    const r = parseRouteMapPage(
      [
        "Route map: Care",
        "Where does Scotland need to be by 2030?",
        "• Children feel at home.",
        "The route map to get there",
        "Several areas already have small homes, for example:",
        "• Glenmorven",
        "• Eastfield",
        "Care providers will share their small-homes designs.",
        "• with every council",
        "Who needs to work on this: Care providers",
      ].join("\n"),
    );
    expect(r.draft.helping).toEqual([
      "Several areas already have small homes, for example:",
      "Glenmorven",
      "Eastfield",
    ]);
    expect(r.draft.actions).toEqual([
      {
        text: "Care providers will share their small-homes designs.",
        children: [{ text: "with every council" }],
      },
    ]);
  });

  it("makes a list with no action or context above it the actions", () => {
    const r = parseRouteMapPage(
      [
        "Route map: Care",
        "Where does Scotland need to be by 2030?",
        "• Children feel at home.",
        "The route map to get there",
        "• Care providers will share their designs.",
        "• Local Authorities to fund two new homes.",
        "Who needs to work on this: Care providers",
      ].join("\n"),
    );
    expect(r.draft.actions.map((a) => a.text)).toEqual([
      "Care providers will share their designs.",
      "Local Authorities to fund two new homes.",
    ]);
  });
});

describe("a list that lost its bullets when copied", () => {
  it("keeps the lines after an action ending “:” as its items until one reads as an action", () => {
    const r = parseRouteMapPage(
      [
        "Route map: Education",
        "Where does Scotland need to be by 2030?",
        "The outcome in Education is:",
        "Care experienced pupils are supported to learn in school.",
        "The route map to get there",
        "Education Scotland to agree a shared plan with schools, covering:",
        "Named adults in every school",
        "How will staff learn about trauma?",
        "The Riverside Learning Trust will publish what it learned from its pilot.",
        "Who needs to work on this: Schools",
      ].join("\n"),
    );
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Care experienced pupils are supported to learn in school.",
    ]);
    expect(r.draft.actions).toEqual([
      {
        text: "Education Scotland to agree a shared plan with schools, covering:",
        children: [{ text: "Named adults in every school" }, { text: "How will staff learn about trauma?" }],
      },
      { text: "The Riverside Learning Trust will publish what it learned from its pilot.", children: [] },
    ]);
  });
});

describe("a December 2025 page with its sections in another order", () => {
  it("reads each section wherever it is, and outcomes listed without bullets after “The outcomes in … are:”", () => {
    const r = parseRouteMapPage(fixture("2025-siblings-reordered.txt"));
    expect([r.format, r.themeName, r.draft.label]).toEqual(["2025", "Brothers and Sisters", "May 2026"]);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Children's Hearings Scotland"]);
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Brothers and sisters live together when it is safe and they want to.",
      "Brothers and sisters who live apart see each other often.",
    ]);
    expect(r.draft.whatMatters).toEqual(["I know where my brother is."]);
    expect(r.draft.actions.map((a) => a.text)).toEqual([
      "Children's Hearings Scotland will ask about brothers and sisters at every hearing.",
      "Local Authorities to record brothers and sisters in every child's plan.",
    ]);
    expect([r.missing, r.truncated, r.warnings]).toEqual([[], false, []]);
  });
});

describe("headings run into their paragraph", () => {
  it("reads “<strong>What is helping?</strong> The fund…” as the heading and its first paragraph", () => {
    const r = parseRouteMapPage(fixture("2025-scaffolding-run-in-headings.html"));
    expect(r.draft.stateOfPlay).toBe("Family support is joined up in some areas but not others.");
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Families get help early, without having to reach a crisis first.",
    ]);
    expect(r.draft.actions.map((a) => a.text)).toEqual([
      "The Brightwater Partnership will map family support in every area.",
    ]);
    expect(r.draft.helping).toEqual(["The Whole Family Wellbeing Fund pays for local pilots."]);
    expect(r.draft.sectors).toEqual(["Local Authorities", "Health Boards"]);
    expect(r.draft.whatMatters).toEqual(["I only tell my story once."]);
    expect([r.missing, r.truncated, r.warnings]).toEqual([[], false, []]);
  });
});

describe("a page copied with its “On this page” contents list", () => {
  it("starts each section at its heading, not at its entry in the contents", () => {
    const r = parseRouteMapPage(fixture("2025-education-contents.txt"));
    expect(r.draft.stateOfPlay).toBe("More schools have a named adult for care experienced pupils.");
    expect(r.draft.outcomes.map((o) => o.text)).toEqual([
      "Care experienced pupils are supported to learn in school.",
    ]);
    expect(r.draft.actions.map((a) => a.text)).toEqual([
      "Education Scotland will publish guidance on named adults.",
    ]);
    expect(r.draft.sectors).toEqual(["Schools", "Local Authorities"]);
    expect(r.draft.whatMatters).toEqual(["I have an adult at school I can go to."]);
    expect([r.missing, r.truncated, r.warnings]).toEqual([[], false, []]);
  });

  it("does the same for a June 2024 page's “Scotland in 2024”", () => {
    const r = parseRouteMapPage(
      [
        "Care",
        "On this page",
        "Scotland in 2024",
        "The route map to get there",
        "Scotland in 2024",
        "Small homes are spreading.",
        "Where does Scotland need to be by 2030?",
        "• Children will feel at home (Pg 9).",
        "The route map to get there",
        "Providers will share designs.",
      ].join("\n"),
    );
    expect([r.themeName, r.draft.stateOfPlay]).toEqual(["Care", "Small homes are spreading."]);
    expect(r.draft.actions.map((a) => a.text)).toEqual(["Providers will share designs."]);
  });
});

describe("a page cut off in its last section", () => {
  const page = (ending: string) =>
    [
      "Route map: Care",
      "This route map was last updated in May 2026.",
      "Where is Scotland now?",
      "Some progress.",
      "Where does Scotland need to be by 2030?",
      "• Children feel at home.",
      "The route map to get there",
      "Providers will plan moves with children.",
      "Who needs to work on this: Care providers",
      "What matters to children, families, and care experienced adults",
      "I know who will be there.",
      ending,
    ].join("\n");

  it("is flagged when a short what-matters line stops mid-sentence, and keeps what it has", () => {
    const r = parseRouteMapPage(page("I can stay with my gr"));
    expect([r.missing, r.truncated]).toEqual([[], true]);
    expect(r.draft.whatMatters).toEqual(["I know who will be there.", "I can stay with my gr"]);
    expect(r.warnings.join("\n")).toMatch(/stops mid-sentence: “…I can stay with my gr”/);
  });

  it("is not flagged when the last line is a whole sentence", () => {
    expect(parseRouteMapPage(page("I can stay with my gran.")).truncated).toBe(false);
  });
});

describe("milestones under year headings", () => {
  it("keeps a year's milestones under that year and counts the years said to have none", () => {
    const r = parseRouteMapPage(
      [
        "Route map: Invented",
        "Where does Scotland need to be by 2030?",
        "The outcome in Invented is:",
        "• Something good happens.",
        "The route map to get there",
        "The Invented Board will meet.",
        "2026",
        "A first milestone.",
        "2031",
        "Too late to count.",
        "There are no milestones identified for this year yet.",
      ].join("\n"),
    );
    expect(r.draft.milestones).toEqual([{ year: 2026, text: "A first milestone." }]);
    expect(r.emptyMilestoneYears).toBe(1);
    expect(r.warnings.join("\n")).toMatch(/Milestones for 2031 were left out/);
  });
});

describe("files saved by Windows Notepad", () => {
  const text = fixture("2025-moving-on-copied.txt").toString("utf8");
  const expected = parseRouteMapPage(text).draft;

  it("reads a file saved as “Unicode” (UTF-16 with its byte-order mark) rather than refusing it as binary", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(parseRouteMapPage(utf16).draft).toEqual(expected);
  });

  it("reads a file saved as “ANSI” (Windows-1252) with its curly apostrophes, not “�”", () => {
    const cp1252: Record<string, number> = { "’": 0x92, "–": 0x96, "•": 0x95 };
    const bytes = Uint8Array.from([...text], (c) => cp1252[c] ?? c.charCodeAt(0));
    expect(parseRouteMapPage(bytes).draft).toEqual(expected);
  });
});

describe("refusing what is not a route-map page", () => {
  it("says plainly that other documents are not recognised as a route map", () => {
    expect(() => parseRouteMapPage(fixture("not-a-route-map.txt"))).toThrow(/not recognised as a route map/);
    expect(() => parseRouteMapPage("")).toThrow(DocumentRefusedError);
  });

  it("refuses binary files and files over 2 MB with a message", () => {
    expect(() => parseRouteMapPage(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]))).toThrow(/not text/);
    expect(() => parseRouteMapPage("a".repeat(MAX_DOCUMENT_BYTES + 1))).toThrow(/too large/);
  });
});

describe("turning a saved web page into text", () => {
  it("keeps blocks on their own lines, list items as bullets, and decodes entities", () => {
    expect(
      htmlToText(
        "<h1>A &amp; B</h1><p>One&nbsp;two</p><ul><li>x &#8217; y</li></ul><!-- hidden --><p>&bogus;</p>",
      ),
    ).toBe("\nA & B\n\nOne two\n\n• x ’ y\n\n&bogus;\n");
  });

  it("drops the site's chrome but keeps any element holding a page heading, whatever its class", () => {
    const text = htmlToText(
      '<div class="cookie-banner"><p>We set cookies.</p></div><nav><a>Home</a></nav>' +
        '<div class="with-cookie-consent"><h1>Route map: Care</h1><p>Kept.</p></div><footer>Privacy</footer>',
    );
    expect(text.split("\n").filter(Boolean)).toEqual(["Route map: Care", "Kept."]);
  });

  it("takes no longer over a mass of unclosed or nested chrome tags than over any other page", () => {
    // Matching each opening tag to its close by searching ahead took minutes over input like this.
    const unclosed = `<p>x</p>${"<nav>".repeat(150_000)}`;
    const nested = `<p>x</p>${'<div class="cookie">'.repeat(60_000)}${"</div>".repeat(60_000)}`;
    expect(() => parseRouteMapPage(unclosed)).toThrow(DocumentRefusedError);
    expect(() => parseRouteMapPage(nested)).toThrow(DocumentRefusedError);
  }, 20_000);

  it("decodes the entities a site's editor writes: soft hyphens, accents, thin spaces", () => {
    expect(
      htmlToText("<p>Scot&shy;land&rsquo;s Caf&eacute;&thinsp;Club &copy; &Eacute;cole</p>").trim(),
    ).toBe("Scotland’s Café Club © École");
  });

  it("survives broken markup", () => {
    expect(htmlToText("<p>open <b>bold <script>never closed")).toBe("\nopen bold");
    expect(htmlToText("&#x110000; &#0; <")).toBe("<");
  });
});

/** A small deterministic random-number generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("fuzzing the route-map page reader", () => {
  const sources = [
    "2025-kinship.txt",
    "2024-kinship.txt",
    "2025-kinship.html",
    "2024-misspelt-reordered.txt",
    "2025-care-site.html",
    "2025-moving-on-copied.txt",
    "2024-siblings-cut-in-table.txt",
  ].map((name) => fixture(name).toString("utf8"));
  const pieces = [
    "\n",
    "•",
    "(Pg 4)",
    "Route map: ",
    "Who needs to work on this:",
    "<li>",
    "&#",
    "Mapping",
    "2027",
  ];

  function mutate(text: string, next: () => number): string {
    const lines = text.split("\n");
    const out: string[] = [];
    for (const line of lines) {
      const roll = next();
      if (roll < 0.1) continue; // drop a line
      if (roll < 0.2)
        out.push(line, line); // repeat it
      else if (roll < 0.3) out.push(line.slice(0, Math.floor(next() * line.length)));
      else if (roll < 0.35) out.push(pieces[Math.floor(next() * pieces.length)]! + line);
      else out.push(line);
    }
    if (next() < 0.3) out.reverse();
    return out.join(next() < 0.5 ? "\n" : "\r\n").slice(0, Math.floor(next() * text.length * 1.5) + 1);
  }

  function garbage(next: () => number): string {
    const length = Math.floor(next() * 400);
    let text = "";
    for (let i = 0; i < length; i++) {
      text +=
        next() < 0.2
          ? pieces[Math.floor(next() * pieces.length)]!
          : String.fromCharCode(1 + Math.floor(next() * (next() < 0.9 ? 127 : 0xd7ff)));
    }
    return text;
  }

  it("answers 400 generated and mutated documents with a result or the clear refusal, never a crash", () => {
    const next = random(20261122);
    let parsed = 0;
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const input = i % 4 === 0 ? garbage(next) : mutate(sources[i % sources.length]!, next);
      try {
        const r = parseRouteMapPage(i % 2 ? input : Buffer.from(input));
        expect(r.kind).toBe("route-map");
        expect(Array.isArray(r.draft.actions)).toBe(true);
        parsed++;
      } catch (error) {
        expect(error, `input ${i}: ${JSON.stringify(input.slice(0, 200))}`).toBeInstanceOf(
          DocumentRefusedError,
        );
        refused++;
      }
    }
    // Both answers actually happen, so the test exercises both paths.
    expect(parsed).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
