import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Trx } from "../../platform/database.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as repo from "./framework.repository.ts";
import { addEvidence, linkActionToIndicator } from "./framework.service.ts";
import * as edit from "./framework-edit.repository.ts";
import { STALE } from "./framework-edit.service.ts";
import { evidenceFromForm, type Form } from "./indicator-form.ts";

// What sits beside an indicator, from the analysts' forms: experiential evidence (quotes and
// survey findings, each confirmed as given with consent and anonymised) and the route-map actions
// meant to move it. Audited in the caller's transaction; a stale form is a conflict.

async function indicatorFor(trx: Trx, slug: string) {
  const indicator = await repo.findIndicator(trx, slug);
  if (!indicator) throw new NotFoundError("There is no indicator at this address.");
  return indicator;
}

export async function addEvidenceFromForm(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(trx, slug);
  const { fields, errors } = evidenceFromForm(form);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  await addEvidence(trx, actor, {
    indicatorSlug: indicator.slug,
    ...fields,
    consented: true,
    anonymised: true,
    position: await edit.nextEvidencePosition(trx, indicator.id),
  });
}

async function evidenceFor(trx: Trx, indicatorId: number, evidenceId: number) {
  const evidence = await edit.findEvidence(trx, indicatorId, evidenceId);
  // Gone since the page was made (someone removed it): say so rather than "not found".
  if (!evidence) throw new ConflictError(STALE);
  return evidence;
}

export async function updateEvidenceFromForm(
  trx: Trx,
  actor: Actor,
  slug: string,
  evidenceId: number,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(trx, slug);
  const before = await evidenceFor(trx, indicator.id, evidenceId);
  const { fields, errors } = evidenceFromForm(form);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  if (!(await edit.updateEvidence(trx, evidenceId, version, fields))) throw new ConflictError(STALE);
  await recordAudit(trx, actor, {
    action: "indicator.evidence_update",
    entityType: "indicator",
    entityId: indicator.id,
    before: {
      evidenceId,
      kind: before.kind,
      text: before.text,
      attribution: before.attribution,
      source: before.source,
    },
    after: { evidenceId, ...fields },
  });
}

export async function removeEvidence(
  trx: Trx,
  actor: Actor,
  slug: string,
  evidenceId: number,
  version: number,
): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(trx, slug);
  const before = await evidenceFor(trx, indicator.id, evidenceId);
  if (!(await edit.deleteEvidence(trx, evidenceId, version))) throw new ConflictError(STALE);
  await recordAudit(trx, actor, {
    action: "indicator.evidence_remove",
    entityType: "indicator",
    entityId: indicator.id,
    before: { evidenceId, kind: before.kind, text: before.text },
  });
}

/** Links a route-map action chosen from the form's list. */
export async function linkActionFromForm(trx: Trx, actor: Actor, slug: string, form: Form): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(trx, slug);
  const value = form.action ?? "";
  const itemId = /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
  if (itemId === null) throw new ValidationError({ action: "Choose a route-map action to link" });
  try {
    await linkActionToIndicator(trx, actor, { indicatorSlug: indicator.slug, editionItemId: itemId });
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError({ action: "Choose a route-map action to link" });
    throw error;
  }
}

export async function unlinkActionFromIndicator(
  trx: Trx,
  actor: Actor,
  slug: string,
  editionItemId: number,
): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await indicatorFor(trx, slug);
  // Already unlinked (two analysts at once): the outcome they both wanted. Nothing to record.
  if (!(await edit.unlinkAction(trx, indicator.id, editionItemId))) return;
  await recordAudit(trx, actor, {
    action: "indicator.action_unlink",
    entityType: "indicator",
    entityId: indicator.id,
    before: { editionItemId },
  });
}
