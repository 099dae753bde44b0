import { saveResponsibility } from "../../src/features/accountability/responsibility.service.ts";
import type { Actor } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import { makeUser } from "./editing-fixtures.ts";
import { createEdition, createFoundation, createSector, createTheme, unique } from "./factories.ts";

// A route map of its own with three actions, two organisations (the second in a sector of its
// own) and who must act: action 1 led by the first organisation with the second as partner,
// action 2 led by the second's sector (so the second owes it through its sector), action 3 with
// nobody named. Built through the responsibility service, as an editor would.

export interface AccountabilityFixture {
  editor: Actor;
  themeId: number;
  themeSlug: string;
  foundationSlug: string;
  editionId: number;
  outcomeKey: string;
  actionKeys: [string, string, string];
  first: { id: number; slug: string; name: string };
  second: { id: number; slug: string; name: string };
  sector: { id: number; slug: string; name: string };
}

async function organisation(db: Db, name: string, sectorId?: number) {
  const slug = unique(name.toLowerCase().replaceAll(" ", "-"));
  const { id } = await db
    .insertInto("organisation")
    .values({ slug, name: `${name} ${slug.slice(-8)}`, type: "third_sector" })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (sectorId !== undefined)
    await db.insertInto("organisation_sector").values({ organisation_id: id, sector_id: sectorId }).execute();
  return { id, slug, name: `${name} ${slug.slice(-8)}` };
}

export async function makeAccountability(db: Db): Promise<AccountabilityFixture> {
  const editor = await makeUser(db, "programme_editor");
  const foundation = await createFoundation(db, { slug: unique("people"), name: "People" });
  const themeSlug = unique("leadership");
  const theme = await createTheme(db, { foundationId: foundation.id, slug: themeSlug, name: "Leadership" });
  const sectorSlug = unique("third-sector");
  const sector = await createSector(db, { slug: sectorSlug, name: `Third Sector ${sectorSlug.slice(-8)}` });
  const edition = await createEdition(db, {
    themeId: theme.id,
    outcomes: ["Leadership across Scotland's care system is values-based, relational and collective."],
    actions: [
      "The Promise Scotland will work alongside SOLACE, COSLA and local partners to explore the promise keeper model.",
      "Explore opportunities to work alongside forums of people with lived experience of care.",
      "Scottish Government to convene dialogue with all key partners.",
    ],
  });
  const items = await db
    .selectFrom("edition_item")
    .select(["key", "section"])
    .where("edition_id", "=", edition.id)
    .orderBy("position")
    .execute();
  const actionKeys = items.filter((i) => i.section === "action").map((i) => i.key) as [
    string,
    string,
    string,
  ];
  const first = await organisation(db, "Promise Partners");
  const second = await organisation(db, "Care Voices", sector.id);
  await db.transaction().execute((trx) =>
    saveResponsibility(trx, editor, {
      themeSlug,
      key: actionKeys[0],
      version: 0,
      leadOrganisations: String(first.id),
      partnerOrganisations: String(second.id),
      dueYear: "2025",
    }),
  );
  await db.transaction().execute((trx) =>
    saveResponsibility(trx, editor, {
      themeSlug,
      key: actionKeys[1],
      version: 0,
      leadSectors: String(sector.id),
      dueDay: "31",
      dueMonth: "3",
      dueDateYear: "2028",
    }),
  );
  return {
    editor,
    themeId: theme.id,
    themeSlug,
    foundationSlug: foundation.slug,
    editionId: edition.id,
    outcomeKey: items.find((i) => i.section === "outcome")!.key,
    actionKeys,
    first,
    second,
    sector,
  };
}

/** The action's own current version (due date, weight, outcome), as its responsibility form would carry it. */
export async function actionVersion(db: Db, themeId: number, key: string): Promise<number> {
  const row = await db
    .selectFrom("action_tracking")
    .select("version")
    .where("theme_id", "=", themeId)
    .where("action_key", "=", key)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/**
 * The version of one organisation's update of an action, as its progress form would carry it: only
 * that organisation's progress changes move it.
 */
export async function progressVersion(
  db: Db,
  themeId: number,
  key: string,
  organisationId: number,
): Promise<number> {
  const row = await db
    .selectFrom("progress_version")
    .select("version")
    .where("theme_id", "=", themeId)
    .where("action_key", "=", key)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** A filled-in update for an action, with any changes. */
export function updateForm(
  f: AccountabilityFixture,
  organisationSlug: string,
  key: string,
  version: number,
  changes: Record<string, string | undefined> = {},
) {
  return {
    organisationSlug,
    themeSlug: f.themeSlug,
    key,
    version,
    intent: "draft",
    status: "on_track",
    percent: "",
    narrative: "We met SOLACE and COSLA and agreed a plan to test the promise keeper model in two councils.",
    confidence: "self_assessed",
    ...changes,
  };
}
