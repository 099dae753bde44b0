import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { PARAGRAPH_TEXT, SHORT_TEXT } from "../../platform/validation.ts";
import {
  type Edition,
  type EditionLayout,
  type EditionStatus,
  FRAMEWORKS,
  type Framework,
  MILESTONE_YEARS,
} from "./route-map.types.ts";

// An edition document is one edition of a route map as plain JSON: every section, no database
// ids. `waymark export` writes one, the demo data is written as two, and creating an edition
// from a document (edition-document.service.ts) is the one way they get back in. Export →
// create → export gives the same document, so a document is a faithful copy of an edition.
// This file holds the format: writing a document from an edition, and checking one.

/** Names the shape, so a later change to it can still read documents written today. */
export const EDITION_DOCUMENT_FORMAT = "waymark.edition/1";

export interface EditionDocument {
  format: typeof EDITION_DOCUMENT_FORMAT;
  /** The route map's theme slug, e.g. "leadership". */
  theme: string;
  layout: EditionLayout;
  label: string;
  /** "YYYY-MM-DD"; required when published. */
  lastUpdated: string | null;
  status: EditionStatus;
  introduction: string;
  stateOfPlayTitle: string;
  stateOfPlay: string;
  ambitionSummary: string;
  routeMapIntro: string;
  /** Outcomes, or 2030 ambitions with the promise-report pages they come from. */
  outcomes: Array<{ text: string; pageRefs: string }>;
  /** Ordered actions, each with its sub-items in order. */
  actions: Array<{ text: string; children: Array<{ text: string }> }>;
  /** Milestones in year order; a year with none is simply absent. */
  milestones: Array<{ year: number; text: string }>;
  /** Sector names, as listed on the sector pages. */
  sectors: string[];
  helping: string[];
  whatMatters: string[];
  mappings: Record<Framework, string[]>;
}

// Texts keep to the editing forms' limits (SHORT_TEXT, PARAGRAPH_TEXT), so any edition can be
// exported and created again.

/** More items than any real route map has; keeps a mistaken or hostile document small. */
const MAX_ITEMS = 500;

/** One edition, as a document. */
export function toEditionDocument(edition: Edition): EditionDocument {
  const mappings = {} as Record<Framework, string[]>;
  for (const { code } of FRAMEWORKS) {
    mappings[code] = (edition.mappings.find((m) => m.framework === code)?.items ?? []).map((i) => i.text);
  }
  return {
    format: EDITION_DOCUMENT_FORMAT,
    theme: edition.theme.slug,
    layout: edition.layout,
    label: edition.label,
    lastUpdated: edition.lastUpdated,
    status: edition.status,
    introduction: edition.introduction,
    stateOfPlayTitle: edition.stateOfPlayTitle,
    stateOfPlay: edition.stateOfPlay,
    ambitionSummary: edition.ambitionSummary,
    routeMapIntro: edition.routeMapIntro,
    outcomes: edition.outcomes.map((o) => ({ text: o.text, pageRefs: o.pageRefs })),
    actions: edition.actions.map((a) => ({
      text: a.text,
      children: a.children.map((c) => ({ text: c.text })),
    })),
    milestones: edition.milestones.flatMap((m) => m.items.map((i) => ({ year: m.year, text: i.text }))),
    sectors: edition.sectors.map((s) => s.name),
    helping: edition.helping.map((h) => h.text),
    whatMatters: edition.whatMatters.map((w) => w.text),
    mappings,
  };
}

const TOP_LEVEL_KEYS = [
  "format",
  "theme",
  "layout",
  "label",
  "lastUpdated",
  "status",
  "introduction",
  "stateOfPlayTitle",
  "stateOfPlay",
  "ambitionSummary",
  "routeMapIntro",
  "outcomes",
  "actions",
  "milestones",
  "sectors",
  "helping",
  "whatMatters",
  "mappings",
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Collects one message per field, named by its path in the document ("actions[2].text"). */
class Checker {
  readonly fields: FieldErrors = {};

  fail(path: string, message: string): void {
    this.fields[path] ??= message;
  }

  text(value: unknown, path: string, options: { required: boolean; max: number }): string {
    if (typeof value !== "string") {
      this.fail(path, "must be text");
      return "";
    }
    if (value.includes("\u0000")) this.fail(path, "must not contain a null character");
    else if (options.required && value.trim() === "") this.fail(path, "must not be empty");
    else if (value.length > options.max) this.fail(path, `must be ${options.max} characters or fewer`);
    return value;
  }

  list<T>(value: unknown, path: string, each: (item: unknown, path: string) => T): T[] {
    if (!Array.isArray(value)) {
      this.fail(path, "must be a list");
      return [];
    }
    if (value.length > MAX_ITEMS) {
      this.fail(path, `must have ${MAX_ITEMS} items or fewer`);
      return [];
    }
    return value.map((item, i) => each(item, `${path}[${i}]`));
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (isObject(value)) return value;
    this.fail(path, "must be an object");
    return {};
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
    return allowed[0]!;
  }
}

/**
 * Checks anything (parsed JSON from a file, say) and returns it as an edition document, or throws
 * a ValidationError naming every field that is wrong. Unknown fields are refused rather than
 * dropped, so a misspelt section never silently loses its content.
 */
export function parseEditionDocument(value: unknown): EditionDocument {
  const c = new Checker();
  if (!isObject(value)) {
    throw new ValidationError(
      { document: "must be a JSON object" },
      "This is not an edition document: it should be a JSON object like the ones `waymark export` writes.",
    );
  }
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) c.fail(key, "is not part of an edition document");
  }
  if (value.format !== EDITION_DOCUMENT_FORMAT) c.fail("format", `must be "${EDITION_DOCUMENT_FORMAT}"`);
  const short = (v: unknown, path: string) => c.text(v, path, { required: true, max: SHORT_TEXT });
  const paragraph = (v: unknown, path: string) => c.text(v, path, { required: false, max: PARAGRAPH_TEXT });
  const item = (v: unknown, path: string) => c.text(v, path, { required: true, max: PARAGRAPH_TEXT });

  let lastUpdated: string | null = null;
  if (value.lastUpdated !== null && value.lastUpdated !== undefined) {
    if (typeof value.lastUpdated === "string" && isDate(value.lastUpdated)) lastUpdated = value.lastUpdated;
    else c.fail("lastUpdated", "must be a date written YYYY-MM-DD, or null");
  }
  const status = c.oneOf(value.status, "status", ["draft", "published"] as const);
  if (status === "published" && lastUpdated === null && !c.fields.lastUpdated) {
    c.fail("lastUpdated", "must be set for a published edition");
  }

  const mappingsIn = c.object(value.mappings, "mappings");
  for (const key of Object.keys(mappingsIn)) {
    if (!FRAMEWORKS.some((f) => f.code === key))
      c.fail(`mappings.${key}`, "is not a framework Waymark maps to");
  }
  const mappings = {} as Record<Framework, string[]>;
  for (const { code } of FRAMEWORKS) {
    mappings[code] = c.list(mappingsIn[code] ?? [], `mappings.${code}`, item);
  }

  const sectors = c.list(value.sectors, "sectors", (v, path) =>
    c.text(v, path, { required: true, max: SHORT_TEXT }),
  );
  const seen = new Set<string>();
  sectors.forEach((name, i) => {
    const folded = name.trim().toLowerCase();
    if (seen.has(folded)) c.fail(`sectors[${i}]`, `names "${name}" twice`);
    seen.add(folded);
  });

  const doc: EditionDocument = {
    format: EDITION_DOCUMENT_FORMAT,
    theme: short(value.theme, "theme"),
    layout: c.oneOf(value.layout, "layout", ["ambitions", "outcomes"] as const),
    label: short(value.label, "label"),
    lastUpdated,
    status,
    introduction: paragraph(value.introduction, "introduction"),
    stateOfPlayTitle: short(value.stateOfPlayTitle, "stateOfPlayTitle"),
    stateOfPlay: paragraph(value.stateOfPlay, "stateOfPlay"),
    ambitionSummary: paragraph(value.ambitionSummary, "ambitionSummary"),
    routeMapIntro: paragraph(value.routeMapIntro, "routeMapIntro"),
    outcomes: c.list(value.outcomes, "outcomes", (v, path) => {
      const o = c.object(v, path);
      return {
        text: item(o.text, `${path}.text`),
        pageRefs: c.text(o.pageRefs ?? "", `${path}.pageRefs`, { required: false, max: SHORT_TEXT }),
      };
    }),
    actions: c.list(value.actions, "actions", (v, path) => {
      const a = c.object(v, path);
      return {
        text: item(a.text, `${path}.text`),
        children: c.list(a.children ?? [], `${path}.children`, (cv, cpath) => ({
          text: item(c.object(cv, cpath).text, `${cpath}.text`),
        })),
      };
    }),
    milestones: c.list(value.milestones, "milestones", (v, path) => {
      const m = c.object(v, path);
      const year = m.year;
      if (typeof year !== "number" || !(MILESTONE_YEARS as readonly number[]).includes(year)) {
        c.fail(`${path}.year`, `must be a year from ${MILESTONE_YEARS[0]} to ${MILESTONE_YEARS.at(-1)}`);
      }
      return { year: typeof year === "number" ? year : 0, text: item(m.text, `${path}.text`) };
    }),
    sectors,
    helping: c.list(value.helping, "helping", item),
    whatMatters: c.list(value.whatMatters, "whatMatters", item),
    mappings,
  };
  if (Object.keys(c.fields).length > 0) {
    throw new ValidationError(
      c.fields,
      "This edition document is not valid. Each field named below needs correcting.",
    );
  }
  return doc;
}
