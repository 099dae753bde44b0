import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import { type ProgressUpdateResult, parseProgressUpdate } from "./progress-update.parser.ts";

const updateSeed = seedFile("004_");
if (!updateSeed) console.warn(`Skipping the progress-update seed import tests: no seeds in ${SEEDS_DIR}.`);

describe.skipIf(!updateSeed)("reading the real 2024 progress update, Part 3 (seed 004)", () => {
  // Read only when the seed is there: a skipped describe still runs its body.
  const r = updateSeed ? parseProgressUpdate(fs.readFileSync(updateSeed)) : ({} as ProgressUpdateResult);

  it("reads the part's title and the year, complete", () => {
    expect([r.year, r.partNumber, r.partTitle, r.statedCount]).toEqual([
      2024,
      "3",
      "The Next Stage of our Journey to Change",
      9,
    ]);
    expect(r.missing).toEqual([]);
    expect(r.truncated).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it("yields the nine key actions as commitments, in order, with their explanations", () => {
    expect(r.commitments).toHaveLength(9);
    expect(r.commitments!.map((c) => c.text.slice(0, 40))).toEqual([
      "We will lead a package of consultation w",
      "The Minister for Children, Young People ",
      "We will work closely with The Promise Sc",
      "We will develop and promote a package of",
      "We will continue to progress work across",
      "We will continue to work with COSLA and ",
      "We are refreshing the common core framew",
      "We will progress the delivery of a right",
      "We will introduce the national Promise P",
    ]);
    expect(r.commitments!.every((c) => c.details.length > 0)).toBe(true);
  });

  it("keeps the consultation's list under its key action, not as actions of their own", () => {
    expect(r.commitments![0]!.subItems).toEqual([
      "Consideration of a universal definition of Care Experience",
      "Implementing the outcomes of the work to redesign the Childrens Hearing System",
      "A package of support for young people transitioning out of children’s care services",
      "On the future of fostering",
    ]);
    expect(r.commitments![3]!.details[0]).toMatch(/^Informed by a national consultation on fostering/);
  });
});

describe("reading invented progress updates", () => {
  it("reads key actions, a list under one, a status, and an action that is not “We will”", () => {
    const r = parseProgressUpdate(importFixture("progress/progress-update-part2.txt"));
    expect([r.year, r.partNumber, r.partTitle, r.statedCount, r.truncated]).toEqual([
      2025,
      "2",
      "Families at the centre",
      4,
      false,
    ]);
    expect(r.commitments!.map((c) => [c.text, c.subItems, c.status])).toEqual([
      ["We will fund a family support worker in every Glenbrae secondary school", [], "on track"],
      [
        "We will publish a plain guide to kinship allowances, with the Kinship Alliance",
        ["who can get an allowance", "how much it is and how it is paid"],
        null,
      ],
      ["The Minister for Families will meet care-experienced young people twice a year", [], null],
      ["We will review how families are told about changes to their support", [], null],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("reads an annex that labels each commitment, with its status and update", () => {
    const r = parseProgressUpdate(
      [
        "Supporting families to stay together: progress update 2025",
        "Part 7 Annex: progress against every commitment",
        "Family time",
        "Commitment: We will publish guidance on family time for children in care.",
        "Status: Complete",
        "Update: The guidance was published in June 2025.",
        "Commitment 2 – Glenbrae Council will review kinship care assessments.",
        "Status: In progress",
        "Contact",
      ].join("\n"),
    );
    expect([r.partNumber, r.partTitle, r.truncated]).toEqual([
      "7",
      "Annex: progress against every commitment",
      false,
    ]);
    expect(r.commitments!.map((c) => [c.number, c.text, c.status, c.details])).toEqual([
      [
        null,
        "We will publish guidance on family time for children in care.",
        "Complete",
        ["Update: The guidance was published in June 2025."],
      ],
      [2, "Glenbrae Council will review kinship care assessments.", "In progress", []],
    ]);
    expect(r.introduction).toEqual(["Family time"]);
  });

  it("flags an update cut off part-way: what is there, and fewer actions than it promised", () => {
    const r = parseProgressUpdate(importFixture("progress/progress-update-truncated.txt"));
    expect(r.truncated).toBe(true);
    expect(r.commitments).toHaveLength(2);
    expect(r.warnings).toContain("The document says it has 4 key actions, but 2 were found.");
  });

  it("reports missing key actions as unknown (null), not none", () => {
    const r = parseProgressUpdate(
      "Families: progress update 2025\nPart 4 Money\nThis part has four key actions.",
    );
    expect(r.commitments).toBeNull();
    expect(r.missing).toEqual(["keyActions"]);
  });

  it("refuses a document that is not a progress update", () => {
    expect(() => parseProgressUpdate(importFixture("not-recognised.txt"))).toThrow(
      /not recognised as a progress update/,
    );
  });
});
