import { sql } from "kysely";
import type { Db } from "../../src/platform/database.ts";

/**
 * A fingerprint of every table's rows, by table, to prove a request changed nothing. Sessions are
 * left out (reading a page may extend one); count them separately where it matters.
 */
export async function tableDigest(
  db: Db,
  except: readonly string[] = ["user_session"],
): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const digest: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (except.includes(name) || name.startsWith("kysely_migration")) continue;
    const row = await sql<{ d: string }>`
      select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as d from ${sql.table(name)} t`.execute(
      db,
    );
    digest[name] = row.rows[0]!.d;
  }
  return digest;
}

export async function countSessions(db: Db): Promise<number> {
  const row = await db
    .selectFrom("user_session")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A function giving the number of rows in every table (sessions and sign-in records aside) in one
 * query: cheap enough to take before and after each of thousands of requests, to prove a refused
 * one wrote nothing.
 */
export async function rowCounter(
  db: Db,
  except: readonly string[] = ["user_session"],
): Promise<() => Promise<Record<string, number>>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const names = tables.rows
    .map((t) => t.name)
    .filter((name) => !except.includes(name) && !name.startsWith("kysely_migration"));
  const counts = sql.join(
    names.map((name) => sql`(select count(*) from ${sql.table(name)})::int as ${sql.ref(name)}`),
  );
  return async () => (await sql<Record<string, number>>`select ${counts}`.execute(db)).rows[0]!;
}
