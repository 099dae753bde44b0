import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFixture, random } from "../../../test/support/import-fixtures.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import { NOT_RECOGNISED, parseDocument } from "./document.parser.ts";
import { DocumentRefusedError, MAX_DOCUMENT_BYTES } from "./document-input.ts";
import { parseMinutes } from "./minutes.parser.ts";
import { parseProgressUpdate } from "./progress-update.parser.ts";

// Recognising which kind a document is, and fuzzing every reader: whatever the input, the answer
// is a result or the clear refusal, never a crash.

describe("recognising the kind of a document", () => {
  it("reads a route map saved as HTML with numbered actions as the route-map reader does", () => {
    const r = parseDocument(importFixture("2024-scaffolding.html"));
    expect(r.kind).toBe("route-map");
    if (r.kind !== "route-map") return;
    expect(r.draft.actions.map((a) => a.children.length)).toEqual([0, 2, 0]);
  });

  it("tells route maps, minutes of both layouts and progress updates apart", () => {
    const kinds = [
      "2025-kinship.txt",
      "2024-kinship.txt",
      "minutes/bulleted-forum.txt",
      "minutes/metadata-board.txt",
      "minutes/metadata-board.html",
      "minutes/misspelt-reordered.txt",
      "minutes/truncated.txt",
      "progress/progress-update-part2.txt",
      "progress/progress-update-truncated.txt",
    ].map((name) => parseDocument(importFixture(name)).kind);
    expect(kinds).toEqual([
      "route-map",
      "route-map",
      "minutes",
      "minutes",
      "minutes",
      "minutes",
      "minutes",
      "progress-update",
      "progress-update",
    ]);
  });

  if (!seedFile("004_"))
    console.warn(`Skipping the recognition of the real documents: no seeds in ${SEEDS_DIR}.`);
  it.skipIf(!seedFile("004_"))("recognises each of the real documents (the seeds) as its kind", () => {
    const kinds = ["000_", "001_", "002_", "003_", "004_"].map(
      (prefix) => parseDocument(fs.readFileSync(seedFile(prefix)!)).kind,
    );
    expect(kinds).toEqual(["route-map", "minutes", "minutes", "route-map", "progress-update"]);
  });

  it("says plainly that an unrecognised document is not a route map, minutes or progress update", () => {
    expect(() => parseDocument(importFixture("not-recognised.txt"))).toThrow(
      /not recognised as a route map, minutes or progress update/,
    );
    expect(() => parseDocument("")).toThrow(NOT_RECOGNISED);
  });

  it("refuses binary and over-large files with a message, before reading them as anything", () => {
    expect(() => parseDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(/not text/);
    expect(() => parseDocument(Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61))).toThrow(/too large/);
  });
});

const PIECES = [
  "\n",
  "• ",
  "- ",
  "(co-chair)",
  ",,",
  "Attendees and apologies\n",
  "Items and actions\n",
  "Next steps\n",
  "next meeting ",
  "3.05 p.m.",
  "31 February",
  "- Published\n",
  "Part 3 ",
  "We will ",
  "nine key actions",
  "Minutes - ",
  "<li>",
  "&#",
  ":",
];

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A document's lines dropped, doubled, cut, shuffled or salted with pieces of other documents. */
function mutate(text: string, next: () => number): string {
  let lines = text.split("\n");
  if (next() < 0.25) lines = shuffle(lines, next);
  const out: string[] = [];
  for (const line of lines) {
    const roll = next();
    if (roll < 0.1) continue;
    if (roll < 0.2) out.push(line, line);
    else if (roll < 0.3) out.push(line.slice(0, Math.floor(next() * line.length)));
    else if (roll < 0.4) out.push(PIECES[Math.floor(next() * PIECES.length)]! + line);
    else out.push(line);
  }
  return out.join(next() < 0.5 ? "\n" : "\r\n").slice(0, Math.floor(next() * text.length * 1.2) + 1);
}

/** Random bytes, sometimes mixed with the words the readers look for. */
function garbage(next: () => number): Uint8Array {
  const parts: number[] = [];
  const length = Math.floor(next() * 600);
  for (let i = 0; i < length; i++) {
    if (next() < 0.15) parts.push(...Buffer.from(PIECES[Math.floor(next() * PIECES.length)]!));
    else parts.push(Math.floor(next() * 256));
  }
  return new Uint8Array(parts);
}

describe("fuzzing the minutes and progress-update readers", () => {
  const sources = [
    "minutes/bulleted-forum.txt",
    "minutes/metadata-board.txt",
    "minutes/metadata-board.html",
    "minutes/misspelt-reordered.txt",
    "progress/progress-update-part2.txt",
    "2025-kinship.txt",
    ...["001_", "002_", "004_"].flatMap((p) => seedFile(p) ?? []),
  ].map((name) => (path.isAbsolute(name) ? fs.readFileSync(name) : importFixture(name)).toString("utf8"));

  const readers = [parseDocument, parseMinutes, parseProgressUpdate];

  it("answers 600 generated and mutated documents with a result or the clear refusal, never a crash", () => {
    const next = random(20261122);
    const answers = { minutes: 0, "progress-update": 0, "route-map": 0, refused: 0 };
    for (let i = 0; i < 600; i++) {
      // Source and reader drawn independently, so every reader meets every kind of document.
      const input: string | Uint8Array =
        i % 5 === 0 ? garbage(next) : mutate(sources[Math.floor(next() * sources.length)]!, next);
      const read = readers[Math.floor(next() * readers.length)]!;
      try {
        const r = read(input);
        answers[r.kind]++;
        // Every result says what it could not find, and whether it looks cut off.
        expect(Array.isArray(r.missing), `input ${i}`).toBe(true);
        expect(typeof r.truncated).toBe("boolean");
        if (r.kind === "minutes" && r.attendees) {
          expect(r.attendees.every((a) => a.name.length > 0)).toBe(true);
        }
      } catch (error) {
        const shown = typeof input === "string" ? input.slice(0, 200) : `${input.byteLength} bytes`;
        expect(error, `input ${i}: ${JSON.stringify(shown)}`).toBeInstanceOf(DocumentRefusedError);
        answers.refused++;
      }
    }
    // Both answers happen for the kinds fuzzed, so the test exercises every path.
    expect(answers.minutes).toBeGreaterThan(50);
    expect(answers["progress-update"]).toBeGreaterThan(20);
    expect(answers.refused).toBeGreaterThan(50);
  });
});
