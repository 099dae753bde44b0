import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as repo from "./edition-editing.repository.ts";
import * as readRepo from "./route-map.repository.ts";
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
// from a document is the one way they get back in. Export → create → export gives the same
// document, so a document is a faithful copy of an edition.

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

/** The same limits as the editing forms (edition-editing.service.ts), so any edition can be re-imported. */
const SHORT_TEXT = 200;
const PARAGRAPH_TEXT = 10_000;
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

export interface CreatedEdition {
  id: number;
  theme: string;
  label: string;
  status: EditionStatus;
}

/**
 * Creates a new edition of a route map from a document, and records who did it and where the
 * document came from (`source`, e.g. "demo data" or a file name). Sectors are matched by name.
 * Checks everything before writing anything; runs in the caller's transaction, or opens one, so
 * a refused document leaves nothing behind.
 */
export async function createEditionFromDocument(
  db: Db,
  actor: Actor,
  input: EditionDocument,
  options: { source: string },
): Promise<CreatedEdition> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => createEditionFromDocument(trx, actor, input, options));
  }
  const trx = db;
  authorize(actor, "route_map.edit");
  const doc = parseEditionDocument(input);

  const theme = await readRepo.findThemeBySlug(trx, doc.theme);
  if (!theme) throw new ValidationError({ theme: `There is no route map called "${doc.theme}".` });

  const known = new Map((await readRepo.listSectors(trx)).map((s) => [s.name.trim().toLowerCase(), s]));
  const sectorIds: number[] = [];
  const unknown: FieldErrors = {};
  doc.sectors.forEach((name, i) => {
    const sector = known.get(name.trim().toLowerCase());
    if (sector) sectorIds.push(sector.id);
    else unknown[`sectors[${i}]`] = `There is no sector called "${name}".`;
  });
  if (Object.keys(unknown).length > 0) {
    const names = [...known.values()].map((s) => s.name).join(", ");
    throw new ValidationError(unknown, `Every sector must be one Waymark knows: ${names}.`);
  }

  await repo.lockTheme(trx, theme.id);
  if (doc.status === "draft" && (await repo.findDraft(trx, theme.id))) {
    throw new ConflictError(
      `The ${theme.name} route map already has a draft edition. Publish or discard it before adding another.`,
    );
  }

  const edition = await repo.insertEdition(trx, {
    theme_id: theme.id,
    status: doc.status,
    layout: doc.layout,
    label: doc.label,
    last_updated: doc.lastUpdated,
    introduction: doc.introduction,
    state_of_play_title: doc.stateOfPlayTitle,
    state_of_play: doc.stateOfPlay,
    ambition_summary: doc.ambitionSummary,
    route_map_intro: doc.routeMapIntro,
    copied_from_id: null,
    published_at: doc.status === "published" ? new Date() : null,
    source: options.source,
  });

  const base = {
    edition_id: edition.id,
    parent_id: null,
    page_refs: "",
    year: null,
    framework: null,
    sector_id: null,
  };
  const items: repo.NewItem[] = [
    ...doc.outcomes.map((o, position) => ({
      ...base,
      section: "outcome" as const,
      position,
      text: o.text,
      page_refs: o.pageRefs,
    })),
    // Milestones and mappings are ordered within their year or framework, as the editing forms order them.
    ...doc.milestones.map((m, i) => ({
      ...base,
      section: "milestone" as const,
      position: doc.milestones.slice(0, i).filter((earlier) => earlier.year === m.year).length,
      text: m.text,
      year: m.year,
    })),
    ...sectorIds.map((sectorId, position) => ({
      ...base,
      section: "sector" as const,
      position,
      text: "",
      sector_id: sectorId,
    })),
    ...doc.helping.map((text, position) => ({ ...base, section: "helping" as const, position, text })),
    ...doc.whatMatters.map((text, position) => ({
      ...base,
      section: "what_matters" as const,
      position,
      text,
    })),
    ...FRAMEWORKS.flatMap(({ code }) =>
      doc.mappings[code].map((text, position) => ({
        ...base,
        section: "mapping" as const,
        position,
        text,
        framework: code,
      })),
    ),
  ];
  await repo.insertItems(trx, items);

  const parents = await repo.insertItems(
    trx,
    doc.actions.map((a, position) => ({ ...base, section: "action" as const, position, text: a.text })),
  );
  const parentAt = new Map(parents.map((p) => [p.position, p.id]));
  await repo.insertItems(
    trx,
    doc.actions.flatMap((a, parentPosition) =>
      a.children.map((child, position) => ({
        ...base,
        section: "action" as const,
        parent_id: parentAt.get(parentPosition)!,
        position,
        text: child.text,
      })),
    ),
  );

  await recordAudit(trx, actor, {
    action: "route_map_edition.create_from_document",
    entityType: "route_map_edition",
    entityId: edition.id,
    after: { source: options.source, document: doc },
  });
  return { id: edition.id, theme: theme.slug, label: edition.label, status: edition.status };
}
