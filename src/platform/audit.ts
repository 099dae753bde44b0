import type { Actor } from "./actor.ts";
import { actorLabel } from "./actor.ts";
import type { Trx } from "./database.ts";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  requestId?: string | undefined;
}

/** Records a change. Call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(trx: Trx, actor: Actor, input: AuditInput): Promise<void> {
  await trx
    .insertInto("audit_event")
    .values({
      actor_id: actor.kind === "user" ? actor.id : null,
      actor_label: actorLabel(actor),
      action: input.action,
      entity_type: input.entityType,
      entity_id: String(input.entityId),
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      request_id: input.requestId ?? actor.requestId ?? null,
    })
    .execute();
}

/**
 * A record as the audit trail keeps it: without its version, which only guards concurrent edits
 * (the trail says what changed, and a version moving on is not a change anyone made).
 */
export function withoutVersion<T extends { version: number }>(record: T): Omit<T, "version">;
export function withoutVersion<T extends { version: number }>(
  record: T | undefined,
): Omit<T, "version"> | undefined;
export function withoutVersion<T extends { version: number }>(
  record: T | undefined,
): Omit<T, "version"> | undefined {
  if (record === undefined) return undefined;
  const { version: _version, ...rest } = record;
  return rest;
}
