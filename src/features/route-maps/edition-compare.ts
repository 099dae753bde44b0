import { diffWords } from "diff";
import type { Edition, EditionLayout, EditionSummary } from "./route-map.types.ts";

// Comparing two editions of one route map: pure functions over domain types, no database.

/** One run of words in a word diff. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** An item of a list section, reduced to what a reader compares. */
export interface ComparedItem {
  key: string;
  text: string;
  /** Facts shown beside the text and compared with it: a milestone's year, an ambition's page references. */
  detail: string;
  /** Where the item sits, for display only: a sub-item names its parent action. */
  context: string;
}

export interface ItemChange {
  before: ComparedItem;
  after: ComparedItem;
  /** Word diff of the text; all "same" when only the detail changed. */
  textDiff: DiffPart[];
  /** Word diff of the detail, or null when the detail did not change. */
  detailDiff: DiffPart[] | null;
}

/** The edition's own texts that are compared; the API's comparison schema is built from this list. */
export const FIELD_NAMES = [
  "introduction",
  "stateOfPlayTitle",
  "stateOfPlay",
  "ambitionSummary",
  "routeMapIntro",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface FieldComparison {
  field: FieldName;
  label: string;
  before: string;
  after: string;
  status: "unchanged" | "added" | "removed" | "changed";
  diff: DiffPart[];
}

/** The sections of a comparison, in page order; the API's comparison schema is built from this list. */
export const SECTION_IDS = [
  "introduction",
  "state-of-play",
  "by-2030",
  "route-map",
  "milestones",
  "who",
  "helping",
  "what-matters",
  "mapping",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionComparison {
  id: SectionId;
  title: string;
  /** The section's single-text fields (state of play, ambition summary, introductions). */
  fields: FieldComparison[];
  /** False for sections that are only text (the introduction, the state of play). */
  hasItems: boolean;
  added: ComparedItem[];
  removed: ComparedItem[];
  changed: ItemChange[];
  unchanged: ComparedItem[];
}

export interface EditionComparison {
  from: EditionSummary;
  to: EditionSummary;
  /** Set when the two editions use different formats (2030 ambitions, outcomes). */
  layoutChange: { from: EditionLayout; to: EditionLayout } | null;
  sections: SectionComparison[];
  totals: { added: number; removed: number; changed: number };
  hasChanges: boolean;
}

/**
 * The form of text used to decide whether two items say the same thing: Unicode-normalised,
 * typographic quotes and dashes made plain, runs of spaces collapsed, case ignored.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Word-by-word difference between two texts, in reading order. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWords(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

const letters = (text: string) => text.replace(/\s+/g, "").length;

/**
 * A word diff when the two texts are mostly the same; when less than half of the longer text
 * survives, a word diff is a jumble of scraps, so the old text is shown removed and the new one
 * added, whole.
 */
export function readableDiff(before: string, after: string): DiffPart[] {
  const parts = wordDiff(before, after);
  const kept = parts.filter((p) => p.kind === "same").reduce((n, p) => n + letters(p.text), 0);
  const longer = Math.max(letters(before), letters(after));
  if (longer === 0 || kept / longer >= 0.5) return parts;
  return [
    ...(before ? [{ kind: "removed" as const, text: before }] : []),
    ...(after ? [{ kind: "added" as const, text: after }] : []),
  ];
}

interface Candidate extends ComparedItem {
  /** Items match by text only within the same group (a mapping's framework). */
  group: string;
}

function take<T>(queues: Map<string, T[]>, id: string): T | undefined {
  const queue = queues.get(id);
  return queue && queue.length > 0 ? queue.shift() : undefined;
}

function queuesBy<T>(items: T[], id: (item: T) => string): Map<string, T[]> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const k = id(item);
    const queue = queues.get(k);
    if (queue) queue.push(item);
    else queues.set(k, [item]);
  }
  return queues;
}

function strip(item: Candidate): ComparedItem {
  return { key: item.key, text: item.text, detail: item.detail, context: item.context };
}

/**
 * Pairs the items of one section: the same key is the same item (perhaps reworded); items left
 * over pair up when their normalised text is identical (in order, so repeated items pair one to
 * one); the rest were added or removed.
 */
function compareItems(
  before: Candidate[],
  after: Candidate[],
): Pick<SectionComparison, "added" | "removed" | "changed" | "unchanged"> {
  const pairedWith = new Map<Candidate, Candidate>();
  const afterByKey = queuesBy(after, (item) => item.key);
  const leftBefore: Candidate[] = [];
  for (const item of before) {
    const match = take(afterByKey, item.key);
    if (match) pairedWith.set(match, item);
    else leftBefore.push(item);
  }
  const textId = (item: Candidate) => `${item.group}\u0000${normaliseText(item.text)}`;
  const afterByText = queuesBy(
    after.filter((item) => !pairedWith.has(item)),
    textId,
  );
  const removed: ComparedItem[] = [];
  for (const item of leftBefore) {
    const match = take(afterByText, textId(item));
    if (match) pairedWith.set(match, item);
    else removed.push(strip(item));
  }

  const added: ComparedItem[] = [];
  const changed: ItemChange[] = [];
  const unchanged: ComparedItem[] = [];
  for (const item of after) {
    const old = pairedWith.get(item);
    if (!old) {
      added.push(strip(item));
      continue;
    }
    const sameText = normaliseText(old.text) === normaliseText(item.text);
    const sameDetail = normaliseText(old.detail) === normaliseText(item.detail);
    if (sameText && sameDetail) {
      unchanged.push(strip(item));
    } else {
      changed.push({
        before: strip(old),
        after: strip(item),
        textDiff: sameText ? [{ kind: "same", text: item.text }] : readableDiff(old.text, item.text),
        detailDiff: sameDetail ? null : readableDiff(old.detail, item.detail),
      });
    }
  }
  return { added, removed, changed, unchanged };
}

const FIELD_LABELS: Record<FieldName, string> = {
  introduction: "Introduction",
  stateOfPlayTitle: "Heading of the state of play",
  stateOfPlay: "State of play",
  ambitionSummary: "Summary of where Scotland needs to be",
  routeMapIntro: "Introduction to the route map",
};

function compareField(field: FieldName, from: Edition, to: Edition): FieldComparison {
  const before = from[field];
  const after = to[field];
  const status =
    normaliseText(before) === normaliseText(after)
      ? "unchanged"
      : before.trim() === ""
        ? "added"
        : after.trim() === ""
          ? "removed"
          : "changed";
  return {
    field,
    label: FIELD_LABELS[field],
    before,
    after,
    status,
    diff: status === "unchanged" ? [{ kind: "same", text: after }] : readableDiff(before, after),
  };
}

const plain = (item: { key: string; text: string }): Candidate => ({
  key: item.key,
  text: item.text,
  detail: "",
  context: "",
  group: "",
});

function outcomes(edition: Edition): Candidate[] {
  return edition.outcomes.map((o) => ({ ...plain(o), detail: o.pageRefs }));
}

function actions(edition: Edition): Candidate[] {
  return edition.actions.flatMap((a) => [
    plain(a),
    ...a.children.map((c) => ({ ...plain(c), context: a.text })),
  ]);
}

function milestones(edition: Edition): Candidate[] {
  return edition.milestones.flatMap((y) => y.items.map((m) => ({ ...plain(m), detail: String(y.year) })));
}

function sectors(edition: Edition): Candidate[] {
  return edition.sectors.map((s) => plain({ key: s.key, text: s.name }));
}

function mappings(edition: Edition): Candidate[] {
  return edition.mappings.flatMap((g) =>
    g.items.map((m) => ({ ...plain(m), detail: g.label, group: g.framework })),
  );
}

interface SectionSpec {
  id: SectionId;
  title: string;
  fields: FieldName[];
  items: ((edition: Edition) => Candidate[]) | null;
}

const SECTIONS: SectionSpec[] = [
  { id: "introduction", title: "Introduction", fields: ["introduction"], items: null },
  {
    id: "state-of-play",
    title: "Where Scotland is now",
    fields: ["stateOfPlayTitle", "stateOfPlay"],
    items: null,
  },
  {
    id: "by-2030",
    title: "Where does Scotland need to be by 2030?",
    fields: ["ambitionSummary"],
    items: outcomes,
  },
  { id: "route-map", title: "The route map to get there", fields: ["routeMapIntro"], items: actions },
  { id: "milestones", title: "Milestones", fields: [], items: milestones },
  { id: "who", title: "Who needs to work on this", fields: [], items: sectors },
  { id: "helping", title: "What is helping?", fields: [], items: (e) => e.helping.map(plain) },
  {
    id: "what-matters",
    title: "What matters to children, families and care experienced adults",
    fields: [],
    items: (e) => e.whatMatters.map(plain),
  },
  { id: "mapping", title: "Mapping to other frameworks", fields: [], items: mappings },
];

function summary(edition: Edition): EditionSummary {
  return {
    id: edition.id,
    status: edition.status,
    layout: edition.layout,
    label: edition.label,
    lastUpdated: edition.lastUpdated,
    version: edition.version,
  };
}

/**
 * What changed from one edition of a route map to another, section by section: items added,
 * removed and changed (with word diffs), and the section texts that changed.
 */
export function compareEditions(from: Edition, to: Edition): EditionComparison {
  const sections: SectionComparison[] = SECTIONS.map((spec) => {
    const items = spec.items
      ? compareItems(spec.items(from), spec.items(to))
      : { added: [], removed: [], changed: [], unchanged: [] };
    return {
      id: spec.id,
      title: spec.title,
      fields: spec.fields.map((field) => compareField(field, from, to)),
      hasItems: spec.items !== null,
      ...items,
    };
  });
  const fieldChanges = sections.flatMap((s) => s.fields).filter((f) => f.status !== "unchanged");
  const totals = {
    added: sections.reduce((n, s) => n + s.added.length, 0),
    removed: sections.reduce((n, s) => n + s.removed.length, 0),
    changed: sections.reduce((n, s) => n + s.changed.length, 0),
  };
  const layoutChange = from.layout === to.layout ? null : { from: from.layout, to: to.layout };
  return {
    from: summary(from),
    to: summary(to),
    layoutChange,
    sections,
    totals,
    hasChanges:
      totals.added + totals.removed + totals.changed + fieldChanges.length > 0 || layoutChange !== null,
  };
}
