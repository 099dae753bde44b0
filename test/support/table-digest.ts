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
