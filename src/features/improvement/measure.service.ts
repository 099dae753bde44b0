import type { Actor } from "../../platform/actor.ts";
import { recordAudit, withoutVersion } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import {
  type FieldErrors,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from "../../platform/errors.ts";
import {
  checkDate,
  checkText,
  clean,
  optional,
  refuse,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import { readPointRows } from "./data-point-rows.ts";
import * as repo from "./improvement.repository.ts";
import { editableRow, getProject } from "./improvement.service.ts";
import { type Better, MEASURE_KINDS, type MeasureKind } from "./improvement.types.ts";
import { parseValue } from "./value.ts";

// A project's measures and their data points: changed by whoever may change the project
// (improvement.service.ts decides), each change one conditional update on the measure's version,
// and audited.

export interface MeasureInput {
  kind: Submitted;
  name: Submitted;
  unit: Submitted;
  better: Submitted;
  baselinePoints: Submitted;
}

function checkMeasure(input: MeasureInput) {
  const errors: FieldErrors = {};
  const kind = clean(input.kind) as MeasureKind;
  if (!MEASURE_KINDS.includes(kind)) refuse(errors, "kind", "Choose what kind of measure it is");
  const name = checkText(errors, "name", input.name, short("measure's name"));
  const unit = checkText(errors, "unit", input.unit, short("unit, for example children or per cent"));
  const better = clean(input.better) as Better;
  if (better !== "up" && better !== "down") refuse(errors, "better", "Choose which way is better");
  const baselineText = clean(input.baselinePoints) || "12";
  const baseline = /^\d{1,3}$/.test(baselineText) ? Number(baselineText) : Number.NaN;
  if (!(baseline >= 1 && baseline <= 100))
    refuse(
      errors,
      "baselinePoints",
      "Enter how many points the median is taken from, a whole number from 1 to 100",
    );
  throwIfInvalid(errors);
  return { kind, name, unit, better, baseline_points: baseline };
}

/** Adds a measure to a project. Returns its id. */
export async function addMeasure(trx: Trx, actor: Actor, slug: string, input: MeasureInput): Promise<number> {
  const { row } = await editableRow(trx, actor, slug);
  const values = checkMeasure(input);
  const id = await repo.insertMeasure(trx, { project_id: row.id, ...values });
  await recordAudit(trx, actor, {
    action: "improvement_measure.create",
    entityType: "improvement_measure",
    entityId: id,
    after: { project: slug, ...values },
  });
  return id;
}

async function editableMeasure(trx: Trx, actor: Actor, slug: string, measureId: number) {
  const { row } = await editableRow(trx, actor, slug);
  const measure = await repo.findMeasure(trx, row.id, measureId);
  if (!measure) throw new NotFoundError("There is no such measure in this project.");
  return measure;
}

/** Changes a measure from a form made at `version` (StaleVersionError if it has changed since). */
export async function changeMeasure(
  trx: Trx,
  actor: Actor,
  slug: string,
  measureId: number,
  version: number,
  input: MeasureInput,
): Promise<void> {
  const measure = await editableMeasure(trx, actor, slug, measureId);
  if (!(await repo.takeMeasureVersion(trx, measure.id, version))) throw new StaleVersionError();
  const values = checkMeasure(input);
  await repo.updateMeasure(trx, measure.id, values);
  const { id: _id, project_id: _project, ...before } = withoutVersion(measure);
  await recordAudit(trx, actor, {
    action: "improvement_measure.change",
    entityType: "improvement_measure",
    entityId: measure.id,
    before,
    after: values,
  });
}

export interface DataPointInput {
  date: { day: Submitted; month: Submitted; year: Submitted };
  value: Submitted;
  annotation: Submitted;
}

function checkDataPoint(input: DataPointInput) {
  const errors: FieldErrors = {};
  const date = checkDate(errors, "date", input.date, "Enter the date the value is for");
  const valueText = clean(input.value);
  const value = valueText === "" ? null : parseValue(valueText);
  if (valueText === "") refuse(errors, "value", "Enter the value");
  else if (value === null) refuse(errors, "value", "Enter the value as a number, for example 12 or 3.5");
  const annotation = checkText(errors, "annotation", input.annotation, short("change made", optional));
  throwIfInvalid(errors);
  return { date: date as string, value: value as number, annotation };
}

/**
 * Adds a data point to a measure from a page made at the measure's `version` (a point on a date
 * that has one already replaces it). Moves the measure's version on.
 */
export async function addDataPoint(
  trx: Trx,
  actor: Actor,
  slug: string,
  measureId: number,
  version: number,
  input: DataPointInput,
): Promise<void> {
  const measure = await editableMeasure(trx, actor, slug, measureId);
  if (!(await repo.takeMeasureVersion(trx, measure.id, version))) throw new StaleVersionError();
  const point = checkDataPoint(input);
  const { id, before } = await repo.upsertDataPoint(trx, measure.id, point);
  await recordAudit(trx, actor, {
    action: before ? "improvement_data_point.change" : "improvement_data_point.add",
    entityType: "improvement_data_point",
    entityId: id,
    before: before ? { measure: measure.id, ...before } : undefined,
    after: { measure: measure.id, ...point },
  });
}

/**
 * Loads data points from a file's cells, read by `read` once the actor may change the measure,
 * from a page made at the measure's `version`. All or nothing: any row with a problem refuses the
 * whole file, naming each row in the `file` field's message. A date the measure has already is
 * replaced. Returns how many values were loaded.
 */
export async function loadDataPoints(
  trx: Trx,
  actor: Actor,
  slug: string,
  measureId: number,
  version: number,
  read: () => Promise<string[][]>,
): Promise<number> {
  const measure = await editableMeasure(trx, actor, slug, measureId);
  const result = readPointRows(await read());
  if (result.problems.length > 0) throw new ValidationError({ file: result.problems.slice(0, 20).join(" ") });
  if (!(await repo.takeMeasureVersion(trx, measure.id, version))) throw new StaleVersionError();
  for (const point of result.rows) {
    const { id, before } = await repo.upsertDataPoint(trx, measure.id, point);
    await recordAudit(trx, actor, {
      action: before ? "improvement_data_point.change" : "improvement_data_point.add",
      entityType: "improvement_data_point",
      entityId: id,
      before: before ? { measure: measure.id, ...before } : undefined,
      after: { measure: measure.id, ...point, from: "file" },
    });
  }
  return result.rows.length;
}

/** Removes a data point, from a page made at the measure's `version`. */
export async function removeDataPoint(
  trx: Trx,
  actor: Actor,
  slug: string,
  measureId: number,
  pointId: number,
  version: number,
): Promise<void> {
  const measure = await editableMeasure(trx, actor, slug, measureId);
  if (!(await repo.takeMeasureVersion(trx, measure.id, version))) throw new StaleVersionError("removal");
  const removed = await repo.deleteDataPoint(trx, measure.id, pointId);
  if (!removed) throw new NotFoundError("There is no such data point in this measure.");
  await recordAudit(trx, actor, {
    action: "improvement_data_point.remove",
    entityType: "improvement_data_point",
    entityId: pointId,
    before: { measure: measure.id, ...removed },
  });
}

/** A measure of a project the actor may read. */
export async function getMeasure(db: Db, actor: Actor, slug: string, measureId: number) {
  const project = await getProject(db, actor, slug);
  const measure = project.measures.find((m) => m.id === measureId);
  if (!measure) throw new NotFoundError("There is no such measure in this project.");
  return { project, measure };
}
