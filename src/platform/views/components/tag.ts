import { html, type SafeHtml } from "../../html.ts";

export type TagColour =
  | "grey"
  | "green"
  | "teal"
  | "darkblue"
  | "blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

/** Design system tag: a short status label such as "Draft" or "Latest". */
export function tag(text: string, colour?: TagColour): SafeHtml {
  return html`<strong class="ds_tag${colour ? `  ds_tag--${colour}` : ""}">${text}</strong>`;
}
