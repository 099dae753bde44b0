import { describe, expect, it } from "vitest";
import { windows1252 } from "../../../test/support/windows-1252.ts";
import { decodeText } from "../../platform/spreadsheet.ts";
import { checkBulkRows, type KnownAction } from "./bulk.rows.ts";
import { HEADINGS } from "./bulk.sheet.ts";

// The row rules of a bulk upload, without a database: what counts as a change, and every row error.

const action = (key: string, changes: Partial<KnownAction> = {}): KnownAction => ({
  themeId: 1,
  key,
  themeName: "Leadership",
  text: `Action ${key}`,
  version: 3,
  owed: true,
  current: { status: "on_track", percent: 50, confidence: "evidenced", narrative: "Going well." },
  hasDraft: false,
  ...changes,
});

const known = new Map<string, KnownAction>([
  ["leadership/a", action("a")],
  ["leadership/b", action("b", { current: null, version: 0 })],
  ["leadership/c", action("c", { owed: false })],
  ["leadership/d", action("d", { hasDraft: true })],
]);

/** A row in the downloaded file's column order. */
function row(
  reference: string,
  values: { status?: string; percent?: string; confidence?: string; narrative?: string; version?: string },
) {
  return [
    reference,
    "Leadership",
    "An action",
    "Lead",
    "Not set",
    values.status ?? "On track",
    values.percent ?? "50",
    values.confidence ?? "Evidenced",
    values.narrative ?? "Going well.",
    values.version ?? "3",
  ];
}

const check = (rows: string[][], submit = false) =>
  checkBulkRows([[...HEADINGS], ...rows], known, { organisationName: "Care Voices", submit });

describe("bulk upload rows", () => {
  it("a row that says what Waymark already shows is no change; a different one is", () => {
    const result = check([
      row("leadership/a", {}),
      row("leadership/b", { status: "", percent: "", confidence: "", narrative: "", version: "0" }),
      row("leadership/d", { narrative: "Going well." }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.unchanged).toBe(3);

    const changed = check([
      row("leadership/a", { status: "delayed", percent: "", narrative: "Funding came late." }),
    ]);
    expect(changed.errors).toEqual([]);
    expect(changed.changes).toHaveLength(1);
    expect(changed.changes[0]!.after).toEqual({
      status: "delayed",
      percent: 25,
      confidence: "evidenced",
      narrative: "Funding came late.",
    });
    expect(changed.changes[0]!.before?.status).toBe("on_track");
  });

  it("submitting sends an unchanged draft too, and needs a narrative", () => {
    const result = check([row("leadership/a", {}), row("leadership/d", {})], true);
    expect(result.changes.map((c) => [c.actionKey, c.kind])).toEqual([["d", "submit"]]);
    const empty = check([row("leadership/b", { narrative: "", version: "0" })], true);
    expect(empty.errors).toEqual([
      { row: 2, column: "Narrative", message: "Narrative is empty: say what has happened before submitting" },
    ]);
  });

  it("names every bad row and column, and keeps nothing from a file with errors", () => {
    const result = check([
      row("leadership/zzz", {}),
      row("leadership/a", { status: "Going fine", narrative: "New words" }),
      row("leadership/a", { percent: "150", narrative: "New words" }),
      row("leadership/c", { narrative: "New words" }),
      row("leadership/b", { confidence: "Sure", version: "0" }),
      row("leadership/d", { version: "soon" }),
      row("", {}),
    ]);
    expect(result.changes).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Reference"],
      [3, "Status"],
      [4, "Reference"],
      [4, "Percent"],
      [5, "Reference"],
      [6, "Confidence"],
      [7, "Version"],
      [8, "Reference"],
    ]);
    expect(result.errors[0]!.message).toContain('No action has the reference "leadership/zzz"');
    expect(result.errors[1]!.message).toContain('Status "Going fine" is not one of Not started, In progress');
    expect(result.errors[2]!.message).toBe("This action is also on row 3: give each action one row");
    expect(result.errors[4]!.message).toBe("Care Voices is not named on this action, so it cannot update it");
  });

  it("refuses a change made to an action someone updated after the download", () => {
    const result = check([row("leadership/a", { narrative: "Our new words.", version: "2" })]);
    expect(result.errors[0]).toMatchObject({ row: 2, column: "Version" });
    expect(result.errors[0]!.message).toContain("Download the file again");
  });

  it("refuses formula-like cells, and reads a neutralised one back as it was", () => {
    const result = check([
      row("leadership/a", { narrative: '=HYPERLINK("https://evil.example")' }),
      row("leadership/d", { status: "+On track", percent: "-5", confidence: "@Evidenced" }),
      row("leadership/b", { narrative: "\tTabbed", version: "0" }),
    ]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Narrative"],
      [3, "Status"],
      [3, "Percent"],
      [3, "Confidence"],
      [4, "Narrative"],
    ]);
    expect(result.errors[0]!.message).toContain('begins with "="');
    expect(result.errors[4]!.message).toContain('begins with "\\t"');
    const kept = check([row("leadership/a", { narrative: "'=2+2 is four" })]);
    expect(kept.errors).toEqual([]);
    expect(kept.changes[0]!.after.narrative).toBe("=2+2 is four");
  });

  it("names missing columns, ignores columns of its own, and accepts headings in any case", () => {
    const missing = checkBulkRows(
      [
        ["Reference", "Status", "Percent", "Narrative", "Notes"],
        ["leadership/a", "On track", "50", "x", "y"],
      ],
      known,
      { organisationName: "Care Voices", submit: false },
    );
    expect(missing.errors.map((e) => e.message)).toEqual([
      "The Confidence column is missing: keep the headings of the file you downloaded",
      "The Version column is missing: keep the headings of the file you downloaded",
    ]);
    const extra = checkBulkRows(
      [
        ["Notes", ...HEADINGS.map((h) => ` ${h.toUpperCase()} `), "Owner"],
        ["ask Morag", ...row("leadership/a", { narrative: "Changed." }), "=cmd"],
      ],
      known,
      { organisationName: "Care Voices", submit: false },
    );
    expect(extra.errors).toEqual([]);
    expect(extra.ignoredColumns).toEqual(["Notes", "Owner"]);
    expect(extra.changes).toHaveLength(1);
  });

  it("accepts status and confidence as labels or codes, any case, and a percent sign", () => {
    const result = check([
      row("leadership/a", { status: "at_risk", percent: "40%", confidence: "SELF-ASSESSED" }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.changes[0]!.after).toMatchObject({
      status: "at_risk",
      percent: 40,
      confidence: "self_assessed",
    });
  });
});

describe("reading a CSV file's bytes", () => {
  it("takes UTF-8, with or without a byte-order mark, and Windows-1252 when the bytes are not UTF-8", () => {
    const words = "Young people’s café – £20";
    expect(decodeText(Buffer.from(words))).toEqual({ text: words, encoding: "utf-8" });
    expect(decodeText(Buffer.from(`\uFEFF${words}`))).toEqual({ text: words, encoding: "utf-8" });
    expect(decodeText(windows1252(words))).toEqual({ text: words, encoding: "windows-1252" });
  });
});
