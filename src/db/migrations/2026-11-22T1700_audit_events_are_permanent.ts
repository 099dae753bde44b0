import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// The audit trail is evidence: nothing may change or delete an event, not the app and not a
// mistaken query. The database itself refuses UPDATE, DELETE and TRUNCATE on audit_event.
// (Accounts are therefore deactivated, never deleted: deleting a user would have to rewrite
// the events that name them.)

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function audit_event_is_permanent() returns trigger
    language plpgsql as $$
    begin
      raise exception 'audit events are permanent: % is not allowed on audit_event', tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_permanent()`.execute(db);
  await sql`
    create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_permanent()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_event_no_truncate on audit_event`.execute(db);
  await sql`drop trigger audit_event_no_update_or_delete on audit_event`.execute(db);
  await sql`drop function audit_event_is_permanent()`.execute(db);
}
