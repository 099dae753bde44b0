import { fullDate } from "../../../platform/dates.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { updateFormPath } from "../../accountability/accountability.paths.ts";
import type { OwedInRound } from "../../rounds/round.service.ts";
import { completionWords } from "../../rounds/round.words.ts";

/** The open rounds an organisation owes updates in, for its progress page. */
export function owedInRoundsView(rounds: OwedInRound[], canReport: boolean): SafeHtml {
  if (rounds.length === 0) return html``;
  return html`<h2 id="rounds">Updates asked for</h2>
  ${rounds.map((r) => {
    const o = r.organisation;
    const waiting = o.items.filter((i) => !i.answered);
    return html`<div class="ds_inset-text"><div class="ds_inset-text__text">
    <h3>${r.title}: due ${fullDate(r.dueDate)}</h3>
    <p>${waiting.length === 0 ? "You have answered everything asked for in this round. Thank you." : `${o.name} has given ${completionWords(o.answered, o.owed, o.percent)}. Still to do:`}</p>
    ${
      waiting.length === 0
        ? ""
        : html`<ul>${waiting.map(
            (i) =>
              html`<li>${
                canReport && i.themeSlug
                  ? html`<a href="${updateFormPath(o.slug, i.themeSlug, i.key)}">${i.text}</a>`
                  : i.text
              }${i.themeName ? ` (${i.themeName} route map)` : ""}</li>`,
          )}</ul>`
    }
  </div></div>`;
  })}`;
}
