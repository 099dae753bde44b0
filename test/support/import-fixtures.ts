import fs from "node:fs";
import path from "node:path";

// The importer's own invented documents, committed in test/fixtures/import (never copies of the
// seeds), and the seeded random numbers its fuzz tests mutate them with.

/** The folder of the importer's fixtures. */
export const IMPORT_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");

/** The bytes of the fixture at `name` ("2025-kinship.txt", "minutes/truncated.txt"). */
export function importFixture(name: string): Buffer {
  return fs.readFileSync(path.join(IMPORT_FIXTURES, name));
}

/** A small deterministic random-number generator (mulberry32), so a failure can be replayed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
