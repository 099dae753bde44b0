import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { toId } from "./admin.service.ts";
import { type AuditQuery, countEvents, listEntityTypes, listEvents } from "./audit.repository.ts";

// The audit trail, for administrators ("audit.read"): who changed what, when, from which request,
// with the values before and after. Filtered by entity, person and dates; newest first, in pages.

export const PAGE_SIZE = 50;

export interface AuditEvent {
  id: number;
  at: Date;
  actor: { id: number | null; label: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter extends AuditQuery {
  page: number;
}

export interface AuditPage {
  filter: AuditFilter;
  events: AuditEvent[];
  total: number;
  pageCount: number;
  entityTypes: string[];
}

/** The filter as asked for, in text (a query string); each mistake is named by its field. */
export interface AuditFilterInput {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | number | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: string | number | undefined;
}

function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === iso &&
    iso >= "2000-01-01" &&
    iso <= "2999-12-31"
  );
}

export function parseAuditFilter(input: AuditFilterInput): AuditFilter {
  const fields: Record<string, string> = {};
  const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const entityType = trimmed(input.entityType);
  const entityId = trimmed(input.entityId);
  const person = trimmed(input.person);
  const from = trimmed(input.from);
  const to = trimmed(input.to);
  if (entityType && entityType.length > 100)
    fields.entityType = "Entity type must be 100 characters or fewer";
  if (entityId && entityId.length > 100) fields.entityId = "Entity id must be 100 characters or fewer";
  if (person && person.length > 200) fields.person = "Person must be 200 characters or fewer";
  let actorId: number | undefined;
  if (input.actorId !== undefined && String(input.actorId).trim() !== "") {
    actorId = toId(input.actorId) ?? undefined;
    if (actorId === undefined) fields.actorId = "Person's id must be a whole number";
  }
  if (from && !isRealDate(from)) fields.from = "The 'from' date must be a real date, like 2026-11-22";
  if (to && !isRealDate(to)) fields.to = "The 'to' date must be a real date, like 2026-11-22";
  if (from && to && isRealDate(from) && isRealDate(to) && from > to)
    fields.to = "The 'to' date must be the same as or after the 'from' date";
  let page = 1;
  if (input.page !== undefined && String(input.page).trim() !== "") {
    const n = toId(input.page);
    if (n === null || n > 100_000) fields.page = "Page must be a whole number from 1";
    else page = n;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields, "The filter is not right.");
  return { entityType, entityId, actorId, person, from, to, page };
}

/** One page of the trail, newest first, with how many events match in all. */
export async function listAudit(db: Db, actor: Actor, filter: AuditFilter): Promise<AuditPage> {
  authorize(actor, "audit.read");
  const [total, rows, entityTypes] = await Promise.all([
    countEvents(db, filter),
    listEvents(db, filter, PAGE_SIZE, (filter.page - 1) * PAGE_SIZE),
    listEntityTypes(db),
  ]);
  return {
    filter,
    total,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    entityTypes,
    events: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { id: r.actor_id, label: r.actor_label },
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    })),
  };
}
