import { NotFoundError } from "../../platform/errors.ts";
import type { EditionSummary } from "./route-map.types.ts";

// Which editions a comparison shows: chosen here once, for the comparison page and the API alike.

/** The published edition just before this one, to compare with; for a draft, the latest published. */
export function previousEdition(edition: EditionSummary, editions: EditionSummary[]): EditionSummary | null {
  const published = editions.filter((e) => e.status === "published");
  if (edition.status !== "published") return published[0] ?? null;
  const index = published.findIndex((e) => e.id === edition.id);
  return index >= 0 ? (published[index + 1] ?? null) : null;
}

/**
 * Chooses the two editions to compare from those the actor may see (newest first): `to` is the
 * one asked for, else the latest published edition; `from` the one asked for, else the published
 * edition before `to` (for a draft, the latest published). An id that is not among them is not
 * found, as a draft is for someone who may not read drafts. Null where there is no such edition;
 * the caller says so in its own way (a page explains, the API answers an error).
 */
export function chooseEditionsToCompare(
  theme: { name: string },
  editions: EditionSummary[],
  asked: { from?: number | null | undefined; to?: number | null | undefined },
): { from: EditionSummary | null; to: EditionSummary | null } {
  const find = (id: number): EditionSummary => {
    const found = editions.find((e) => e.id === id);
    if (!found) throw new NotFoundError(`There is no edition ${id} of the ${theme.name} route map.`);
    return found;
  };
  const latestPublished = editions.find((e) => e.status === "published") ?? null;
  const to = asked.to == null ? latestPublished : find(asked.to);
  const from = asked.from == null ? (to ? previousEdition(to, editions) : null) : find(asked.from);
  return { from, to };
}
