import type { FieldErrors } from "../errors.ts";
import { attr, html, type SafeHtml } from "../html.ts";

/**
 * Form components with the Scottish Government Design System's markup (it ships CSS and JS but
 * no templates). One function per component; every value is escaped by the `html` tag. Field
 * components take the element `id` separately from the form `name`, because one page may carry
 * several forms with the same field names (ids must stay unique on the page).
 */

export interface ErrorLink {
  /** "#field-id": the element the link moves focus to. */
  href: string;
  message: string;
}

/** Turns field errors into error-summary links, in the order the fields appear. */
export function errorLinks(errors: FieldErrors, fieldId: (name: string) => string): ErrorLink[] {
  return Object.entries(errors).map(([name, message]) => ({ href: `#${fieldId(name)}`, message }));
}

export interface ErrorSummaryOptions {
  /** Defaults to "There is a problem". */
  title?: string;
  /** A sentence under the title, e.g. why a save was refused. */
  description?: SafeHtml | string;
  errors: ErrorLink[];
}

/** The error summary at the top of a page whose form has errors: each message links to its field. */
export function errorSummary(options: ErrorSummaryOptions): SafeHtml {
  if (options.errors.length === 0 && !options.description) return html``;
  return html`<div class="ds_error-summary" id="error-summary" aria-labelledby="error-summary-title" role="alert">
  <h2 class="ds_error-summary__title" id="error-summary-title">${options.title ?? "There is a problem"}</h2>
  ${options.description ? html`<p>${options.description}</p>` : ""}
  ${
    options.errors.length > 0
      ? html`<ul class="ds_error-summary__list">
    ${options.errors.map((e) => html`<li><a href="${e.href}">${e.message}</a></li>`)}
  </ul>`
      : ""
  }
</div>`;
}

/** The page title for a form page: "Error: " first when the form has errors, as screen readers read it first. */
export function formTitle(title: string, hasErrors: boolean): string {
  return hasErrors ? `Error: ${title}` : title;
}

export function label(forId: string, text: string | SafeHtml): SafeHtml {
  return html`<label class="ds_label" for="${forId}">${text}</label>`;
}

export function hint(id: string, text: string | SafeHtml): SafeHtml {
  return html`<p class="ds_hint-text" id="${id}">${text}</p>`;
}

export function errorMessage(id: string, message: string): SafeHtml {
  return html`<p class="ds_question__error-message" id="${id}">${message}</p>`;
}

/** The question wrapper: groups a field with its label, hint and error, red-lined when in error. */
export function question(error: string | undefined, content: SafeHtml): SafeHtml {
  return html`<div class="ds_question${error ? " ds_question--error" : ""}">${content}</div>`;
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(" ") : undefined;
}

export interface FieldOptions {
  /** The element id, unique on the page. */
  id: string;
  /** The form field name the server reads. */
  name: string;
  label: string | SafeHtml;
  hint?: string | SafeHtml | undefined;
  error?: string | undefined;
}

type InputWidth =
  | "fixed-2"
  | "fixed-3"
  | "fixed-4"
  | "fixed-5"
  | "fixed-10"
  | "fixed-20"
  | "fluid-one-quarter"
  | "fluid-one-third"
  | "fluid-half"
  | "fluid-two-thirds"
  | "fluid-three-quarters";

export interface TextInputOptions extends FieldOptions {
  value?: string | undefined;
  type?: "text" | "email" | "url" | "tel" | "search";
  width?: InputWidth;
  inputmode?: "numeric" | "text";
  autocomplete?: string;
  spellcheck?: boolean;
}

function fieldParts(o: FieldOptions): { hintId: string | false; errorId: string | false; top: SafeHtml } {
  const hintId = o.hint !== undefined && `${o.id}-hint`;
  const errorId = o.error !== undefined && `${o.id}-error`;
  return {
    hintId,
    errorId,
    top: html`${label(o.id, o.label)}
    ${hintId ? hint(hintId, o.hint!) : ""}
    ${errorId ? errorMessage(errorId, o.error!) : ""}`,
  };
}

/** A one-line text input in its question wrapper. */
export function textInput(o: TextInputOptions): SafeHtml {
  const { hintId, errorId, top } = fieldParts(o);
  const classes = `ds_input${o.width ? ` ds_input--${o.width}` : ""}${o.error ? " ds_input--error" : ""}`;
  return question(
    o.error,
    html`${top}
    <input class="${classes}" type="${o.type ?? "text"}" id="${o.id}" name="${o.name}" value="${o.value ?? ""}"${attr(
      "inputmode",
      o.inputmode,
    )}${attr("autocomplete", o.autocomplete)}${attr("spellcheck", o.spellcheck === undefined ? undefined : String(o.spellcheck))}${attr(
      "aria-invalid",
      o.error ? "true" : undefined,
    )}${attr("aria-describedby", describedBy(hintId, errorId))}>`,
  );
}

export interface TextareaOptions extends FieldOptions {
  value?: string | undefined;
  rows?: number;
}

/** A multi-line text field in its question wrapper. */
export function textarea(o: TextareaOptions): SafeHtml {
  const { hintId, errorId, top } = fieldParts(o);
  return question(
    o.error,
    html`${top}
    <textarea class="ds_input${o.error ? " ds_input--error" : ""}" id="${o.id}" name="${o.name}" rows="${o.rows ?? 4}"${attr(
      "aria-invalid",
      o.error ? "true" : undefined,
    )}${attr("aria-describedby", describedBy(hintId, errorId))}>${
      // A leading newline would be swallowed by the HTML parser: keep it by adding one.
      (o.value ?? "").startsWith("\n") ? `\n${o.value}` : (o.value ?? "")
    }</textarea>`,
  );
}

export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

export interface SelectOptions extends FieldOptions {
  value?: string | undefined;
  options: Choice[];
  /** A first option with an empty value, e.g. "Choose a sector". */
  placeholder?: string;
}

/** A drop-down list in its question wrapper. */
export function select(o: SelectOptions): SafeHtml {
  const { hintId, errorId, top } = fieldParts(o);
  return question(
    o.error,
    html`${top}
    <div class="ds_select-wrapper">
      <select class="ds_select${o.error ? " ds_select--error" : ""}" id="${o.id}" name="${o.name}"${attr(
        "aria-invalid",
        o.error ? "true" : undefined,
      )}${attr("aria-describedby", describedBy(hintId, errorId))}>
        ${o.placeholder !== undefined ? html`<option value="">${o.placeholder}</option>` : ""}
        ${o.options.map((c) => html`<option value="${c.value}"${attr("selected", c.value === o.value)}>${c.text}</option>`)}
      </select>
      <span class="ds_select-arrow" aria-hidden="true"></span>
    </div>`,
  );
}

export interface RadiosOptions {
  /** Prefix for the radio ids: the first radio is `${idPrefix}-${first value}`. */
  idPrefix: string;
  name: string;
  legend: string | SafeHtml;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  items: Choice[];
  inline?: boolean;
  small?: boolean;
}

/** The id of one radio, so an error summary can link to the first. */
export function radioId(idPrefix: string, value: string): string {
  return `${idPrefix}-${value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** A group of radio buttons in a fieldset with its legend. */
export function radios(o: RadiosOptions): SafeHtml {
  const hintId = o.hint !== undefined && `${o.idPrefix}-hint`;
  const errorId = o.error !== undefined && `${o.idPrefix}-error`;
  return question(
    o.error,
    html`<fieldset${attr("aria-describedby", describedBy(hintId, errorId))}>
      <legend>${o.legend}</legend>
      ${hintId ? hint(hintId, o.hint!) : ""}
      ${errorId ? errorMessage(errorId, o.error!) : ""}
      <div class="ds_field-group${o.inline ? " ds_field-group--inline" : ""}">
        ${o.items.map((item) => {
          const id = radioId(o.idPrefix, item.value);
          return html`<div class="ds_radio${o.small ? " ds_radio--small" : ""}">
          <input class="ds_radio__input" type="radio" id="${id}" name="${o.name}" value="${item.value}"${attr(
            "checked",
            item.value === o.value,
          )}${attr("aria-describedby", item.hint ? `${id}-hint` : undefined)}>
          <label class="ds_radio__label" for="${id}">${item.text}</label>
          ${item.hint ? hint(`${id}-hint`, item.hint) : ""}
        </div>`;
        })}
      </div>
    </fieldset>`,
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateInputOptions {
  /** The fields are named and identified `${name}-day`, `${name}-month`, `${name}-year`. */
  name: string;
  legend: string | SafeHtml;
  hint?: string | SafeHtml;
  error?: string | undefined;
  value?: DateParts | undefined;
}

/** The id an error summary links to for a date: its day field. */
export function dateInputId(name: string): string {
  return `${name}-day`;
}

/** A memorable date as three boxes (day, month, year) in a fieldset, as the design system sets it out. */
export function dateInput(o: DateInputOptions): SafeHtml {
  const hintId = `${o.name}-hint`;
  const errorId = o.error !== undefined && `${o.name}-error`;
  const part = (key: keyof DateParts, text: string, width: InputWidth) => html`<div>
        ${label(`${o.name}-${key}`, text)}
        <input class="ds_input ds_input--${width}${o.error ? " ds_input--error" : ""}" type="text" inputmode="numeric" id="${o.name}-${key}" name="${o.name}-${key}" value="${o.value?.[key] ?? ""}"${attr(
          "aria-invalid",
          o.error ? "true" : undefined,
        )}>
      </div>`;
  return question(
    o.error,
    html`<fieldset aria-describedby="${describedBy(hintId, errorId)}">
      <legend>${o.legend}</legend>
      ${hint(hintId, o.hint ?? "For example, 1 12 2025")}
      ${errorId ? errorMessage(errorId, o.error!) : ""}
      <div class="ds_field-group ds_field-group--inline">
        ${part("day", "Day", "fixed-2")}
        ${part("month", "Month", "fixed-2")}
        ${part("year", "Year", "fixed-4")}
      </div>
    </fieldset>`,
  );
}

export interface ButtonOptions {
  text: string | SafeHtml;
  variant?: "primary" | "secondary" | "cancel";
  small?: boolean;
  type?: "submit" | "button";
  name?: string;
  value?: string;
}

/** A button; `submit` unless told otherwise. */
export function button(o: ButtonOptions): SafeHtml {
  const classes = [
    "ds_button",
    o.variant === "secondary" ? "ds_button--secondary" : "",
    o.variant === "cancel" ? "ds_button--cancel" : "",
    o.small ? "ds_button--small" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return html`<button class="${classes}" type="${o.type ?? "submit"}"${attr("name", o.name)}${attr("value", o.value)}>${o.text}</button>`;
}

/** The hidden field carrying the CSRF token: every form that posts needs it. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function hiddenField(name: string, value: string | number): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

/**
 * A notification message: "success" (the default) confirms that something was saved; "warning"
 * and "info" draw attention without an error. Polite live region, so it is announced.
 */
export function notification(
  body: string | SafeHtml,
  options: { title?: string; state?: "success" | "info" | "warning" } = {},
): SafeHtml {
  const state = options.state ?? "success";
  const icon = state === "success" ? "check_circle" : state === "warning" ? "priority_high" : "info";
  return html`<div class="ds_notification-message${state === "success" ? "" : ` ds_notification-message--${state}`}" role="status">
  <span class="ds_notification-message__icon" aria-hidden="true"><svg class="ds_icon" aria-hidden="true"><use href="/assets/ds/images/icons/icons.stack.svg#${icon}"></use></svg></span>
  ${options.title ? html`<h2 class="ds_notification-message__title">${options.title}</h2>` : ""}
  <div class="ds_notification-message__body"><p>${body}</p></div>
</div>`;
}
