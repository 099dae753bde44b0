import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";
import type { Person } from "./person.types.ts";

const key = (name: string) =>
  sql<string>`lower(regexp_replace(btrim(translate(${name}::text, '’‘', '''''')), '\\s+', ' ', 'g'))`;

const COLUMNS = ["id", "name", "email", "organisation_id"] as const;

function toPerson(row: {
  id: number;
  name: string;
  email: string | null;
  organisation_id: number | null;
}): Person {
  return { id: row.id, name: row.name, email: row.email, organisationId: row.organisation_id };
}

export async function findById(db: Db, id: number): Promise<Person | undefined> {
  const row = await db.selectFrom("person").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row && toPerson(row);
}

/** Everyone of this name (case and spacing aside), oldest first. */
export async function findByName(db: Db, name: string): Promise<Person[]> {
  const rows = await db
    .selectFrom("person")
    .select(COLUMNS)
    .where("name_key", "=", key(name))
    .orderBy("id")
    .execute();
  return rows.map(toPerson);
}

export async function listPeople(db: Db): Promise<Person[]> {
  const rows = await db.selectFrom("person").select(COLUMNS).orderBy("name").orderBy("id").execute();
  return rows.map(toPerson);
}

export async function insertPerson(
  db: Db,
  values: { name: string; email: string | null; organisation_id: number | null },
): Promise<Person> {
  const row = await db.insertInto("person").values(values).returning(COLUMNS).executeTakeFirstOrThrow();
  return toPerson(row);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom("person").select("id").where("email", "=", email).executeTakeFirst();
  return row !== undefined;
}

export async function setOrganisation(
  db: Db,
  personId: number,
  organisationId: number | null,
): Promise<void> {
  await db
    .updateTable("person")
    .set({ organisation_id: organisationId })
    .where("id", "=", personId)
    .execute();
}
