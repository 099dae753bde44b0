import { fullDate } from "../../../platform/dates.ts";
import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { checkboxes } from "../../../platform/views/components/checkboxes.ts";
import { insetText } from "../../../platform/views/components/inset-text.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import {
  buttonForm,
  checkbox,
  date,
  errorOf,
  type FormContext,
  fieldId,
  fileField,
  hintWith,
  longText,
  postForm,
  stateOf,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, errorLinks, errorSummary, hiddenField, select } from "../../../platform/views/forms.ts";
import { formatNumber } from "../../../platform/views/text.ts";
import {
  MANAGE_IMPROVEMENT_PATH,
  manageMeasurePath,
  manageProjectPath,
  projectPath,
} from "../improvement.paths.ts";
import {
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  type Measure,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type Project,
  type ProjectChoices,
  type ProjectSummary,
} from "../improvement.types.ts";
import { readRunChart } from "../run-chart.ts";

// The editors' pages: the projects one may change, a project's form (with its measures and the
// form that adds one), and a measure's page (its details, the form that adds a data point, the
// points with a button to remove each, and the run chart's reading in words).

/** The multi-choice fields of a project's form, each a set of ticked values. */
export interface ProjectChosen {
  areas: string[];
  organisations: string[];
  actions: string[];
  indicators: string[];
}

const MULTI = new Set(["areas", "organisations", "actions", "indicators"]);

function linkTo(context: FormContext, field: string): string {
  return MULTI.has(field) ? `${context.name}-${field}-0` : fieldId(context, field);
}

function problems(context: FormContext): SafeHtml {
  const state = stateOf(context);
  if (!state) return html``;
  return errorSummary({
    description: state.conflict,
    errors: errorLinks(state.errors as FieldErrors, (field) => linkTo(context, field)),
  });
}

function choice(
  context: FormContext,
  field: string,
  label: string,
  options: Array<{ value: string; text: string }>,
  hint?: string,
): SafeHtml {
  return select({
    id: fieldId(context, field),
    name: field,
    label,
    hint: hintWith(context, field, hint),
    error: errorOf(context, field),
    value: value(context, field),
    options,
  });
}

export function manageListView(
  projects: Array<ProjectSummary & { organisations: string[]; editable: boolean }>,
): SafeHtml {
  return html`${pageHeader({ title: "Improvement projects" })}
  <p><a class="ds_button" href="${MANAGE_IMPROVEMENT_PATH}/new">Start an improvement project</a></p>
  ${
    projects.length === 0
      ? html`<p>There are no improvement projects you can change yet.</p>`
      : table({
          caption: "Improvement projects you can see",
          head: ["Project", "Status", "Taking part", "Public"],
          rows: projects.map((p) => [
            p.editable
              ? html`<a href="${manageProjectPath(p.slug)}">${p.title}</a>`
              : html`<a href="${projectPath(p.slug)}">${p.title}</a>`,
            PROJECT_STATUS_LABELS[p.status],
            p.organisations.join(", "),
            p.published ? "Published" : tag("Draft", "orange"),
          ]),
          rowHeaders: true,
        })
  }`;
}

/** What the project form starts from: the project as saved, or nothing. */
export function projectInitial(project: Project | undefined): {
  values: Record<string, string>;
  chosen: ProjectChosen;
} {
  if (!project)
    return {
      values: { status: "planned" },
      chosen: { areas: [], organisations: [], actions: [], indicators: [] },
    };
  return {
    values: {
      title: project.title,
      aimWhat: project.aim.what,
      aimHowMuch: project.aim.howMuch,
      aimBy: project.aim.by,
      team: project.team,
      status: project.status,
      learned: project.learned,
      published: project.published ? "yes" : "",
    },
    chosen: {
      areas: project.areas.map((a) => a.code),
      organisations: project.organisations.map((o) => String(o.id)),
      actions: project.actions.map((a) => `${a.themeId}:${a.key}`),
      indicators: project.indicators.map((i) => String(i.id)),
    },
  };
}

export interface ProjectFormModel {
  csrfToken: string;
  choices: ProjectChoices;
  project?: Project | undefined;
  state?: FormState | undefined;
  /** The ticked choices as posted, when the form came back. */
  chosen?: ProjectChosen | undefined;
  measureState?: FormState | undefined;
  saved?: string | undefined;
}

function projectForm(model: ProjectFormModel): SafeHtml {
  const p = model.project;
  const initial = projectInitial(p);
  const context: FormContext = {
    name: "project",
    csrfToken: model.csrfToken,
    state: model.state,
    initial: initial.values,
    dates: ["aimBy"],
    showSaved: true,
    savedWords: { status: p ? PROJECT_STATUS_LABELS[p.status] : "" },
  };
  const chosen = model.chosen ?? initial.chosen;
  const ticks = (field: keyof ProjectChosen, items: Array<{ value: string; text: string }>) =>
    items.map((i) => ({ ...i, checked: chosen[field].includes(i.value) }));
  return postForm(
    p ? manageProjectPath(p.slug) : MANAGE_IMPROVEMENT_PATH,
    model.csrfToken,
    html`${problems(context)}
    ${p ? hiddenField("version", p.version) : ""}
    ${text(context, "title", "Project name", { hint: "Short and plain, for example Fewer moves between homes." })}
    <h2>The aim</h2>
    ${longText(context, "aimWhat", "What will get better, and for whom", { rows: 3 })}
    ${text(context, "aimHowMuch", "By how much", { hint: "For example, from 40 moves a year to 20." })}
    ${date(context, "aimBy", "By when", "For example, 31 3 2026")}
    <h2>Who and where</h2>
    ${longText(context, "team", "The team", { hint: "Who is doing the work. Do not name children or young people.", rows: 3 })}
    ${checkboxes({
      idPrefix: "project-organisations",
      name: "organisations",
      legend: "Organisations taking part",
      hint: "Their contributors can change this project and add data.",
      error: errorOf(context, "organisations"),
      items: ticks(
        "organisations",
        model.choices.organisations.map((o) => ({ value: String(o.id), text: o.name })),
      ),
    })}
    ${checkboxes({
      idPrefix: "project-areas",
      name: "areas",
      legend: "Council areas",
      hint: "Choose none if it is Scotland-wide.",
      error: errorOf(context, "areas"),
      items: ticks(
        "areas",
        model.choices.areas.map((a) => ({ value: a.code, text: a.name })),
      ),
    })}
    <h2>What it serves</h2>
    ${checkboxes({
      idPrefix: "project-actions",
      name: "actions",
      legend: "Route-map actions it serves",
      error: errorOf(context, "actions"),
      items: ticks(
        "actions",
        model.choices.actions.map((a) => ({ value: a.value, text: `${a.themeName}: ${a.text}` })),
      ),
    })}
    ${checkboxes({
      idPrefix: "project-indicators",
      name: "indicators",
      legend: "Indicators it hopes to move",
      error: errorOf(context, "indicators"),
      items: ticks(
        "indicators",
        model.choices.indicators.map((i) => ({ value: String(i.id), text: i.title })),
      ),
    })}
    <h2>How it is going</h2>
    ${choice(
      context,
      "status",
      "Status",
      PROJECT_STATUSES.map((s) => ({ value: s, text: PROJECT_STATUS_LABELS[s] })),
    )}
    ${longText(context, "learned", "What was learned", { hint: "What worked, what did not, and what you would tell others.", rows: 5 })}
    ${checkbox(context, "published", "Publish this project: anyone can read it")}
    ${button({ text: p ? "Save the project" : "Start the project" })}`,
  );
}

function measureFields(context: FormContext): SafeHtml {
  return html`${choice(
    context,
    "kind",
    "Kind of measure",
    MEASURE_KINDS.map((k) => ({ value: k, text: MEASURE_KIND_LABELS[k] })),
    "Outcome: are things better for people? Process: are the changes being made? Balancing: is anything else getting worse?",
  )}
  ${text(context, "name", "Name", { hint: "For example, Placement moves each month." })}
  ${text(context, "unit", "Unit", { hint: "For example, moves, per cent or days.", width: "fixed-20" })}
  ${choice(context, "better", "Which way is better", [
    { value: "up", text: "A higher number is better" },
    { value: "down", text: "A lower number is better" },
  ])}
  ${text(context, "baselinePoints", "How many of the first points the median is taken from", {
    hint: "Usually 12. If there are fewer, all of them are used.",
    width: "fixed-5",
  })}`;
}

export function projectFormView(model: ProjectFormModel): SafeHtml {
  const p = model.project;
  if (!p)
    return html`${pageHeader({ title: "Start an improvement project" })}
    <p>Say what you want to improve, by how much and by when. You can add measures once it is started.</p>
    ${projectForm(model)}`;
  const measureContext: FormContext = {
    name: "measure",
    csrfToken: model.csrfToken,
    state: model.measureState,
    initial: { baselinePoints: "12", kind: "outcome", better: "up" },
  };
  return html`${pageHeader({ title: `Change ${p.title}` })}
  ${model.saved ? insetText(html`<p>${model.saved}</p>`) : ""}
  <p><a href="${projectPath(p.slug)}">See the project's page</a>${p.published ? "" : " (a draft: only people who may see drafts can)"}.</p>
  <h2>Measures</h2>
  ${
    p.measures.length === 0
      ? html`<p>No measures yet. Add one below.</p>`
      : html`<ul>${p.measures.map(
          (m) =>
            html`<li><a href="${manageMeasurePath(p.slug, m.id)}">${m.name}</a> (${MEASURE_KIND_LABELS[m.kind].toLowerCase()}, ${m.points.length} values): add data</li>`,
        )}</ul>`
  }
  <h2 id="add-measure">Add a measure</h2>
  ${postForm(
    `${manageProjectPath(p.slug)}/measures`,
    model.csrfToken,
    html`${problems(measureContext)}${measureFields(measureContext)}${button({ text: "Add the measure" })}`,
  )}
  <h2 id="project">The project</h2>
  ${projectForm(model)}`;
}

export interface MeasurePageModel {
  csrfToken: string;
  project: Project;
  measure: Measure;
  measureState?: FormState | undefined;
  pointState?: FormState | undefined;
  fileState?: FormState | undefined;
  saved?: string | undefined;
}

export function measurePageView(model: MeasurePageModel): SafeHtml {
  const { project, measure } = model;
  const chart = readRunChart(measure.points, { baseline: measure.baselinePoints, better: measure.better });
  const base = manageMeasurePath(project.slug, measure.id);
  const pointContext: FormContext = {
    name: "point",
    csrfToken: model.csrfToken,
    state: model.pointState,
    dates: ["date"],
  };
  const fileContext: FormContext = { name: "file", csrfToken: model.csrfToken, state: model.fileState };
  const measureContext: FormContext = {
    name: "measure",
    csrfToken: model.csrfToken,
    state: model.measureState,
    initial: {
      kind: measure.kind,
      name: measure.name,
      unit: measure.unit,
      better: measure.better,
      baselinePoints: String(measure.baselinePoints),
    },
    showSaved: true,
  };
  return html`${pageHeader({ title: measure.name, label: project.title })}
  ${model.saved ? insetText(html`<p>${model.saved}</p>`) : ""}
  ${insetText(html`<p><strong>What the run chart shows now:</strong> ${chart.words}</p>`)}
  <p><a href="${projectPath(project.slug)}#measure-${measure.id}">See the run chart on the project's page</a></p>
  <h2 id="add-point">Add a value</h2>
  <p>Adding a value for a date that already has one replaces it.</p>
  ${postForm(
    `${base}/points`,
    model.csrfToken,
    html`${problems(pointContext)}${hiddenField("version", measure.version)}
    ${date(pointContext, "date", "Date the value is for", "For example, 1 3 2024 for March 2024")}
    ${text(pointContext, "value", `Value (${measure.unit})`, { width: "fixed-10" })}
    ${text(pointContext, "annotation", "Change made (optional)", { hint: "A change you tested around this date, for example: weekly check-ins began." })}
    ${button({ text: "Add the value" })}`,
  )}
  <h2 id="load-file">Add values from a file</h2>
  <p>A CSV file or an Excel workbook (.xlsx) with a first row naming the columns <strong>date</strong> (written like 2024-03-01) and <strong>value</strong>, and, if you want, <strong>change made</strong>. This measure's CSV download can be sent back as it is. If any row has a problem, nothing is saved and each row is named.</p>
  ${postForm(
    `${base}/file`,
    model.csrfToken,
    html`${problems(fileContext)}${hiddenField("version", measure.version)}
    ${fileField(fileContext, "file", "File of values", { hint: "CSV or XLSX, 1 MB at most.", accept: ".csv,.xlsx" })}
    ${button({ text: "Add the values in the file", variant: "secondary" })}`,
    { multipart: true },
  )}
  <h2>The values</h2>
  ${
    measure.points.length === 0
      ? html`<p>No values yet.</p>`
      : table({
          caption: `${measure.name}: the values`,
          head: ["Date", measure.unit, "Change made", "Remove"],
          rows: measure.points.map((p) => [
            fullDate(p.date),
            formatNumber(p.value),
            p.annotation,
            buttonForm(
              `${base}/points/${p.id}/remove`,
              model.csrfToken,
              html`Remove<span class="ds_visually-hidden"> the value for ${fullDate(p.date)}</span>`,
              {
                version: String(measure.version),
              },
            ),
          ]),
          rowHeaders: true,
        })
  }
  <h2 id="measure">About the measure</h2>
  ${postForm(
    base,
    model.csrfToken,
    html`${problems(measureContext)}${hiddenField("version", measure.version)}${measureFields(measureContext)}${button({ text: "Save the measure" })}`,
  )}
  <p><a href="${manageProjectPath(project.slug)}">Back to ${project.title}</a></p>`;
}
