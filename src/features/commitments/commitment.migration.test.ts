import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import * as migration from "../../db/migrations/2026-11-22T1850_commitments.ts";
import * as funding from "../../db/migrations/2026-12-08T0130_funding.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { listCommitmentSources } from "./commitment.service.ts";

// The commitments migration reads in the progress updates imported before it, whose key actions
// were kept only in imported_document.details: run on a database as it was just before.

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase("empty");
});
afterAll(async () => {
  await handle.close();
});

describe("migration 2026-11-22T1850_commitments", () => {
  it("makes a commitment of every key action already imported, in order, and nothing of the rest", async () => {
    const db = handle.db;
    // Funds link commitments, so the funding migration comes off first and goes back on last.
    await funding.down(db as unknown as Kysely<unknown>);
    await migration.down(db as unknown as Kysely<unknown>);
    const insert = (kind: "progress_update" | "route_map", hash: string, details: unknown) =>
      db
        .insertInto("imported_document")
        .values({
          kind,
          file_name: `${hash}.txt`,
          content_hash: hash,
          text: "…",
          edition_id: null,
          details: JSON.stringify(details),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const update = await insert("progress_update", "a", {
      title: "Keeping the promise: progress update 2024",
      year: 2024,
      partNumber: "3",
      partTitle: "The Next Stage",
      commitments: [
        {
          text: "We will do the first thing",
          details: ["Why."],
          subItems: ["one", "two"],
          status: "on track",
        },
        { text: "We will do the second thing", details: [], subItems: [], status: null },
      ],
    });
    // A cut-off update with no key actions (missing, recorded as null), and a route map: nothing.
    await insert("progress_update", "b", { title: null, year: null, partNumber: null, commitments: null });
    await insert("route_map", "c", { commitments: [{ text: "not a commitment" }] });

    await migration.up(db as unknown as Kysely<unknown>);
    await funding.up(db as unknown as Kysely<unknown>);

    const sources = await listCommitmentSources(db);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      documentId: update.id,
      title: "Keeping the promise: progress update 2024",
      year: 2024,
      partNumber: "3",
      partTitle: "The Next Stage",
    });
    expect(
      sources[0]!.commitments.map((c) => [c.ordinal, c.text, c.details, c.subItems, c.status, c.number]),
    ).toEqual([
      [1, "We will do the first thing", ["Why."], ["one", "two"], "on track", null],
      [2, "We will do the second thing", [], [], null, null],
    ]);
  });
});
