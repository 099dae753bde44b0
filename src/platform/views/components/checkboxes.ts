import { attr, html, type SafeHtml } from "../../html.ts";

export interface CheckboxItem {
  value: string;
  text: string;
  checked: boolean;
}

/** Design-system checkboxes in a fieldset with its legend. */
export function checkboxes(o: {
  idPrefix: string;
  name: string;
  legend: string;
  hint?: string | SafeHtml;
  error?: string | undefined;
  items: CheckboxItem[];
}): SafeHtml {
  const hintId = o.hint ? `${o.idPrefix}-hint` : undefined;
  const errorId = o.error ? `${o.idPrefix}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return html`<div class="ds_question${o.error ? " ds_question--error" : ""}"><fieldset${attr("aria-describedby", described)}>
  <legend>${o.legend}</legend>
  ${hintId ? html`<p class="ds_hint-text" id="${hintId}">${o.hint}</p>` : ""}
  ${errorId ? html`<p class="ds_question__error-message" id="${errorId}">${o.error}</p>` : ""}
  <div class="ds_field-group">
    ${o.items.map(
      (item, i) => html`<div class="ds_checkbox  ds_checkbox--small">
      <input class="ds_checkbox__input" type="checkbox" id="${o.idPrefix}-${i}" name="${o.name}" value="${item.value}"${attr("checked", item.checked)}>
      <label class="ds_checkbox__label" for="${o.idPrefix}-${i}">${item.text}</label>
    </div>`,
    )}
  </div>
</fieldset></div>`;
}
