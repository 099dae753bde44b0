import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { londonToday } from "../../platform/dates.ts";
import { generateReport } from "../reports/report.service.ts";

// Reports' part of the demo data: one frozen report of the Leadership route map's December 2025
// edition as at the day the demo is loaded (after the demo's progress updates), generated through
// the same service an editor's form uses. Its files link to the address Waymark answers on when
// run on this computer (`npm start`), as the demo is for trying Waymark out.

const DEMO_BASE_URL = "http://localhost:3000";

/** Generates the demo's report as the demo editor; called from the demo service. */
export async function loadReportsDemo(db: Trx, editor: Actor, editionId: number): Promise<void> {
  const [year, month, day] = londonToday().split("-");
  await generateReport(
    db,
    editor,
    { kind: "route_map", edition: String(editionId), organisation: undefined, asAt: { day, month, year } },
    { baseUrl: DEMO_BASE_URL },
  );
}
