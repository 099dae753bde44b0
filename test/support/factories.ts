import crypto from "node:crypto";
import type { EditionLayout, EditionStatus, Framework, Section } from "../../src/db/schema.ts";
import type { Db } from "../../src/platform/database.ts";

// Small factories for tests: each builds its own parents when not given them, so a test never
// depends on the demo data. Rows go in through Kysely, as the app's own repositories would write
// them. editing-fixtures.ts builds a whole route map from these.

export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`;
}

/** A slug (unique unless given) and a name (from the slug unless given). */
function naming(values: { slug?: string; name?: string }, kind: string): { slug: string; name: string } {
  const slug = values.slug ?? unique(kind.toLowerCase());
  return { slug, name: values.name ?? `${kind} ${slug}` };
}

/** The programme (there is one per installation): reused when it exists. */
async function theProgramme(db: Db): Promise<{ id: number }> {
  const existing = await db.selectFrom("programme").select("id").orderBy("id").executeTakeFirst();
  if (existing) return existing;
  return db
    .insertInto("programme")
    .values({
      slug: "the-promise",
      name: "The promise",
      summary: "Scotland's promise to care-experienced children, to be kept by 2030.",
      start_year: 2020,
      end_year: 2030,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function createFoundation(
  db: Db,
  values: { slug?: string; name?: string; summary?: string; position?: number } = {},
): Promise<{ id: number; slug: string; name: string }> {
  const programme = await theProgramme(db);
  const { slug, name } = naming(values, "Foundation");
  const { id } = await db
    .insertInto("foundation")
    .values({
      programme_id: programme.id,
      slug,
      name,
      summary: values.summary ?? "",
      position: values.position ?? 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, slug, name };
}

export async function createTheme(
  db: Db,
  values: { foundationId?: number; slug?: string; name?: string; summary?: string; position?: number } = {},
): Promise<{ id: number; slug: string; name: string }> {
  const foundationId = values.foundationId ?? (await createFoundation(db)).id;
  const { slug, name } = naming(values, "Theme");
  const { id } = await db
    .insertInto("theme")
    .values({
      foundation_id: foundationId,
      slug,
      name,
      summary: values.summary ?? "",
      position: values.position ?? 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, slug, name };
}

export async function createSector(
  db: Db,
  values: { slug?: string; name?: string; position?: number } = {},
): Promise<{ id: number; slug: string; name: string }> {
  const { slug, name } = naming(values, "Sector");
  const { id } = await db
    .insertInto("sector")
    .values({ slug, name, position: values.position ?? 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, slug, name };
}

/** A text item, or just its text. `key` (a UUID) makes the same item appear in two editions. */
export type ItemSpec = string | { text: string; key?: string };

export interface EditionSpec {
  themeId?: number;
  status?: EditionStatus;
  layout?: EditionLayout;
  label?: string;
  /** "YYYY-MM-DD"; defaults to 2025-12-01 for a published edition, none for a draft. */
  lastUpdated?: string | null;
  /** When it was published; defaults to now for a published edition. */
  publishedAt?: Date;
  introduction?: string;
  stateOfPlayTitle?: string;
  stateOfPlay?: string;
  ambitionSummary?: string;
  routeMapIntro?: string;
  outcomes?: Array<string | { text: string; pageRefs?: string; key?: string }>;
  actions?: Array<string | { text: string; key?: string; children?: ItemSpec[] }>;
  milestones?: Array<{ year: number; text: string; key?: string }>;
  sectorIds?: number[];
  helping?: ItemSpec[];
  whatMatters?: ItemSpec[];
  mappings?: Array<{ framework: Framework; text: string; key?: string }>;
}

interface ItemRow {
  text: string;
  key?: string | undefined;
  page_refs?: string;
  year?: number;
  framework?: Framework;
  sector_id?: number;
}

/** An item given as just its text, or in full. */
function spec(item: ItemSpec): { text: string; key?: string } {
  return typeof item === "string" ? { text: item } : item;
}

/** An edition of a route map (a theme is made when none is given) with the items asked for, in order. */
export async function createEdition(
  db: Db,
  values: EditionSpec = {},
): Promise<{ id: number; themeId: number }> {
  const themeId = values.themeId ?? (await createTheme(db)).id;
  const status = values.status ?? "published";
  const lastUpdated =
    values.lastUpdated === undefined ? (status === "published" ? "2025-12-01" : null) : values.lastUpdated;
  const layout = values.layout ?? "outcomes";
  const edition = await db
    .insertInto("route_map_edition")
    .values({
      theme_id: themeId,
      status,
      layout,
      label: values.label ?? (lastUpdated ? `Edition of ${lastUpdated}` : "Draft"),
      last_updated: lastUpdated,
      published_at: status === "published" ? (values.publishedAt ?? new Date()) : null,
      introduction: values.introduction ?? "",
      state_of_play_title:
        values.stateOfPlayTitle ?? (layout === "ambitions" ? "Scotland in 2024" : "Where is Scotland now?"),
      state_of_play: values.stateOfPlay ?? "",
      ambition_summary: values.ambitionSummary ?? "",
      route_map_intro: values.routeMapIntro ?? "",
      copied_from_id: null,
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  // Each section is its own ordered list, numbered from 0 as the editing service numbers them.
  const sections: Array<[Section, ItemRow[]]> = [
    [
      "outcome",
      (values.outcomes ?? []).map((o) => {
        const item = typeof o === "string" ? { text: o } : o;
        return { text: item.text, key: item.key, page_refs: item.pageRefs ?? "" };
      }),
    ],
    ["milestone", values.milestones ?? []],
    ["sector", (values.sectorIds ?? []).map((id) => ({ text: "", sector_id: id }))],
    ["helping", (values.helping ?? []).map(spec)],
    ["what_matters", (values.whatMatters ?? []).map(spec)],
    ["mapping", values.mappings ?? []],
  ];
  for (const [section, rows] of sections) {
    for (const [position, row] of rows.entries()) {
      await db
        .insertInto("edition_item")
        .values({ edition_id: edition.id, section, position, ...row })
        .execute();
    }
  }
  for (const [position, a] of (values.actions ?? []).entries()) {
    const action = typeof a === "string" ? { text: a } : a;
    const parent = await db
      .insertInto("edition_item")
      .values({ edition_id: edition.id, section: "action", position, text: action.text, key: action.key })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [childPosition, c] of ("children" in action ? (action.children ?? []) : []).entries()) {
      await db
        .insertInto("edition_item")
        .values({
          edition_id: edition.id,
          section: "action",
          parent_id: parent.id,
          position: childPosition,
          ...spec(c),
        })
        .execute();
    }
  }
  return { id: edition.id, themeId };
}
