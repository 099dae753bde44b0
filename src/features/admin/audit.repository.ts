import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";

// Reading the audit trail. Nothing here (or anywhere in the app) changes or deletes an event; the
// database refuses it too (migration 2026-11-22T1300_audit_events_are_permanent).

export interface AuditQuery {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  /** Part of the person's name or email, in any case. */
  person?: string | undefined;
  /** "YYYY-MM-DD", inclusive, UK time. */
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Db, q: AuditQuery) {
  let query = db.selectFrom("audit_event");
  if (q.entityType) query = query.where("entity_type", "=", q.entityType);
  if (q.entityId) query = query.where("entity_id", "=", q.entityId);
  if (q.actorId !== undefined) query = query.where("actor_id", "=", q.actorId);
  if (q.person) {
    const pattern = `%${q.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where("actor_label", "ilike", pattern);
  }
  // Days as people in Scotland count them, whatever the server's time zone.
  if (q.from)
    query = query.where("at", ">=", sql<Date>`(${q.from}::date)::timestamp at time zone 'Europe/London'`);
  if (q.to)
    query = query.where("at", "<", sql<Date>`(${q.to}::date + 1)::timestamp at time zone 'Europe/London'`);
  return query;
}

export async function countEvents(db: Db, q: AuditQuery): Promise<number> {
  const row = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of events, newest first. */
export function listEvents(db: Db, q: AuditQuery, limit: number, offset: number) {
  return filtered(db, q)
    .select([
      "id",
      "at",
      "actor_id",
      "actor_label",
      "action",
      "entity_type",
      "entity_id",
      "before",
      "after",
      "request_id",
    ])
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The kinds of thing the trail holds, for the filter's choices. */
export async function listEntityTypes(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_event")
    .select("entity_type")
    .distinct()
    .orderBy("entity_type")
    .execute();
  return rows.map((r) => r.entity_type);
}
