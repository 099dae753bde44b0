import { html, type SafeHtml } from "../../platform/html.ts";
import { actionsDataPath } from "./open-data.paths.ts";
import type { ActionScope } from "./open-data.repository.ts";

// The links to the public data of accountability, drawn the same way beside every table of actions
// (route maps, sectors, organisations): one sentence, both formats, saying what the file holds.

/** "Download these actions: CSV or spreadsheet (XLSX)." `what` names them for screen readers too. */
export function actionDownloads(
  scope: ActionScope,
  what: string,
  asAt?: string | null,
  editionId?: number,
): SafeHtml {
  return html`<p class="wm-downloads">Download ${what}, with who must act, by when and how it is going: <a href="${actionsDataPath(scope, "csv", asAt, editionId)}" download>CSV file<span class="visually-hidden"> of ${what}</span></a> or <a href="${actionsDataPath(scope, "xlsx", asAt, editionId)}" download>spreadsheet (XLSX)<span class="visually-hidden"> of ${what}</span></a>.</p>`;
}
