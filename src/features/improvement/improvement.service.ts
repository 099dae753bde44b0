import type { Actor } from "../../platform/actor.ts";
import { recordAudit, withoutVersion } from "../../platform/audit.ts";
import type { Db, Trx } from "../../platform/database.ts";
import {
  type FieldErrors,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  UnauthenticatedError,
} from "../../platform/errors.ts";
import { authorize, can, reach } from "../../platform/security/authorize.ts";
import { freeSlug, slugify } from "../../platform/slugs.ts";
import {
  checkDate,
  checkText,
  clean,
  optional,
  paragraph,
  parseId,
  refuse,
  type Submitted,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import { listCurrentItems, listOrganisationSummaries } from "../accountability/accountability.service.ts";
import { GEOGRAPHIES, geographyName, isCouncilArea } from "../indicators/geography.ts";
import * as repo from "./improvement.repository.ts";
import {
  type DataPoint,
  PROJECT_STATUSES,
  type Project,
  type ProjectChoices,
  type ProjectStatus,
  type ProjectSummary,
} from "./improvement.types.ts";

// Improvement projects, their measures and data points. The public see published projects only;
// a draft is "not found" to anyone who may not read it (improvement.read_draft: the programme
// team, readers, and contributors of an organisation taking part). Programme editors and
// administrators change any project; a contributor changes those its organisation takes part in
// (improvement.edit, scoped). Every change is one conditional update on a version, and audited.

type ProjectRow = NonNullable<Awaited<ReturnType<typeof repo.findProjectBySlug>>>;

/** May the actor do this to a project with these organisations taking part? */
function mayFor(actor: Actor, permission: "improvement.edit" | "improvement.read_draft", orgIds: number[]) {
  const where = reach(actor, permission);
  return where.everywhere || orgIds.some((id) => where.organisationIds.includes(id));
}

function refuseActor(actor: Actor): never {
  if (actor.kind === "public") throw new UnauthenticatedError();
  throw new ForbiddenError();
}

function toSummary(row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    published: row.published,
    aim: { what: row.aim_what, howMuch: row.aim_how_much, by: row.aim_by },
  };
}

async function projectOrgIds(db: Db, projectId: number): Promise<number[]> {
  return (await repo.listProjectOrganisations(db, [projectId])).map((o) => o.id);
}

/** The row of a project the actor may read: a draft is not found unless they may read it. */
async function readableRow(
  db: Db,
  actor: Actor,
  slug: string,
): Promise<{ row: ProjectRow; orgIds: number[] }> {
  const row = await repo.findProjectBySlug(db, slug);
  if (!row) throw new NotFoundError("There is no improvement project at this address.");
  const orgIds = await projectOrgIds(db, row.id);
  if (!row.published && !mayFor(actor, "improvement.read_draft", orgIds))
    throw new NotFoundError("There is no improvement project at this address.");
  return { row, orgIds };
}

/** The row of a project the actor may change (read first, so a hidden draft stays "not found"). */
export async function editableRow(
  db: Db,
  actor: Actor,
  slug: string,
): Promise<{ row: ProjectRow; orgIds: number[] }> {
  authorize(actor, "improvement.edit");
  const found = await readableRow(db, actor, slug);
  if (!mayFor(actor, "improvement.edit", found.orgIds)) refuseActor(actor);
  return found;
}

/** Published projects, by title; with `drafts`, the drafts the actor may read too. */
export async function listProjects(
  db: Db,
  actor: Actor,
  options: { drafts?: boolean } = {},
): Promise<Array<ProjectSummary & { organisations: string[]; editable: boolean }>> {
  const rows = await repo.listProjects(db, { publishedOnly: !options.drafts });
  const links = await repo.listProjectOrganisations(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((row) => {
    const orgs = links.filter((l) => l.project_id === row.id);
    const orgIds = orgs.map((o) => o.id);
    if (!row.published && !mayFor(actor, "improvement.read_draft", orgIds)) return [];
    return [
      {
        ...toSummary(row),
        organisations: orgs.map((o) => o.name),
        editable: mayFor(actor, "improvement.edit", orgIds),
      },
    ];
  });
}

/** A project with its links, measures and data points; a draft is not found unless the actor may read it. */
export async function getProject(db: Db, actor: Actor, slug: string): Promise<Project> {
  const { row, orgIds } = await readableRow(db, actor, slug);
  const [organisations, areas, actionLinks, indicators, measureRows] = await Promise.all([
    repo.listProjectOrganisations(db, [row.id]),
    repo.listProjectAreas(db, row.id),
    repo.listProjectActions(db, row.id),
    repo.listProjectIndicators(db, row.id),
    repo.listMeasures(db, row.id),
  ]);
  const points = await repo.listDataPoints(
    db,
    measureRows.map((m) => m.id),
  );
  // An action's words come from its route map's latest published edition; a link to an action no
  // longer in it is not shown.
  const themeIds = [...new Set(actionLinks.map((a) => a.theme_id))];
  const items = (await Promise.all(themeIds.map((id) => listCurrentItems(db, id)))).flat();
  const actions = actionLinks.flatMap((a) => {
    const item = items.find(
      (i) => i.section === "action" && i.theme_id === a.theme_id && i.key === a.action_key,
    );
    return item
      ? [
          {
            themeId: a.theme_id,
            themeSlug: a.theme_slug,
            themeName: a.theme_name,
            key: a.action_key,
            text: item.text,
          },
        ]
      : [];
  });
  return {
    ...toSummary(row),
    team: row.team,
    learned: row.learned,
    version: row.version,
    areas: areas.map((a) => ({ code: a.area_code, name: geographyName(a.area_code) })),
    organisations: organisations.map((o) => ({ id: o.id, slug: o.slug, name: o.name })),
    actions,
    indicators: indicators.filter((i) => i.published || can(actor, "indicator.read_private")),
    measures: measureRows.map((m) => ({
      id: m.id,
      kind: m.kind,
      name: m.name,
      unit: m.unit,
      better: m.better,
      baselinePoints: m.baseline_points,
      version: m.version,
      points: points
        .filter((p) => p.measure_id === m.id)
        .map((p): DataPoint => ({ id: p.id, date: p.date, value: p.value, annotation: p.annotation })),
    })),
    editable: mayFor(actor, "improvement.edit", orgIds),
  };
}

/** A project as its change form shows it: refused unless the actor may change it. */
export async function getProjectToChange(db: Db, actor: Actor, slug: string): Promise<Project> {
  await editableRow(db, actor, slug);
  return getProject(db, actor, slug);
}

/** What a project's form offers: council areas, organisations, current route-map actions and indicators. */
export async function getProjectChoices(db: Db, actor: Actor): Promise<ProjectChoices> {
  authorize(actor, "improvement.edit");
  const [organisations, items, indicators] = await Promise.all([
    listOrganisationSummaries(db),
    listCurrentItems(db),
    // An unpublished indicator is named only to those who may read it (indicator.read_private).
    repo.listIndicatorChoices(db, { all: can(actor, "indicator.read_private") }),
  ]);
  return {
    areas: GEOGRAPHIES.filter((g) => g.type === "council_area").map((g) => ({ code: g.code, name: g.name })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    actions: items
      .filter((i) => i.section === "action")
      .map((i) => ({ value: actionValue(i.theme_id, i.key), themeName: i.theme_name, text: i.text })),
    indicators,
  };
}

/** How a form names an action: its route map's id and its stable key. */
export function actionValue(themeId: number, key: string): string {
  return `${themeId}:${key}`;
}

export interface ProjectInput {
  title: Submitted;
  aimWhat: Submitted;
  aimHowMuch: Submitted;
  aimBy: { day: Submitted; month: Submitted; year: Submitted };
  team: Submitted;
  status: Submitted;
  learned: Submitted;
  /** "yes" when ticked. */
  published: Submitted;
  areas: string[];
  organisations: string[];
  actions: string[];
  indicators: string[];
}

interface CheckedProject {
  values: {
    title: string;
    aim_what: string;
    aim_how_much: string;
    aim_by: string;
    team: string;
    status: ProjectStatus;
    learned: string;
    published: boolean;
  };
  links: {
    areas: string[];
    organisations: number[];
    actions: Array<{ themeId: number; key: string }>;
    indicators: number[];
  };
}

/** Checks a project's answers, naming each field that needs correcting. */
async function checkProject(db: Db, actor: Actor, input: ProjectInput): Promise<CheckedProject> {
  const errors: FieldErrors = {};
  const title = checkText(errors, "title", input.title, short("project's name"));
  const aimWhat = checkText(errors, "aimWhat", input.aimWhat, paragraph("what the project will improve"));
  const aimHowMuch = checkText(errors, "aimHowMuch", input.aimHowMuch, short("how much it will improve"));
  const aimBy = checkDate(errors, "aimBy", input.aimBy, "Enter the date the aim is to be met by");
  const team = checkText(errors, "team", input.team, paragraph("team", optional));
  const learned = checkText(errors, "learned", input.learned, paragraph("what was learned", optional));
  const status = clean(input.status) as ProjectStatus;
  if (!PROJECT_STATUSES.includes(status)) refuse(errors, "status", "Choose the project's status");
  const published = input.published === undefined ? false : clean(input.published) === "yes";

  const areas = [...new Set(input.areas.map(clean))];
  if (areas.some((a) => !isCouncilArea(a))) refuse(errors, "areas", "Choose council areas from the list");

  const known = await getProjectChoices(db, actor);
  const orgIds = [...new Set(input.organisations.map(parseId))];
  if (orgIds.some((id) => id === null || !known.organisations.some((o) => o.id === id)))
    refuse(errors, "organisations", "Choose organisations from the list");
  else if (orgIds.length === 0)
    refuse(errors, "organisations", "Choose at least one organisation taking part");
  else if (!mayFor(actor, "improvement.edit", orgIds as number[]))
    refuse(errors, "organisations", "Include your own organisation among those taking part");

  const actionValues = [...new Set(input.actions.map(clean))];
  if (actionValues.some((v) => !known.actions.some((a) => a.value === v)))
    refuse(errors, "actions", "Choose route-map actions from the list");
  const indicatorIds = [...new Set(input.indicators.map(parseId))];
  if (indicatorIds.some((id) => id === null || !known.indicators.some((i) => i.id === id)))
    refuse(errors, "indicators", "Choose indicators from the list");
  throwIfInvalid(errors);

  return {
    values: {
      title,
      aim_what: aimWhat,
      aim_how_much: aimHowMuch,
      aim_by: aimBy as string,
      team,
      status,
      learned,
      published,
    },
    links: {
      areas: areas.sort(),
      organisations: (orgIds as number[]).sort((a, b) => a - b),
      actions: actionValues.map((v) => {
        const at = v.indexOf(":");
        return { themeId: Number(v.slice(0, at)), key: v.slice(at + 1) };
      }),
      indicators: (indicatorIds as number[]).sort((a, b) => a - b),
    },
  };
}

function auditRecord(checked: CheckedProject) {
  return { ...checked.values, ...checked.links };
}

async function auditedState(db: Db, row: ProjectRow) {
  const [areas, orgs, actions, indicators] = await Promise.all([
    repo.listProjectAreas(db, row.id),
    repo.listProjectOrganisations(db, [row.id]),
    repo.listProjectActions(db, row.id),
    repo.listProjectIndicators(db, row.id),
  ]);
  const { id: _id, slug: _slug, ...values } = withoutVersion(row);
  return {
    ...values,
    areas: areas.map((a) => a.area_code).sort(),
    organisations: orgs.map((o) => o.id).sort((a, b) => a - b),
    actions: actions.map((a) => ({ themeId: a.theme_id, key: a.action_key })),
    indicators: indicators.map((i) => i.id).sort((a, b) => a - b),
  };
}

/** Starts an improvement project; a contributor must name their own organisation. Returns its slug. */
export async function createProject(trx: Trx, actor: Actor, input: ProjectInput): Promise<string> {
  authorize(actor, "improvement.edit");
  const checked = await checkProject(trx, actor, input);
  const slug = await freeSlug(slugify(checked.values.title), (s) => repo.slugTaken(trx, s));
  const id = await repo.insertProject(trx, { slug, ...checked.values });
  await repo.setLinks(trx, id, checked.links);
  await recordAudit(trx, actor, {
    action: "improvement_project.create",
    entityType: "improvement_project",
    entityId: id,
    after: { slug, ...auditRecord(checked) },
  });
  return slug;
}

/**
 * Changes a project from a form made at `version`; if it has changed since, nothing is saved
 * (StaleVersionError). A contributor must keep their own organisation among those taking part.
 */
export async function changeProject(
  trx: Trx,
  actor: Actor,
  slug: string,
  version: number,
  input: ProjectInput,
): Promise<void> {
  const { row } = await editableRow(trx, actor, slug);
  if (!(await repo.takeProjectVersion(trx, row.id, version))) throw new StaleVersionError();
  const before = await auditedState(trx, row);
  const checked = await checkProject(trx, actor, input);
  // Links to unpublished indicators the actor may not see were not on their form: they stay.
  const hidden = before.indicators.filter((id) => !checked.links.indicators.includes(id));
  if (!can(actor, "indicator.read_private") && hidden.length > 0) {
    const unpublished = (await repo.listProjectIndicators(trx, row.id))
      .filter((i) => !i.published)
      .map((i) => i.id);
    checked.links.indicators = [
      ...checked.links.indicators,
      ...hidden.filter((id) => unpublished.includes(id)),
    ].sort((a, b) => a - b);
  }
  await repo.updateProject(trx, row.id, checked.values);
  await repo.setLinks(trx, row.id, checked.links);
  await recordAudit(trx, actor, {
    action: "improvement_project.change",
    entityType: "improvement_project",
    entityId: row.id,
    before,
    after: auditRecord(checked),
  });
}
