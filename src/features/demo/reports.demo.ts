import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { londonToday } from "../../platform/dates.ts";
import { generateReport } from "../reports/report.service.ts";

// Reports' part of the demo data: one frozen report of the Leadership route map's December 2025
// edition as at the day the demo is loaded (after the demo's progress updates), generated through
// the same service an editor's form uses. Its files link to WAYMARK_BASE_URL, given by the command
// that loads the demo.

/** Generates the demo's report as the demo editor; called from the demo service. */
export async function loadReportsDemo(
  db: Trx,
  editor: Actor,
  editionId: number,
  baseUrl: string,
): Promise<void> {
  const [year, month, day] = londonToday().split("-");
  await generateReport(
    db,
    editor,
    { kind: "route_map", edition: String(editionId), organisation: undefined, asAt: { day, month, year } },
    { baseUrl },
  );
}
