import { html, type SafeHtml } from "../../../platform/html.ts";
import { checkboxes } from "../../../platform/views/components/checkboxes.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import {
  button,
  csrfField,
  dateInput,
  dateInputId,
  errorSummary,
  radioId,
  radios,
  textInput,
} from "../../../platform/views/forms.ts";
import type { RoundForm } from "../round.service.ts";
import type { RoundSummary } from "../round.types.ts";
import { completionWords } from "../round.words.ts";
import { dueWords, roundPath, roundState, scopeWords } from "./round-parts.ts";

// The programme team's list of reporting rounds, and the form that opens one.

export function roundsView(rounds: RoundSummary[]): SafeHtml {
  return html`${pageHeader({ title: "Reporting rounds" })}
  <p>A reporting round asks every organisation named on some or all route-map actions for an update by a due date. Waymark emails their contributors reminders before and after that date, and shows who has answered.</p>
  <p><a class="ds_button" href="/rounds/new">Open a reporting round</a></p>
  ${
    rounds.length === 0
      ? html`<p>No reporting round has been opened yet.</p>`
      : table({
          caption: "Reporting rounds, open ones first",
          head: ["Round", "Due", "Route maps", "Answered", "State"],
          rows: rounds.map((r) => [
            html`<a href="${roundPath(r.id)}">${r.title}</a>`,
            dueWords(r),
            scopeWords(r),
            completionWords(r.totals.answered, r.totals.owed, r.totals.percent),
            roundState(r),
          ]),
          rowHeaders: true,
          smallscreen: "boxes",
        })
  }`;
}

export interface RoundFormModel {
  form: RoundForm;
  csrfToken: string;
  values?: Record<string, string | string[] | undefined>;
  errors?: Record<string, string>;
}

const FIELD_IDS: Record<string, string> = {
  title: "title",
  dueDate: dateInputId("due"),
  scope: radioId("scope", "all"),
  themes: "themes-0",
  daysBefore: "daysBefore",
  daysAfter: "daysAfter",
};

export function newRoundTitle(model: RoundFormModel): string {
  return `${Object.keys(model.errors ?? {}).length > 0 ? "Error: " : ""}Open a reporting round`;
}

export function newRoundView(model: RoundFormModel): SafeHtml {
  const errors = model.errors ?? {};
  const values = model.values ?? {};
  const one = (name: string, fallback = ""): string => {
    const v = values[name];
    return typeof v === "string" ? v : fallback;
  };
  const themes = new Set(Array.isArray(values.themes) ? values.themes : values.themes ? [values.themes] : []);
  return html`${errorSummary({
    errors: Object.entries(errors).map(([name, message]) => ({
      href: `#${FIELD_IDS[name] ?? name}`,
      message,
    })),
  })}
  ${pageHeader({ title: "Open a reporting round" })}
  <p>Every organisation named on the actions you choose, itself or through its sector, will be asked for an update on each of them. Its contributors see what they owe on their progress page.</p>
  <form method="post" action="/rounds" novalidate>
    ${csrfField(model.csrfToken)}
    ${textInput({
      id: "title",
      name: "title",
      label: "Name of the round",
      hint: "For example, Autumn 2026 update",
      value: one("title"),
      error: errors.title,
    })}
    ${dateInput({
      name: "due",
      legend: "When updates are due",
      hint: "For example, 31 10 2026",
      error: errors.dueDate,
      value: { day: one("due-day"), month: one("due-month"), year: one("due-year") },
    })}
    ${radios({
      idPrefix: "scope",
      name: "scope",
      legend: "Which actions the round asks about",
      error: errors.scope,
      value: one("scope", "all"),
      items: [
        { value: "all", text: "Every action in every route map" },
        { value: "chosen", text: "The actions in the route maps I choose below" },
      ],
    })}
    ${checkboxes({
      idPrefix: "themes",
      name: "themes",
      legend: "Route maps",
      hint: "Only if you chose the route maps. The number is how many of each route map's actions name an organisation or sector.",
      error: errors.themes,
      items: model.form.themes.map((t) => ({
        value: String(t.id),
        text: `${t.name} (${t.foundationName}): ${t.named} ${t.named === 1 ? "action" : "actions"}`,
        checked: themes.has(String(t.id)),
      })),
    })}
    <h2>Reminders by email</h2>
    ${textInput({
      id: "daysBefore",
      name: "daysBefore",
      label: "Days before the due date",
      hint: "Whole numbers separated by commas, like 14, 3. Leave it empty for no reminders before.",
      value: one("daysBefore", "14, 3"),
      error: errors.daysBefore,
      width: "fixed-10",
    })}
    ${textInput({
      id: "daysAfter",
      name: "daysAfter",
      label: "Days after the due date, to those who have not answered",
      hint: "Like 1, 7. Leave it empty for no reminders after.",
      value: one("daysAfter", "1, 7"),
      error: errors.daysAfter,
      width: "fixed-10",
    })}
    ${button({ text: "Open the round" })}
  </form>`;
}
