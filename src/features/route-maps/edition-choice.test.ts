import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../platform/errors.ts";
import { chooseEditionsToCompare } from "./edition-choice.ts";
import type { EditionSummary } from "./route-map.types.ts";

// One choice of editions for the comparison page and the API: the same list and the same question
// give the same two editions, whichever asks.

const edition = (id: number, status: EditionSummary["status"]): EditionSummary => ({
  id,
  status,
  layout: "outcomes",
  label: `Edition ${id}`,
  lastUpdated: status === "published" ? "2025-12-01" : null,
  version: 1,
});
const theme = { name: "Leadership" };
// Newest first, as listEditions answers: a new draft, two published editions with an older draft
// (an imported page) between them.
const editions = [edition(5, "draft"), edition(4, "published"), edition(3, "draft"), edition(2, "published")];
const ids = (chosen: ReturnType<typeof chooseEditionsToCompare>) => [chosen.from?.id, chosen.to?.id];

describe("choosing the editions to compare", () => {
  it("compares the latest published edition with the published one before it, skipping drafts", () => {
    expect(ids(chooseEditionsToCompare(theme, editions, {}))).toEqual([2, 4]);
    expect(ids(chooseEditionsToCompare(theme, editions, { from: null, to: null }))).toEqual([2, 4]);
  });

  it("compares a draft with the latest published edition, and takes the editions asked for as they are", () => {
    expect(ids(chooseEditionsToCompare(theme, editions, { to: 5 }))).toEqual([4, 5]);
    expect(ids(chooseEditionsToCompare(theme, editions, { from: 3 }))).toEqual([3, 4]);
    expect(ids(chooseEditionsToCompare(theme, editions, { from: 4, to: 2 }))).toEqual([4, 2]);
  });

  it("says when there is nothing before, and does not find an edition the list does not hold", () => {
    expect(ids(chooseEditionsToCompare(theme, editions, { to: 2 }))).toEqual([undefined, 2]);
    expect(ids(chooseEditionsToCompare(theme, [edition(5, "draft")], {}))).toEqual([undefined, undefined]);
    expect(() => chooseEditionsToCompare(theme, editions, { to: 9 })).toThrow(NotFoundError);
    expect(() => chooseEditionsToCompare(theme, editions, { from: 9, to: 4 })).toThrow(
      "There is no edition 9 of the Leadership route map.",
    );
  });
});
