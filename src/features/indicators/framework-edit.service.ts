import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Trx } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { freeSlug, slugify } from "../../platform/slugs.ts";
import * as repo from "./framework.repository.ts";
import { createIndicator, createOutcome, createVisionStatement } from "./framework.service.ts";
import * as edit from "./framework-edit.repository.ts";
import {
  type Form,
  type IndicatorFields,
  indicatorFromForm,
  outcomeFromForm,
  visionFromForm,
} from "./indicator-form.ts";

// The analysts' forms for the framework itself: vision statements, outcomes and indicators with
// all their metadata. Each change checks the whole form first (every message at once, nothing
// saved), is one conditional update on the version the form was made from (a conflict otherwise),
// and is audited in the same transaction. Addresses are made from the title once and then kept,
// so links to an indicator never break when it is renamed.

/** Words the analysts' addresses use: an indicator may not take them as its short name. */
const RESERVED = new Set(["new", "visions", "outcomes", "upload", "edit"]);

export const STALE =
  "Someone else saved a change to this since you opened the page. Your changes have not been saved: check the page as it is now and make them again.";

function check(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

async function newSlug(trx: Trx, table: "vision_statement" | "pf_outcome" | "indicator", title: string) {
  return freeSlug(
    slugify(title, 60),
    async (slug) => RESERVED.has(slug) || (await edit.slugTaken(trx, table, slug)),
  );
}

export async function createVisionFromForm(trx: Trx, actor: Actor, form: Form): Promise<string> {
  authorize(actor, "indicator.edit");
  const { fields, errors } = visionFromForm(form);
  check(errors);
  const slug = await newSlug(trx, "vision_statement", fields.title);
  await createVisionStatement(trx, actor, {
    slug,
    ...fields,
    position: await edit.nextPosition(trx, "vision_statement"),
  });
  return slug;
}

export async function updateVisionFromForm(
  trx: Trx,
  actor: Actor,
  slug: string,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "indicator.edit");
  const vision = await repo.findVisionBySlug(trx, slug);
  if (!vision) throw new NotFoundError("There is no vision statement at this address.");
  const { fields, errors } = visionFromForm(form);
  check(errors);
  if (!(await edit.updateVision(trx, vision.id, version, fields))) throw new ConflictError(STALE);
  await recordAudit(trx, actor, {
    action: "vision_statement.update",
    entityType: "vision_statement",
    entityId: vision.id,
    before: { title: vision.title, summary: vision.summary },
    after: fields,
  });
}

async function visionFor(trx: Trx, visionSlug: string) {
  const vision = await repo.findVisionBySlug(trx, visionSlug);
  if (!vision) throw new ValidationError({ vision: "Choose a vision statement from the list" });
  return vision;
}

export async function createOutcomeFromForm(trx: Trx, actor: Actor, form: Form): Promise<string> {
  authorize(actor, "indicator.edit");
  const { fields, errors } = outcomeFromForm(form);
  check(errors);
  await visionFor(trx, fields.visionSlug);
  const slug = await newSlug(trx, "pf_outcome", fields.title);
  await createOutcome(trx, actor, {
    slug,
    visionSlug: fields.visionSlug,
    title: fields.title,
    position: await edit.nextPosition(trx, "pf_outcome"),
  });
  return slug;
}

export async function updateOutcomeFromForm(
  trx: Trx,
  actor: Actor,
  slug: string,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "indicator.edit");
  const outcome = await repo.findOutcomeBySlug(trx, slug);
  if (!outcome) throw new NotFoundError("There is no outcome at this address.");
  const { fields, errors } = outcomeFromForm(form);
  check(errors);
  const vision = await visionFor(trx, fields.visionSlug);
  const values = { vision_statement_id: vision.id, title: fields.title };
  if (!(await edit.updateOutcome(trx, outcome.id, version, values))) throw new ConflictError(STALE);
  await recordAudit(trx, actor, {
    action: "pf_outcome.update",
    entityType: "pf_outcome",
    entityId: outcome.id,
    before: { visionStatementId: outcome.vision_statement_id, title: outcome.title },
    after: { visionStatementId: vision.id, title: fields.title },
  });
}

async function outcomeFor(trx: Trx, outcomeSlug: string) {
  const outcome = await repo.findOutcomeBySlug(trx, outcomeSlug);
  if (!outcome) throw new ValidationError({ outcome: "Choose an outcome from the list" });
  return outcome;
}

/** A new indicator from the form, not yet published (publishing is its own step). Returns its slug. */
export async function createIndicatorFromForm(trx: Trx, actor: Actor, form: Form): Promise<string> {
  authorize(actor, "indicator.edit");
  const { fields, errors } = indicatorFromForm(form);
  check(errors);
  await outcomeFor(trx, fields.outcomeSlug);
  const slug = await newSlug(trx, "indicator", fields.title);
  await createIndicator(trx, actor, {
    ...fields,
    slug,
    published: false,
    position: await edit.nextPosition(trx, "indicator"),
  });
  return slug;
}

function columns(fields: IndicatorFields, outcomeId: number) {
  return {
    outcome_id: outcomeId,
    title: fields.title,
    definition: fields.definition,
    unit: fields.unit,
    better: fields.better,
    kind: fields.kind,
    measure: fields.measure,
    source: fields.source,
    source_url: fields.sourceUrl,
    publisher: fields.publisher,
    last_updated: fields.lastUpdated,
    next_update: fields.nextUpdate,
    baseline_period: fields.baselinePeriod,
    baseline_value: fields.baselineValue,
    target_value: fields.targetValue,
    target_date: fields.targetDate,
    story: fields.story,
    breakdowns: JSON.stringify(fields.breakdowns),
    suppress_below: fields.suppressBelow,
  };
}

/** Saves an indicator's metadata from the form made at `version`. */
export async function updateIndicatorFromForm(
  trx: Trx,
  actor: Actor,
  slug: string,
  version: number,
  form: Form,
): Promise<void> {
  authorize(actor, "indicator.edit");
  const before = await edit.indicatorRecord(trx, slug);
  if (!before) throw new NotFoundError("There is no indicator at this address.");
  const { fields, errors } = indicatorFromForm(form);
  check(errors);
  const outcome = await outcomeFor(trx, fields.outcomeSlug);
  const values = columns(fields, outcome.id);
  if (!(await edit.updateIndicator(trx, before.id, version, values))) throw new ConflictError(STALE);
  const { id: _id, version: _v, created_at: _c, updated_at: _u, ...old } = before;
  await recordAudit(trx, actor, {
    action: "indicator.update",
    entityType: "indicator",
    entityId: before.id,
    before: old,
    after: { ...values, breakdowns: fields.breakdowns },
  });
}
