import { describe, expect, it } from "vitest";
import { importFixture, random } from "../../../test/support/import-fixtures.ts";
import { DocumentRefusedError, MAX_DOCUMENT_BYTES, parseRouteMapPage } from "./route-map-page.parser.ts";

// What is not a route-map page is refused with a message; no input, however mangled, crashes
// the reader.

describe("refusing what is not a route-map page", () => {
  it("says plainly that other documents are not recognised as a route map", () => {
    expect(() => parseRouteMapPage(importFixture("not-a-route-map.txt"))).toThrow(
      /not recognised as a route map/,
    );
    expect(() => parseRouteMapPage("")).toThrow(DocumentRefusedError);
  });

  it("refuses binary files and files over 2 MB with a message", () => {
    expect(() => parseRouteMapPage(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]))).toThrow(/not text/);
    expect(() => parseRouteMapPage("a".repeat(MAX_DOCUMENT_BYTES + 1))).toThrow(/too large/);
  });
});

describe("fuzzing the route-map page reader", () => {
  const sources = [
    "2025-kinship.txt",
    "2024-kinship.txt",
    "2025-kinship.html",
    "2024-misspelt-reordered.txt",
    "2025-care-site.html",
    "2025-moving-on-copied.txt",
    "2024-siblings-cut-in-table.txt",
  ].map((name) => importFixture(name).toString("utf8"));
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
