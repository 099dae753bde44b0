import crypto from "node:crypto";
import type { DetailsInput } from "../../src/features/route-maps/edition-drafts.service.ts";
import type { Actor, Role } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import type { DomainError } from "../../src/platform/errors.ts";

// Factories for the editing tests. Each call builds its own route map (with its own programme,
// foundation, theme and sectors, named uniquely), so tests never depend on the demo data or on
// each other. Words come from the Leadership route map seeds.

/** A signed-in user with an account row (the audit trail links to it). */
export async function makeUser(db: Db, role: Role): Promise<Actor> {
  const email = `${unique(role)}@example.test`;
  const row = await db
    .insertInto("app_user")
    .values({ email, name: `Test ${role}`, role, password_hash: "not a real hash: cannot sign in" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { kind: "user", id: row.id, name: `Test ${role}`, email, role };
}

function unique(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`;
}

export interface RouteMapFixture {
  themeId: number;
  themeSlug: string;
  themeName: string;
  /** The published edition, when asked for one. */
  publishedId: number | null;
  sectors: Array<{ id: number; name: string }>;
}

/**
 * A route map with three sectors and, unless `published: false`, one published edition dated
 * 2024-06-12 with two outcomes, two actions (the first with two sub-items), a 2026 milestone,
 * one sector, one "what is helping", one "what matters" and one UNCRC mapping.
 */
export async function makeRouteMap(db: Db, options: { published?: boolean } = {}): Promise<RouteMapFixture> {
  const programme =
    (await db.selectFrom("programme").select("id").executeTakeFirst()) ??
    (await db
      .insertInto("programme")
      .values({ slug: "the-promise", name: "The promise", start_year: 2020, end_year: 2030 })
      .returning("id")
      .executeTakeFirstOrThrow());
  const foundation = await db
    .insertInto("foundation")
    .values({ programme_id: programme.id, slug: unique("people"), name: "People", position: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const themeSlug = unique("leadership");
  const themeName = `Leadership ${themeSlug.slice(-4)}`;
  const theme = await db
    .insertInto("theme")
    .values({ foundation_id: foundation.id, slug: themeSlug, name: themeName, position: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const sectors = [];
  for (const [position, name] of ["Scottish Government", "Local Authorities", "Health Boards"].entries()) {
    const slug = unique(name.toLowerCase().replaceAll(" ", "-"));
    const row = await db
      .insertInto("sector")
      .values({ slug, name: `${name} ${slug.slice(-8)}`, position })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    sectors.push(row);
  }
  if (options.published === false) {
    return { themeId: theme.id, themeSlug, themeName, publishedId: null, sectors };
  }

  const edition = await db
    .insertInto("route_map_edition")
    .values({
      theme_id: theme.id,
      status: "published",
      layout: "ambitions",
      label: "June 2024",
      last_updated: "2024-06-12",
      published_at: new Date("2024-06-12T09:00:00Z"),
      introduction: "",
      state_of_play_title: "Scotland in 2024",
      state_of_play: "Despite challenges, there has been strong commitment to #KeepThePromise.",
      ambition_summary: "By 2030, there will be strong leadership across all of Scotland's workforce.",
      route_map_intro: "Focus must be on the crisis on the workforce.",
      copied_from_id: null,
      source: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const item = (values: {
    section: "outcome" | "action" | "milestone" | "sector" | "helping" | "what_matters" | "mapping";
    position: number;
    text?: string;
    page_refs?: string;
    parent_id?: number;
    year?: number;
    framework?: "uncrc";
    sector_id?: number;
  }) =>
    db
      .insertInto("edition_item")
      .values({
        edition_id: edition.id,
        parent_id: null,
        year: null,
        framework: null,
        sector_id: null,
        ...values,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  await item({
    section: "outcome",
    position: 0,
    text: "Values-based leadership will exist at all levels.",
    page_refs: "Pg 99",
  });
  await item({
    section: "outcome",
    position: 1,
    text: "Strong leadership will be evident across the entire care system.",
    page_refs: "Pg 17",
  });
  const first = await item({
    section: "action",
    position: 0,
    text: "The Promise Scotland to convene candid dialogues between key systems leaders.",
  });
  await item({
    section: "action",
    position: 0,
    parent_id: first.id,
    text: "Why is collaborative, relational practice fragile?",
  });
  await item({
    section: "action",
    position: 1,
    parent_id: first.id,
    text: "What are the barriers to systems actors ceding power?",
  });
  await item({
    section: "action",
    position: 1,
    text: "The revised Common Core will be agreed with the National Leadership Group.",
  });
  await item({ section: "milestone", position: 0, year: 2026, text: "Promise keeper model explored." });
  await item({ section: "sector", position: 0, sector_id: sectors[0]!.id });
  await item({
    section: "helping",
    position: 0,
    text: "The Children and Families National Leadership Group.",
  });
  await item({
    section: "what_matters",
    position: 0,
    text: "People who support me are all working together.",
  });
  await item({ section: "mapping", position: 0, framework: "uncrc", text: "Articles 3; 4; 19" });
  return { themeId: theme.id, themeSlug, themeName, publishedId: edition.id, sectors };
}

/** The error a change was refused with; fails the test if the change went through. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected the change to be refused");
}

/** How many audit events there are: a refused change records none. */
export async function auditCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The details form of an edition, filled in with December 2025's words, with any changes. */
export function detailsForm(editionId: number, version: number, changes: Partial<DetailsInput> = {}) {
  return {
    editionId,
    version,
    label: "December 2025",
    introduction: "This route map was last updated in December 2025.",
    stateOfPlayTitle: "Where is Scotland now?",
    stateOfPlay: "Work underway aligns with the Public Service Reform Strategy.",
    ambitionSummary: "",
    routeMapIntro: "",
    layout: "outcomes",
    ...changes,
  };
}
