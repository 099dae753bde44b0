import { editDistance } from "./route-map-text.parser.ts";

// Names of people, organisations and groups as documents print them, compared the way a reader
// would: "Andrew  Watson", "andrew watson" and "Andrew Watson." are one name; "Andrew Warson" is
// only near it, for a person to confirm, never merged by itself.

/** Lowercase letters and digits, accents dropped, single spaces: what two spellings of a name share. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`.]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Names that are the same once folded. */
export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

/**
 * Names that differ by a letter or two ("Andrew Warson" / "Andrew Watson"): a near-match to offer
 * for confirmation. Short names need to be closer, so "Ali" and "Alex" are not offered.
 */
export function nearName(a: string, b: string): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (x === y || x.length < 5 || y.length < 5) return false;
  const limit = Math.min(x.length, y.length) >= 12 ? 2 : 1;
  if (Math.abs(x.length - y.length) > limit) return false;
  return editDistance(x, y, limit) <= limit;
}
