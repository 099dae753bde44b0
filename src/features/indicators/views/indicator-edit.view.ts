import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import {
  buttonForm,
  checkbox,
  errorOf,
  type FormContext,
  fieldId,
  longText,
  postForm,
  text,
  value,
} from "../../../platform/views/form-parts.ts";
import { button, hiddenField, notification, select } from "../../../platform/views/forms.ts";
import type { IndicatorMeta } from "../indicator.types.ts";
import { editIndicatorPath, problems, radioGroup } from "./edit-parts.ts";
import { indicatorPath } from "./format.ts";
import { indicatorForm, indicatorInitial, type OutcomeChoice } from "./indicator-form.view.ts";

// An indicator's editing page: its metadata (the indicator form), the experiential evidence beside
// it (add, change, remove) and the route-map actions meant to move it (link, unlink). Each part is
// its own form, so a refused one comes back with its errors and its input, the others as stored.

export interface EditableEvidence {
  id: number;
  kind: "quote" | "survey_finding";
  text: string;
  attribution: string;
  source: string;
  version: number;
}

export interface ActionChoice {
  id: number;
  text: string;
  routeMap: string;
}

export interface IndicatorEditModel {
  indicator: IndicatorMeta;
  version: number;
  outcomes: OutcomeChoice[];
  evidence: EditableEvidence[];
  links: Array<ActionChoice & { draft: boolean }>;
  linkable: ActionChoice[];
  csrfToken: string;
  saved?: string | undefined;
  state?: FormState | undefined;
}

const SAVED: Record<string, string> = {
  created: "The indicator has been added. It is not public until you publish it.",
  details: "The indicator's details have been saved.",
  "evidence-added": "The evidence has been added.",
  "evidence-saved": "The evidence has been saved.",
  "evidence-removed": "The evidence has been removed.",
  linked: "The action has been linked.",
  unlinked: "The action is no longer linked.",
};

const KIND_ITEMS = [
  { value: "quote", text: "A quote from a person" },
  { value: "survey_finding", text: "A survey finding" },
];

function short(textValue: string, length = 90): string {
  return textValue.length > length ? `${textValue.slice(0, length - 1)}…` : textValue;
}

function evidenceFields(context: FormContext): SafeHtml {
  return html`${problems(context, { kind: "quote" })}
  ${radioGroup(context, "kind", "Kind of evidence", KIND_ITEMS, { inline: true })}
  ${longText(context, "text", "Quote or finding", { rows: 4 })}
  ${text(context, "attribution", "Who said it (optional)", {
    hint: "Never a name: for example, a young person with care experience, aged 17",
    width: "fluid-two-thirds",
  })}
  ${text(context, "source", "Source (optional)", { hint: "For example, Care Experienced Survey 2024", width: "fluid-two-thirds" })}
  ${checkbox(context, "consented", "The person agreed to this being shared")}
  ${checkbox(context, "anonymised", "Names and details that could identify anyone have been removed")}`;
}

function evidenceSection(model: IndicatorEditModel, slug: string): SafeHtml {
  const base = `${editIndicatorPath(slug).replace(/\/edit$/, "")}/evidence`;
  const add: FormContext = { name: "evidence", csrfToken: model.csrfToken, state: model.state };
  return html`<section aria-labelledby="evidence">
  <h2 id="evidence">Experiential evidence</h2>
  <p>Quotes and survey findings shown beside the numbers. Only share what people agreed to share, with anything that could identify them removed.</p>
  ${model.evidence.map((e) => {
    const context: FormContext = {
      name: `evidence-${e.id}`,
      csrfToken: model.csrfToken,
      state: model.state,
      initial: { kind: e.kind, text: e.text, attribution: e.attribution, source: e.source },
    };
    return html`<div class="wm-evidence-item">
      <h3>${e.kind === "quote" ? "Quote" : "Survey finding"}: ${short(e.text, 60)}</h3>
      ${postForm(
        `${base}/${e.id}`,
        model.csrfToken,
        html`${hiddenField("version", e.version)}${evidenceFields(context)}
        ${button({ text: html`Save<span class="visually-hidden"> this evidence</span>`, variant: "secondary" })}`,
      )}
      ${buttonForm(
        `${base}/${e.id}/remove`,
        model.csrfToken,
        html`Remove<span class="visually-hidden"> this evidence</span>`,
        {
          version: String(e.version),
        },
      )}
    </div>`;
  })}
  <h3 id="add-evidence">Add evidence</h3>
  ${postForm(base, model.csrfToken, html`${evidenceFields(add)}${button({ text: "Add the evidence" })}`)}
</section>`;
}

function linksSection(model: IndicatorEditModel, slug: string): SafeHtml {
  const base = `${editIndicatorPath(slug).replace(/\/edit$/, "")}/actions`;
  const context: FormContext = { name: "link", csrfToken: model.csrfToken, state: model.state };
  const linked = new Set(model.links.map((l) => l.id));
  const choices = model.linkable.filter((a) => !linked.has(a.id));
  return html`<section aria-labelledby="actions">
  <h2 id="actions">Route-map actions meant to move it</h2>
  ${
    model.links.length === 0
      ? html`<p>No actions are linked yet.</p>`
      : table({
          caption: "Linked route-map actions",
          head: ["Action", "Route map", "Unlink"],
          rows: model.links.map((l) => [
            l.text,
            html`${l.routeMap}${l.draft ? html` ${tag("Draft", "grey")}` : ""}`,
            buttonForm(
              `${base}/${l.id}/remove`,
              model.csrfToken,
              html`Unlink<span class="visually-hidden"> ${short(l.text, 60)}</span>`,
            ),
          ]),
        })
  }
  ${
    choices.length === 0
      ? html`<p>There are no more route-map actions to link.</p>`
      : postForm(
          base,
          model.csrfToken,
          html`${problems(context)}${select({
            id: fieldId(context, "action"),
            name: "action",
            label: "Link an action",
            hint: "Actions from the newest edition of each route map",
            placeholder: "Choose an action",
            value: value(context, "action"),
            error: errorOf(context, "action"),
            options: choices.map((a) => ({ value: String(a.id), text: `${a.routeMap}: ${short(a.text)}` })),
          })}${button({ text: "Link the action", variant: "secondary" })}`,
        )
  }
</section>`;
}

export function indicatorEditView(model: IndicatorEditModel): SafeHtml {
  const m = model.indicator;
  const context: FormContext = {
    name: "indicator",
    csrfToken: model.csrfToken,
    state: model.state,
    initial: indicatorInitial(m),
  };
  return html`${pageHeader({ label: "Change an indicator", title: m.title })}
  ${model.saved && SAVED[model.saved] ? notification(SAVED[model.saved]!) : ""}
  <p>${m.published ? tag("Published", "green") : tag("Not published", "grey")} <a href="${indicatorPath(m.slug)}">See the indicator's page</a> · <a href="/manage/indicators/${encodeURIComponent(m.slug)}/upload">Load data</a></p>
  <section aria-labelledby="details"><h2 id="details">Details</h2>
  ${indicatorForm(context, {
    action: editIndicatorPath(m.slug),
    outcomes: model.outcomes,
    version: model.version,
    submit: "Save the details",
  })}</section>
  ${evidenceSection(model, m.slug)}
  ${linksSection(model, m.slug)}`;
}
