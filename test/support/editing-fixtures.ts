import { insertGrants } from "../../src/features/accounts/user.repository.ts";
import type { DetailsInput } from "../../src/features/route-maps/edition-drafts.service.ts";
import type { Actor, Grant, Role } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import type { DomainError } from "../../src/platform/errors.ts";
import { createEdition, createFoundation, createSector, createTheme, unique } from "./factories.ts";
import { grantsOf } from "./http.ts";

// Factories for the editing tests. Each call builds its own route map (with its own foundation,
// theme and sectors, named uniquely, through factories.ts), so tests never depend on the demo
// data or on each other. Words come from the Leadership route map seeds.

/** A signed-in user with an account row (the audit trail links to it). */
export async function makeUser(db: Db, who: Role | readonly Grant[]): Promise<Actor> {
  const grants = grantsOf(who);
  const label = grants.map((g) => g.role).join("-") || "no-role";
  const email = `${unique(label)}@example.test`;
  const row = await db
    .insertInto("app_user")
    .values({ email, name: `Test ${label}`, password_hash: "not a real hash: cannot sign in" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertGrants(db, row.id, grants);
  return { kind: "user", id: row.id, name: `Test ${label}`, email, grants };
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
  const foundation = await createFoundation(db, { slug: unique("people"), name: "People" });
  const themeSlug = unique("leadership");
  const theme = await createTheme(db, {
    foundationId: foundation.id,
    slug: themeSlug,
    name: `Leadership ${themeSlug.slice(-4)}`,
  });
  const sectors = [];
  for (const [position, name] of ["Scottish Government", "Local Authorities", "Health Boards"].entries()) {
    const slug = unique(name.toLowerCase().replaceAll(" ", "-"));
    const sector = await createSector(db, { slug, name: `${name} ${slug.slice(-8)}`, position });
    sectors.push({ id: sector.id, name: sector.name });
  }
  const fixture = { themeId: theme.id, themeSlug, themeName: theme.name, publishedId: null, sectors };
  if (options.published === false) return fixture;

  const edition = await createEdition(db, {
    themeId: theme.id,
    status: "published",
    layout: "ambitions",
    label: "June 2024",
    lastUpdated: "2024-06-12",
    publishedAt: new Date("2024-06-12T09:00:00Z"),
    stateOfPlayTitle: "Scotland in 2024",
    stateOfPlay: "Despite challenges, there has been strong commitment to #KeepThePromise.",
    ambitionSummary: "By 2030, there will be strong leadership across all of Scotland's workforce.",
    routeMapIntro: "Focus must be on the crisis on the workforce.",
    outcomes: [
      { text: "Values-based leadership will exist at all levels.", pageRefs: "Pg 99" },
      { text: "Strong leadership will be evident across the entire care system.", pageRefs: "Pg 17" },
    ],
    actions: [
      {
        text: "The Promise Scotland to convene candid dialogues between key systems leaders.",
        children: [
          "Why is collaborative, relational practice fragile?",
          "What are the barriers to systems actors ceding power?",
        ],
      },
      "The revised Common Core will be agreed with the National Leadership Group.",
    ],
    milestones: [{ year: 2026, text: "Promise keeper model explored." }],
    sectorIds: [sectors[0]!.id],
    helping: ["The Children and Families National Leadership Group."],
    whatMatters: ["People who support me are all working together."],
    mappings: [{ framework: "uncrc", text: "Articles 3; 4; 19" }],
  });
  return { ...fixture, publishedId: edition.id };
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
