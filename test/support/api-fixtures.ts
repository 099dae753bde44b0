import type { Framework, Section } from "../../src/db/schema.ts";
import type { Db } from "../../src/platform/database.ts";

// Test data for the API tests: small factories that build their own parents, so no test depends
// on the demo data. Words are taken from the Leadership route map seeds.

export async function insertProgramme(db: Db) {
  const programme = await db
    .insertInto("programme")
    .values({
      slug: "the-promise",
      name: "The promise",
      summary: "Keep the promise by 2030.",
      start_year: 2020,
      end_year: 2030,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return programme.id;
}

export async function insertFoundation(
  db: Db,
  programmeId: number,
  slug: string,
  name: string,
  position: number,
) {
  const row = await db
    .insertInto("foundation")
    .values({ programme_id: programmeId, slug, name, summary: `${name} foundation.`, position })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTheme(
  db: Db,
  foundationId: number,
  slug: string,
  name: string,
  position: number,
) {
  const row = await db
    .insertInto("theme")
    .values({ foundation_id: foundationId, slug, name, summary: `The ${name} route map.`, position })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSector(db: Db, slug: string, name: string, position: number) {
  const row = await db
    .insertInto("sector")
    .values({ slug, name, position })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEdition(
  db: Db,
  themeId: number,
  values: {
    label: string;
    layout: "ambitions" | "outcomes";
    lastUpdated: string | null;
    stateOfPlayTitle: string;
    copiedFromId?: number;
  },
) {
  const published = values.lastUpdated !== null;
  const row = await db
    .insertInto("route_map_edition")
    .values({
      theme_id: themeId,
      status: published ? "published" : "draft",
      layout: values.layout,
      label: values.label,
      last_updated: values.lastUpdated,
      state_of_play_title: values.stateOfPlayTitle,
      state_of_play: "There is growing recognition of leadership’s role in shaping culture.",
      introduction: "This route map was last updated with information that is known about work underway.",
      ambition_summary: "All of the promise's calls to action have been grouped into outcomes.",
      route_map_intro: "Actions, in order.",
      copied_from_id: values.copiedFromId ?? null,
      published_at: published ? new Date() : null,
      updated_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertItem(
  db: Db,
  editionId: number,
  section: Section,
  position: number,
  text: string,
  extra: {
    parentId?: number;
    pageRefs?: string;
    year?: number;
    framework?: Framework;
    sectorId?: number;
  } = {},
) {
  const row = await db
    .insertInto("edition_item")
    .values({
      edition_id: editionId,
      section,
      position,
      text,
      parent_id: extra.parentId ?? null,
      page_refs: extra.pageRefs ?? "",
      year: extra.year ?? null,
      framework: extra.framework ?? null,
      sector_id: extra.sectorId ?? null,
    })
    .returning(["id", "key"])
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * A programme with two foundations: Scaffolding holds Leadership (June 2024 and December 2025
 * editions published, and a draft), Voice holds Listening (never published). Sectors: Local
 * Authorities and Scottish Government are named on Leadership; Health Boards on nothing.
 */
export async function insertRouteMaps(db: Db) {
  const programmeId = await insertProgramme(db);
  const scaffolding = await insertFoundation(db, programmeId, "scaffolding", "Scaffolding", 2);
  const voice = await insertFoundation(db, programmeId, "voice", "Voice", 1);
  const leadership = await insertTheme(db, scaffolding, "leadership", "Leadership", 1);
  await insertTheme(db, voice, "listening", "Listening", 1);
  const localAuthorities = await insertSector(db, "local-authorities", "Local Authorities", 1);
  const scottishGovernment = await insertSector(db, "scottish-government", "Scottish Government", 2);
  await insertSector(db, "health-boards", "Health Boards", 3);

  const june2024 = await insertEdition(db, leadership, {
    label: "June 2024",
    layout: "ambitions",
    lastUpdated: "2024-06-01",
    stateOfPlayTitle: "Scotland in 2024",
  });
  await insertItem(db, june2024, "outcome", 1, "Leaders model the values of the promise.", {
    pageRefs: "Pg 36; Pg 23",
  });
  await insertItem(db, june2024, "action", 1, "Develop leadership learning.");
  await insertItem(db, june2024, "sector", 1, "", { sectorId: scottishGovernment });

  const december2025 = await insertEdition(db, leadership, {
    label: "December 2025",
    layout: "outcomes",
    lastUpdated: "2025-12-01",
    stateOfPlayTitle: "Where is Scotland now?",
    copiedFromId: june2024,
  });
  await insertItem(
    db,
    december2025,
    "outcome",
    1,
    "Leadership across Scotland’s 'care system' is values-based, relational and collective.",
  );
  const parent = await insertItem(
    db,
    december2025,
    "action",
    1,
    "The Promise Scotland to support local authorities to develop clear delivery plans.",
  );
  await insertItem(db, december2025, "action", 1, "Via Promise Leads or Delivery Partners.", {
    parentId: parent.id,
  });
  await insertItem(db, december2025, "action", 2, "The Independent Strategic Advisor to visit local areas.");
  await insertItem(db, december2025, "milestone", 1, "Leadership forums meet in every area.", { year: 2026 });
  await insertItem(db, december2025, "sector", 1, "", { sectorId: localAuthorities });
  await insertItem(db, december2025, "sector", 2, "", { sectorId: scottishGovernment });
  await insertItem(
    db,
    december2025,
    "helping",
    1,
    "Public Service Reform Strategy - 'Delivering for Scotland'.",
  );
  await insertItem(db, december2025, "what_matters", 1, "Leaders who listen and stay.");
  await insertItem(db, december2025, "mapping", 1, "Pg 36", { framework: "promise_report" });
  await insertItem(db, december2025, "mapping", 1, "Article 12", { framework: "uncrc" });

  const draft = await insertEdition(db, leadership, {
    label: "Spring 2026",
    layout: "outcomes",
    lastUpdated: null,
    stateOfPlayTitle: "Where is Scotland now?",
    copiedFromId: december2025,
  });
  await insertItem(db, draft, "action", 1, "A draft action nobody outside may see yet.");
  await insertItem(db, draft, "sector", 1, "", { sectorId: localAuthorities });

  return { leadership, june2024, december2025, draft, localAuthorities };
}
