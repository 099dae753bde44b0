import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, NotFoundError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import { checkDate, clean, parseId, throwIfInvalid } from "../../platform/validation.ts";
import * as repo from "./accountability.repository.ts";
import { sortParties, toActionRef, toParty } from "./accountability.service.ts";
import type { ActionRef, Due, Party, ResponsibilityRole } from "./accountability.types.ts";

// Who must act on an action, and by when: set by programme editors (route_map.edit) on the
// action's key within its theme, so it carries over to the route map's next edition.

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a value can be an action's key; anything else must not reach SQL. */
export function isActionKey(value: string): boolean {
  return KEY.test(value);
}

export interface ActionDetail {
  action: ActionRef;
  children: string[];
  editionId: number;
  editionStatus: "draft" | "published";
}

/** An action by its theme and key, from the newest edition that has it; drafts need route_map.read_draft. */
export async function findAction(
  db: Db,
  actor: Actor,
  themeSlug: string,
  key: string,
): Promise<ActionDetail> {
  const row = isActionKey(key) ? await repo.findActionByKey(db, themeSlug, key) : undefined;
  if (!row || (row.edition_status === "draft" && !canReadDrafts(actor)))
    throw new NotFoundError("There is no such action in this route map.");
  const children = await repo.listChildren(db, row.id);
  return {
    action: toActionRef(row),
    children: children.map((c) => c.text),
    editionId: row.edition_id,
    editionStatus: row.edition_status,
  };
}

function canReadDrafts(actor: Actor): boolean {
  return can(actor, "route_map.read_draft");
}

export interface ResponsibilityForm extends ActionDetail {
  parties: Party[];
  due: Due;
  weight: number;
  outcomeKey: string | null;
  version: number;
  organisations: Array<{ id: number; name: string }>;
  sectors: Array<{ id: number; name: string }>;
  outcomes: Array<{ key: string; text: string }>;
}

/** What the responsibility form shows (needs route_map.edit). */
export async function getResponsibilityForm(
  db: Db,
  actor: Actor,
  themeSlug: string,
  key: string,
): Promise<ResponsibilityForm> {
  authorize(actor, "route_map.edit");
  const detail = await findAction(db, actor, themeSlug, key);
  const { themeId } = detail.action;
  const [tracking, rows, organisations, sectors, outcomes] = await Promise.all([
    repo.findTracking(db, themeId, key),
    repo.listResponsibilities(db, { themeId, key }),
    repo.listOrganisations(db),
    repo.listSectors(db),
    repo.listOutcomes(db, detail.editionId),
  ]);
  return {
    ...detail,
    parties: sortParties(rows.flatMap((r) => toParty(r, organisations, sectors) ?? [])),
    due: { year: tracking?.due_year ?? null, date: tracking?.due_date ?? null },
    weight: tracking?.weight ?? 1,
    outcomeKey: tracking?.outcome_key ?? null,
    version: tracking?.version ?? 0,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
    outcomes: outcomes.map((o) => ({ key: o.key, text: o.text })),
  };
}

type Many = string | string[] | undefined;

export interface ResponsibilityInput {
  themeSlug: string;
  key: string;
  version: number;
  leadOrganisations?: Many;
  partnerOrganisations?: Many;
  leadSectors?: Many;
  partnerSectors?: Many;
  dueYear?: string | undefined;
  dueDay?: string | undefined;
  dueMonth?: string | undefined;
  dueDateYear?: string | undefined;
  weight?: string | undefined;
  outcomeKey?: string | undefined;
}

const list = (value: Many): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function ids(errors: FieldErrors, field: string, value: Many, known: Set<number>, what: string): number[] {
  const out: number[] = [];
  for (const raw of list(value)) {
    const id = parseId(raw);
    if (id === null || !known.has(id)) errors[field] = `Choose ${what} from the list`;
    else if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Replaces an action's lead and partner organisations and sectors, its due year or date, its
 * weight and outcome, in one change checked against the version the form was made from.
 */
export async function saveResponsibility(
  trx: Trx,
  actor: Actor,
  input: ResponsibilityInput,
): Promise<ActionRef> {
  authorize(actor, "route_map.edit");
  const form = await getResponsibilityForm(trx, actor, input.themeSlug, input.key);
  const errors: FieldErrors = {};
  const orgIds = new Set(form.organisations.map((o) => o.id));
  const sectorIds = new Set(form.sectors.map((s) => s.id));
  const leadOrgs = ids(errors, "leadOrganisations", input.leadOrganisations, orgIds, "lead organisations");
  const partnerOrgs = ids(
    errors,
    "partnerOrganisations",
    input.partnerOrganisations,
    orgIds,
    "partner organisations",
  );
  const leadSectors = ids(errors, "leadSectors", input.leadSectors, sectorIds, "lead sectors");
  const partnerSectors = ids(errors, "partnerSectors", input.partnerSectors, sectorIds, "partner sectors");
  if (partnerOrgs.some((id) => leadOrgs.includes(id)))
    errors.partnerOrganisations =
      "An organisation is either a lead or a partner: untick it in one of the lists";
  if (partnerSectors.some((id) => leadSectors.includes(id)))
    errors.partnerSectors = "A sector is either a lead or a partner: untick it in one of the lists";

  const yearText = clean(input.dueYear);
  let dueYear: number | null = null;
  if (yearText !== "") {
    dueYear = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (dueYear === null || dueYear < 2020 || dueYear > 2040)
      errors.dueYear = "Enter a year from 2020 to 2040, like 2027";
  }
  const dateGiven = [input.dueDay, input.dueMonth, input.dueDateYear].some((v) => clean(v) !== "");
  let dueDate: string | null = null;
  if (dateGiven) {
    dueDate = checkDate(errors, "dueDate", {
      day: input.dueDay,
      month: input.dueMonth,
      year: input.dueDateYear,
    });
    if (dueDate && yearText !== "") errors.dueDate = "Give a due year or a due date, not both";
  }
  const weightText = clean(input.weight) || "1";
  const weight = /^\d{1,3}$/.test(weightText) ? Number(weightText) : Number.NaN;
  if (!(weight >= 0 && weight <= 100))
    errors.weight = "Enter a weight from 0 to 100 (1 is usual; 0 leaves it out of the totals)";
  const outcomeKey = clean(input.outcomeKey) || null;
  if (outcomeKey !== null && !form.outcomes.some((o) => o.key === outcomeKey))
    errors.outcomeKey = "Choose an outcome from the list";
  throwIfInvalid(errors);

  const { themeId } = form.action;
  const saved = await repo.bumpVersion(trx, themeId, input.key, input.version, {
    due_year: dueYear,
    due_date: dueDate,
    weight,
    outcome_key: outcomeKey,
  });
  if (!saved)
    throw new ConflictError(
      "Someone else changed this action while you were editing it. Your changes were not saved: check what it says now and make them again.",
    );
  const rows = [
    ...leadOrgs.map((id) => ({ role: "lead" as ResponsibilityRole, organisation_id: id, sector_id: null })),
    ...partnerOrgs.map((id) => ({
      role: "partner" as ResponsibilityRole,
      organisation_id: id,
      sector_id: null,
    })),
    ...leadSectors.map((id) => ({
      role: "lead" as ResponsibilityRole,
      organisation_id: null,
      sector_id: id,
    })),
    ...partnerSectors.map((id) => ({
      role: "partner" as ResponsibilityRole,
      organisation_id: null,
      sector_id: id,
    })),
  ];
  await repo.replaceResponsibilities(trx, themeId, input.key, rows);
  await recordAudit(trx, actor, {
    action: "action.responsibility",
    entityType: "action",
    entityId: `${form.action.themeSlug}/${input.key}`,
    before: { parties: form.parties, due: form.due, weight: form.weight, outcomeKey: form.outcomeKey },
    after: { responsibilities: rows, due: { year: dueYear, date: dueDate }, weight, outcomeKey },
  });
  return form.action;
}
