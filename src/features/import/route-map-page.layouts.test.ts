import { describe, expect, it } from "vitest";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { parseRouteMapPage } from "./route-map-page.parser.ts";

// The route-map reader on the layouts a page may take: lists in the context, lost bullets,
// sections in another order, run-in headings, contents lists, year headings, Notepad encodings.

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
    const r = parseRouteMapPage(importFixture("2025-siblings-reordered.txt"));
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
    const r = parseRouteMapPage(importFixture("2025-scaffolding-run-in-headings.html"));
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
    const r = parseRouteMapPage(importFixture("2025-education-contents.txt"));
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
  const text = importFixture("2025-moving-on-copied.txt").toString("utf8");
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
