import { sql } from "kysely";
import type { OrganisationType } from "../../db/schema.ts";
import type { Db } from "../../platform/database.ts";
import type { Organisation } from "./organisation.types.ts";

// The register's SQL. Names are matched on the database's name_key (lower case, spacing tidied),
// computed by the same expression for the stored name and the name asked for.

const key = (name: string) =>
  sql<string>`lower(regexp_replace(btrim(translate(${name}::text, '’‘', '''''')), '\\s+', ' ', 'g'))`;

const COLUMNS = ["id", "slug", "name", "type", "area_code"] as const;

function toOrganisation(row: {
  id: number;
  slug: string;
  name: string;
  type: OrganisationType;
  area_code: string | null;
}): Organisation {
  return { id: row.id, slug: row.slug, name: row.name, type: row.type, areaCode: row.area_code };
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.selectFrom("organisation").select(COLUMNS).orderBy("name").orderBy("id").execute();
  return rows.map(toOrganisation);
}

export async function findById(db: Db, id: number): Promise<Organisation | undefined> {
  const row = await db.selectFrom("organisation").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row && toOrganisation(row);
}

export async function findBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom("organisation").select(COLUMNS).where("slug", "=", slug).executeTakeFirst();
  return row && toOrganisation(row);
}

/** By its name or one of its other names; the oldest first if two share a name. */
export async function findByName(db: Db, name: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom("organisation")
    .select(COLUMNS)
    .where((eb) =>
      eb.or([
        eb("name_key", "=", key(name)),
        eb(
          "id",
          "in",
          eb.selectFrom("organisation_alias").select("organisation_id").where("name_key", "=", key(name)),
        ),
      ]),
    )
    .orderBy("id")
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function updateClassification(
  db: Db,
  id: number,
  values: { type: OrganisationType; area_code: string | null },
): Promise<Organisation> {
  const row = await db
    .updateTable("organisation")
    // Its kind and area code are what the change form edits: a form open on them is now out of date.
    .set({ ...values, version: sql<number>`version + 1` })
    .where("id", "=", id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

/** The organisation's version: what its change form carries. */
export async function findVersion(db: Db, id: number): Promise<number | undefined> {
  const row = await db.selectFrom("organisation").select("version").where("id", "=", id).executeTakeFirst();
  return row?.version;
}

/**
 * Moves the organisation's version on if it is still the one the change form was made from;
 * false when someone else saved first (PostgreSQL re-checks it after waiting for their lock), so
 * the caller saves nothing.
 */
export async function takeVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .updateTable("organisation")
    .set({ version: sql<number>`version + 1` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom("organisation").select("id").where("slug", "=", slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganisation(
  db: Db,
  values: { slug: string; name: string; type: OrganisationType; area_code: string | null },
): Promise<Organisation> {
  const row = await db.insertInto("organisation").values(values).returning(COLUMNS).executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export async function aliasTaken(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom("organisation_alias")
    .select("id")
    .where("name_key", "=", key(name))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAlias(db: Db, organisationId: number, name: string): Promise<void> {
  await db.insertInto("organisation_alias").values({ organisation_id: organisationId, name }).execute();
}

export async function listAliases(db: Db, organisationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("organisation_alias")
    .select("name")
    .where("organisation_id", "=", organisationId)
    .orderBy("name")
    .execute();
  return rows.map((r) => r.name);
}
