import crypto from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { inflateEntries } from "../../src/platform/zip-archive.ts";
import type { Secret, Visitor } from "./matrix.types.ts";

// The matrix's secrets: each fixture some visitors may not see carries a marker found nowhere
// else, and every answer the matrix gets is searched for the markers its visitor may not see.

/** Makes markers (lower case letters and digits, so no escaping, case folding or wrapping of an
 * e-mail address changes them) and keeps the secrets they stand for. */
export function secretKeeper(): {
  secrets: Secret[];
  secret: (what: string, seenBy: readonly Visitor[]) => string;
  /** Keeps a string that is already unique (an account's random e-mail address) as a secret. */
  keep: (marker: string, what: string, seenBy: readonly Visitor[]) => void;
} {
  const run = crypto.randomBytes(3).toString("hex");
  const secrets: Secret[] = [];
  return {
    secrets,
    secret(what, seenBy) {
      const marker = `mkr${run}q${secrets.length + 1}z`;
      secrets.push({ marker, what, seenBy });
      return marker;
    },
    keep(marker, what, seenBy) {
      secrets.push({ marker, what, seenBy });
    },
  };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * An answer as text to search: a zip (a workbook or a Word document) with every entry inflated,
 * anything else as UTF-8 with iCalendar's folded lines joined again.
 */
export async function answerText(response: LightMyRequestResponse): Promise<string> {
  const bytes = response.rawPayload;
  if (bytes.subarray(0, 4).equals(ZIP)) {
    const parts: Buffer[] = [];
    await inflateEntries(bytes, { maxEntries: 10_000, onChunk: (_entry, chunk) => parts.push(chunk) });
    return Buffer.concat(parts).toString("utf8");
  }
  return bytes.toString("utf8").replace(/\r?\n[ \t]/g, "");
}

/** What of `secrets` the text gives away to `visitor`: the secrets they may not see. */
export function secretsIn(text: string, secrets: readonly Secret[], visitor: Visitor): Secret[] {
  return secrets.filter((s) => text.includes(s.marker) && !s.seenBy.includes(visitor));
}
