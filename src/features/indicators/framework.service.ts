import type { BetterDirection } from "../../db/schema.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Trx } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import * as repo from "./framework.repository.ts";
import * as edit from "./framework-edit.repository.ts";
import { parsePeriod } from "./period.ts";

// Changing the framework: vision statements, outcomes, indicators with their metadata, publishing
// an indicator, and what sits beside it (experiential evidence, the route-map actions meant to
// move it). Analysts and administrators only ("indicator.edit"); every change is audited in the
// caller's transaction.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkSlug(fields: FieldErrors, slug: string): void {
  if (!SLUG.test(slug) || slug.length > 80)
    fields.slug =
      "Use lower-case letters, numbers and hyphens for the short name, for example children-looked-after.";
}

export interface NewVision {
  slug: string;
  title: string;
  summary?: string;
  position?: number;
}

export async function createVisionStatement(trx: Trx, actor: Actor, input: NewVision): Promise<number> {
  authorize(actor, "indicator.edit");
  const fields: FieldErrors = {};
  checkSlug(fields, input.slug);
  if (input.title.trim() === "") fields.title = "Enter the vision statement.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const id = await repo.insertVision(trx, {
    slug: input.slug,
    title: input.title.trim(),
    summary: input.summary ?? "",
    position: input.position ?? 0,
  });
  await recordAudit(trx, actor, {
    action: "vision_statement.create",
    entityType: "vision_statement",
    entityId: id,
    after: input,
  });
  return id;
}

export async function createOutcome(
  trx: Trx,
  actor: Actor,
  input: { visionSlug: string; slug: string; title: string; position?: number },
): Promise<number> {
  authorize(actor, "indicator.edit");
  const vision = await repo.findVisionBySlug(trx, input.visionSlug);
  if (!vision) throw new NotFoundError(`There is no vision statement called "${input.visionSlug}".`);
  const fields: FieldErrors = {};
  checkSlug(fields, input.slug);
  if (input.title.trim() === "") fields.title = "Enter the outcome.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const id = await repo.insertOutcome(trx, {
    vision_statement_id: vision.id,
    slug: input.slug,
    title: input.title.trim(),
    position: input.position ?? 0,
  });
  await recordAudit(trx, actor, {
    action: "pf_outcome.create",
    entityType: "pf_outcome",
    entityId: id,
    after: input,
  });
  return id;
}

export interface NewIndicator {
  outcomeSlug: string;
  slug: string;
  title: string;
  definition?: string;
  unit: string;
  better: BetterDirection;
  kind: "core" | "contextual";
  measure: "process" | "outcome";
  source?: string;
  sourceUrl?: string | null;
  publisher?: string;
  lastUpdated?: string | null;
  nextUpdate?: string | null;
  baselinePeriod?: string | null;
  baselineValue?: number | null;
  targetValue?: number | null;
  targetDate?: string | null;
  story?: string;
  breakdowns?: string[];
  suppressBelow?: number | null;
  published?: boolean;
  position?: number;
}

export async function createIndicator(trx: Trx, actor: Actor, input: NewIndicator): Promise<number> {
  authorize(actor, "indicator.edit");
  const outcome = await repo.findOutcomeBySlug(trx, input.outcomeSlug);
  if (!outcome) throw new NotFoundError(`There is no outcome called "${input.outcomeSlug}".`);
  const fields: FieldErrors = {};
  checkSlug(fields, input.slug);
  if (input.title.trim() === "") fields.title = "Enter the indicator's name.";
  if (input.unit.trim() === "") fields.unit = "Enter the unit, for example children or percent.";
  if (input.sourceUrl && !/^https?:\/\/[^\s]+$/.test(input.sourceUrl))
    fields.sourceUrl = "Give the source's web address, starting https://.";
  if (input.baselinePeriod && !parsePeriod(input.baselinePeriod))
    fields.baselinePeriod =
      "Write the baseline period as a year (2018), a financial year (2019-20) or a date.";
  if (input.suppressBelow !== undefined && input.suppressBelow !== null && !(input.suppressBelow > 0))
    fields.suppressBelow = "The small-number threshold must be a whole number above 0, or none.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  if (await repo.findIndicator(trx, input.slug))
    throw new ValidationError({ slug: `There is already an indicator called "${input.slug}".` });
  const id = await repo.insertIndicator(trx, {
    outcome_id: outcome.id,
    slug: input.slug,
    title: input.title.trim(),
    definition: input.definition ?? "",
    unit: input.unit.trim(),
    better: input.better,
    kind: input.kind,
    measure: input.measure,
    source: input.source ?? "",
    source_url: input.sourceUrl ?? null,
    publisher: input.publisher ?? "",
    last_updated: input.lastUpdated ?? null,
    next_update: input.nextUpdate ?? null,
    baseline_period: input.baselinePeriod ? parsePeriod(input.baselinePeriod)!.text : null,
    baseline_value: input.baselineValue ?? null,
    target_value: input.targetValue ?? null,
    target_date: input.targetDate ?? null,
    story: input.story ?? "",
    breakdowns: JSON.stringify(input.breakdowns ?? []),
    suppress_below: input.suppressBelow ?? null,
    published: input.published ?? false,
    position: input.position ?? 0,
  });
  await recordAudit(trx, actor, {
    action: "indicator.create",
    entityType: "indicator",
    entityId: id,
    after: input,
  });
  return id;
}

/** Publishes or withdraws an indicator, from a form made at `version` (else a conflict). */
export async function setIndicatorPublished(
  trx: Trx,
  actor: Actor,
  input: { slug: string; published: boolean; version: number },
): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await repo.findIndicator(trx, input.slug);
  if (!indicator) throw new NotFoundError(`There is no indicator called "${input.slug}".`);
  const current = await repo.indicatorVersion(trx, indicator.id);
  const done = await repo.setPublished(trx, indicator.id, input.published, input.version);
  if (!done)
    throw new ConflictError(
      "Someone else changed this indicator since you opened the page. Check it and try again.",
    );
  await recordAudit(trx, actor, {
    action: input.published ? "indicator.publish" : "indicator.withdraw",
    entityType: "indicator",
    entityId: indicator.id,
    before: { published: current?.published },
    after: { published: input.published },
  });
}

export async function addEvidence(
  trx: Trx,
  actor: Actor,
  input: {
    indicatorSlug: string;
    kind: "quote" | "survey_finding";
    text: string;
    attribution?: string;
    source?: string;
    consented: boolean;
    anonymised: boolean;
    position?: number;
  },
): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await repo.findIndicator(trx, input.indicatorSlug);
  if (!indicator) throw new NotFoundError(`There is no indicator called "${input.indicatorSlug}".`);
  const fields: FieldErrors = {};
  if (input.text.trim() === "") fields.text = "Enter the quote or finding.";
  if (!input.consented) fields.consented = "Only evidence given with consent can be shown.";
  if (!input.anonymised) fields.anonymised = "Only anonymised evidence can be shown.";
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  await repo.insertEvidence(trx, {
    indicator_id: indicator.id,
    kind: input.kind,
    text: input.text.trim(),
    attribution: input.attribution ?? "",
    source: input.source ?? "",
    consented: true,
    anonymised: true,
    position: input.position ?? 0,
  });
  await recordAudit(trx, actor, {
    action: "indicator.evidence_add",
    entityType: "indicator",
    entityId: indicator.id,
    after: input,
  });
}

/**
 * Links a route-map action (an edition item) to the indicator it is meant to move: a top-level
 * action of its route map's newest published edition, else a ValidationError naming the field.
 */
export async function linkActionToIndicator(
  trx: Trx,
  actor: Actor,
  input: { indicatorSlug: string; editionItemId: number },
): Promise<void> {
  authorize(actor, "indicator.edit");
  const indicator = await repo.findIndicator(trx, input.indicatorSlug);
  if (!indicator) throw new NotFoundError(`There is no indicator called "${input.indicatorSlug}".`);
  // Only what the editing page offers: a draft's action would put unpublished words on the
  // indicator's pages, and an older edition's is no longer the route map's.
  if (!(await edit.isLinkableAction(trx, input.editionItemId)))
    throw new ValidationError({
      editionItemId: "Choose an action from the newest published edition of a route map.",
    });
  await repo.linkAction(trx, indicator.id, input.editionItemId);
  await recordAudit(trx, actor, {
    action: "indicator.action_link",
    entityType: "indicator",
    entityId: indicator.id,
    after: input,
  });
}
