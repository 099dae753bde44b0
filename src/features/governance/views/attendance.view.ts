import { attr, html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { button, errorLinks, errorSummary } from "../../../platform/views/forms.ts";
import { manageMeetingPath } from "../governance.paths.ts";
import type { Attendance, Meeting } from "../governance.types.ts";
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES } from "../governance.types.ts";
import { manageMeetingTitle } from "./manage-meeting.view.ts";

// Recording attendance: one row per person, in the order the minutes will list them. Blank rows
// are skipped; "Add more rows" shows the form again with ten more, keeping what was typed.

export const MORE_ROWS = 10;

type RowValues = {
  person: string;
  organisation: string;
  status: string;
  deputisedBy: string;
  coChair: string;
};

function fromAttendance(a: Attendance): RowValues {
  return {
    person: a.person.name,
    organisation: a.organisation?.name ?? "",
    status: a.status,
    deputisedBy: a.deputisedBy?.name ?? "",
    coChair: a.coChair ? "yes" : "",
  };
}

const id = (field: string, n: number) => `attendance-${field}-${n}`;

function row(n: number, values: RowValues, errors: Record<string, string>): SafeHtml {
  const input = (field: keyof RowValues, label: string) => {
    const error = errors[`${field}-${n}`];
    return html`<div class="ds_question${error ? " ds_question--error" : ""} wm-attendance__field">
      <label class="ds_label" for="${id(field, n)}">${label}</label>
      ${error ? html`<p class="ds_question__error-message" id="${id(field, n)}-error">${error}</p>` : ""}
      <input class="ds_input${error ? " ds_input--error" : ""}" type="text" id="${id(field, n)}" name="${field}-${n}" value="${values[field]}"${attr("aria-invalid", error ? "true" : undefined)}${attr("aria-describedby", error ? `${id(field, n)}-error` : undefined)}>
    </div>`;
  };
  const statusError = errors[`status-${n}`];
  return html`<fieldset class="wm-attendance__row">
    <legend>Person ${n}</legend>
    ${input("person", "Name")}
    ${input("organisation", "Organisation")}
    <div class="ds_question${statusError ? " ds_question--error" : ""} wm-attendance__field">
      <label class="ds_label" for="${id("status", n)}">Attendance</label>
      ${statusError ? html`<p class="ds_question__error-message" id="${id("status", n)}-error">${statusError}</p>` : ""}
      <div class="ds_select-wrapper">
        <select class="ds_select" id="${id("status", n)}" name="status-${n}"${attr("aria-describedby", statusError ? `${id("status", n)}-error` : undefined)}>
          ${ATTENDANCE_STATUSES.map((s) => html`<option value="${s}"${attr("selected", (values.status || "present") === s)}>${ATTENDANCE_LABELS[s]}</option>`)}
        </select>
        <span class="ds_select-arrow" aria-hidden="true"></span>
      </div>
    </div>
    ${input("deputisedBy", "Deputy who came instead")}
    <div class="ds_checkbox ds_checkbox--small">
      <input class="ds_checkbox__input" type="checkbox" id="${id("coChair", n)}" name="coChair-${n}" value="yes"${attr("checked", values.coChair === "yes")}>
      <label class="ds_checkbox__label" for="${id("coChair", n)}">Chaired the meeting</label>
    </div>
  </fieldset>`;
}

/** How many rows a submitted form had: the highest n of any "person-n" field. */
export function rowCount(values: Record<string, string | undefined>): number {
  let max = 0;
  for (const key of Object.keys(values)) {
    const match = /^(?:person|organisation|status|deputisedBy|coChair)-(\d{1,4})$/.exec(key);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max;
}

export function attendanceView(model: {
  meeting: Meeting;
  csrfToken: string;
  state?: FormState | undefined;
  /** How many rows to show (at least the rows recorded or submitted, plus blanks). */
  rows?: number;
}): SafeHtml {
  const { meeting, state } = model;
  const errors = state?.errors ?? {};
  const values = (n: number): RowValues => {
    if (state)
      return {
        person: state.values[`person-${n}`] ?? "",
        organisation: state.values[`organisation-${n}`] ?? "",
        status: state.values[`status-${n}`] ?? "",
        deputisedBy: state.values[`deputisedBy-${n}`] ?? "",
        coChair: state.values[`coChair-${n}`] ?? "",
      };
    const recorded = meeting.attendance[n - 1];
    return recorded
      ? fromAttendance(recorded)
      : { person: "", organisation: "", status: "", deputisedBy: "", coChair: "" };
  };
  const count = model.rows ?? meeting.attendance.length + MORE_ROWS;
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  return html`${pageHeader({ label: "Attendance", title: manageMeetingTitle(meeting) })}
  ${errorSummary({
    description: state?.conflict,
    errors: errorLinks(errors, (field) => {
      const [name, n] = field.split("-");
      return id(name ?? "person", Number(n ?? 1));
    }),
  })}
  <p>One row per person, in the order the minutes should list them. Leave a row empty to skip it. People and organisations new to Waymark are added as you save.</p>
  <form method="post" action="${manageMeetingPath(meeting.id)}/attendance" novalidate>
    <input type="hidden" name="_csrf" value="${model.csrfToken}">
    <input type="hidden" name="rows" value="${count}">
    ${numbers.map((n) => row(n, values(n), errors))}
    <div class="ds_button-group">
      ${button({ text: "Save the attendance" })}
      ${button({ text: `Add ${MORE_ROWS} more rows`, variant: "secondary", name: "more", value: "yes" })}
    </div>
  </form>
  <p><a href="${manageMeetingPath(meeting.id)}">Back to the meeting</a></p>`;
}
