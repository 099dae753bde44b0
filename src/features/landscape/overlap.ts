import { heldOn, type IsoDate, type Landscape, type LandscapeGroup } from "./landscape.types.ts";

// Overlap between groups, pair by pair, the way the National Leadership Group asked for it
// ("reduce duplications and overlaps"): who sits on both, which organisations sit on both, and
// how alike their remits read. Each is a Jaccard similarity, |A ∩ B| / |A ∪ B|, from 0 (nothing
// shared) to 1 (the same), so a big group does not look like it overlaps everything:
//   people:        the people with a membership held today in each group;
//   organisations: the organisations those memberships are for;
//   remit:         the words of each remit, lower-cased, without common English words (and
//                  "group", which every remit says), plurals folded ("families" → "family").
// The overall score is the mean of the three. Ended groups are left out: they overlap nothing now.

/** Words that say nothing about what a group is for. */
const STOP_WORDS = new Set(
  (
    "a about above across after again against all also am an and any are as at be because been before " +
    "being between both but by can could did do does doing down during each either for from further " +
    "had has have having he her here hers him his how i if in into is it its itself may might more most " +
    "must my no nor not of off on once only or other our ours out over own same shall she should so some " +
    "such than that the their theirs them then there these they this those through to too under until " +
    "up upon very was we were what when where which while who whom why will with within would you your " +
    "group groups"
  ).split(" "),
);

/** One word in the form remits are compared in: "Families" → "family", "services" → "service". */
function fold(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The distinct words of a remit that say what the group is for, sorted. */
export function remitWords(remit: string): string[] {
  const words = remit
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .map(fold)
    .filter((w) => !STOP_WORDS.has(w));
  return [...new Set(words)].sort();
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (two groups with no members do not overlap). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface Named {
  id: number;
  name: string;
}

export interface GroupOverlap {
  a: Pick<LandscapeGroup, "id" | "slug" | "name">;
  b: Pick<LandscapeGroup, "id" | "slug" | "name">;
  /** People on both, by name. */
  sharedPeople: Named[];
  people: number;
  sharedOrganisations: Named[];
  organisations: number;
  /** Remit words both use. */
  sharedWords: string[];
  remit: number;
  /** Mean of the three similarities; what the pairs are ranked by. */
  score: number;
}

function byName(a: Named, b: Named): number {
  return a.name.localeCompare(b.name, "en-GB") || a.id - b.id;
}

/**
 * Every pair of groups (not ended) that shares anything, most overlapping first: by score, then
 * shared people, then shared organisations, then by the groups' names.
 */
export function groupOverlaps(landscape: Landscape, today: IsoDate): GroupOverlap[] {
  const groups = landscape.groups.filter((g) => g.status !== "ended");
  const people = new Map(landscape.people.map((p) => [p.id, p]));
  const organisations = new Map(landscape.organisations.map((o) => [o.id, o]));
  const membersOf = new Map<number, Set<number>>();
  const organisationsOf = new Map<number, Set<number>>();
  for (const g of groups) {
    membersOf.set(g.id, new Set());
    organisationsOf.set(g.id, new Set());
  }
  for (const m of landscape.memberships) {
    if (!heldOn(m, today)) continue;
    membersOf.get(m.groupId)?.add(m.personId);
    if (m.organisationId !== null) organisationsOf.get(m.groupId)?.add(m.organisationId);
  }
  const wordsOf = new Map(groups.map((g) => [g.id, new Set(remitWords(g.remit))]));
  const named = (ids: Set<number>, other: Set<number>, register: Map<number, Named>): Named[] =>
    [...ids]
      .filter((id) => other.has(id))
      .map((id) => register.get(id) ?? { id, name: `#${id}` })
      .sort(byName);

  const pairs: GroupOverlap[] = [];
  const ordered = [...groups].sort(byName);
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const a = ordered[i]!;
      const b = ordered[j]!;
      const [pa, pb] = [membersOf.get(a.id)!, membersOf.get(b.id)!];
      const [oa, ob] = [organisationsOf.get(a.id)!, organisationsOf.get(b.id)!];
      const [wa, wb] = [wordsOf.get(a.id)!, wordsOf.get(b.id)!];
      const overlap: GroupOverlap = {
        a: { id: a.id, slug: a.slug, name: a.name },
        b: { id: b.id, slug: b.slug, name: b.name },
        sharedPeople: named(pa, pb, people),
        people: jaccard(pa, pb),
        sharedOrganisations: named(oa, ob, organisations),
        organisations: jaccard(oa, ob),
        sharedWords: [...wa].filter((w) => wb.has(w)).sort(),
        remit: jaccard(wa, wb),
        score: 0,
      };
      overlap.score = (overlap.people + overlap.organisations + overlap.remit) / 3;
      if (overlap.score > 0) pairs.push(overlap);
    }
  }
  return pairs.sort(
    (x, y) =>
      y.score - x.score ||
      y.sharedPeople.length - x.sharedPeople.length ||
      y.sharedOrganisations.length - x.sharedOrganisations.length ||
      x.a.name.localeCompare(y.a.name, "en-GB") ||
      x.b.name.localeCompare(y.b.name, "en-GB"),
  );
}
