import { PUBLIC } from "../../platform/actor.ts";
import { asTransaction, type Db } from "../../platform/database.ts";
import { ConflictError } from "../../platform/errors.ts";
import { actorForUser, createUser, findUserByEmail } from "../accounts/user.service.ts";
import { loadIndicatorDemo } from "../indicators/indicator-demo.ts";
import { createEditionFromDocument } from "../route-maps/edition-document.service.ts";
import { findProgrammeName } from "../route-maps/route-map.service.ts";
import { loadAccountabilityDemo } from "./accountability.demo.ts";
import * as repo from "./demo.repository.ts";
import { loadFundingDemo } from "./funding.demo.ts";
import { loadGovernanceDemo } from "./governance-demo.ts";
import { loadImprovementDemo } from "./improvement.demo.ts";
import { LEADERSHIP_DECEMBER_2025, LEADERSHIP_JUNE_2024 } from "./leadership.ts";
import { FOUNDATIONS, PROGRAMME, SECTORS } from "./programme.ts";
import { loadReportsDemo } from "./reports.demo.ts";
import { loadTimelineDemo } from "./timeline.demo.ts";

/** The demo's editor account. For trying Waymark out only: the README says so. */
export const DEMO_EDITOR = {
  email: "editor@waymark.test",
  name: "Demo editor",
  password: "waymark-demo-editor",
} as const;

/** The demo's administrator account: manages people and reads the audit trail. Demo data only. */
export const DEMO_ADMIN = {
  email: "admin@waymark.test",
  name: "Demo administrator",
  password: "waymark-demo-admin",
} as const;

export interface DemoOptions {
  /** Called with a short line before each step, for the command line's progress. */
  progress?: (line: string) => void;
  /** Where people reach Waymark (WAYMARK_BASE_URL), for the absolute links in the demo's report files. */
  baseUrl?: string;
}

/**
 * Fills an empty, migrated database with the demo programme: the promise, its five foundations
 * and 25 route maps, the sectors, a demo editor account, and the Leadership route map's June 2024
 * and December 2025 editions. All in one transaction: it loads completely or not at all. Refuses
 * if the database already holds a programme, so it can never mix demo data into real data.
 */
export async function loadDemoData(db: Db, options: DemoOptions = {}): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => loadDemoData(trx, options));
    return;
  }
  const progress = options.progress ?? (() => {});
  const existing = await findProgrammeName(db);
  if (existing !== undefined) {
    throw new ConflictError(
      `This database already holds the programme "${existing}", so the demo data was not added. ` +
        "Demo data only goes into an empty database: `npx waymark demo` resets the data folder to the demo data.",
    );
  }

  const themeCount = FOUNDATIONS.reduce((n, f) => n + f.themes.length, 0);
  progress(
    `Adding "${PROGRAMME.name}" with its ${FOUNDATIONS.length} foundations and ${themeCount} route maps`,
  );
  const programmeId = await repo.insertProgramme(db, {
    slug: PROGRAMME.slug,
    name: PROGRAMME.name,
    summary: PROGRAMME.summary,
    start_year: PROGRAMME.startYear,
    end_year: PROGRAMME.endYear,
  });
  for (const [position, foundation] of FOUNDATIONS.entries()) {
    const foundationId = await repo.insertFoundation(db, {
      programme_id: programmeId,
      slug: foundation.slug,
      name: foundation.name,
      summary: foundation.summary,
      position,
    });
    await repo.insertThemes(
      db,
      foundation.themes.map((theme, i) => ({ foundation_id: foundationId, ...theme, position: i })),
    );
  }
  progress(`Adding ${SECTORS.length} sectors`);
  await repo.insertSectors(
    db,
    SECTORS.map((sector, position) => ({ ...sector, position })),
  );

  progress(`Adding the demo editor account ${DEMO_EDITOR.email}`);
  const editor =
    (await findUserByEmail(db, DEMO_EDITOR.email)) ??
    (await createUser(db, { ...DEMO_EDITOR, grants: [{ role: "programme_editor" }] }, PUBLIC));
  progress(`Adding the demo administrator account ${DEMO_ADMIN.email}`);
  if (!(await findUserByEmail(db, DEMO_ADMIN.email)))
    await createUser(db, { ...DEMO_ADMIN, grants: [{ role: "administrator" }] }, PUBLIC);
  // The demo route maps are entered as the demo editor would enter them, through the same checks.
  const actor = await actorForUser(db, editor);

  const editionIds: number[] = [];
  for (const document of [LEADERSHIP_JUNE_2024, LEADERSHIP_DECEMBER_2025]) {
    progress(`Adding the Leadership route map, ${document.label} edition`);
    const created = await createEditionFromDocument(db, actor, document, { source: "Waymark demo data" });
    editionIds.push(created.id);
  }
  // December 2025 rewords the first "what matters" statement of June 2024: the same statement.
  await repo.carryKeyOver(
    db,
    "what_matters",
    { editionId: editionIds[0]!, position: 0 },
    { editionId: editionIds[1]!, position: 0 },
  );
  progress("Adding the National Leadership Group and its meeting of 21 May 2024");
  await loadGovernanceDemo(asTransaction(db), actor);
  await loadIndicatorDemo(asTransaction(db), progress);
  progress(
    "Adding organisations, who must act on Leadership's actions, a reporting round and progress updates",
  );
  await loadAccountabilityDemo(asTransaction(db), actor, {
    themeSlug: "leadership",
    editionId: editionIds[1]!,
  });
  progress("Generating a report of the Leadership route map as at today");
  await loadReportsDemo(asTransaction(db), actor, editionIds[1]!, options.baseUrl ?? "http://localhost:3000");
  progress("Adding the Whole Family Wellbeing Fund, its years and awards to council areas");
  await loadFundingDemo(asTransaction(db), actor);
  progress("Adding an improvement project on the Leadership route map, with its run charts");
  await loadImprovementDemo(asTransaction(db), actor);
  progress("Adding the forward timeline around the 2024 consultation package");
  await loadTimelineDemo(asTransaction(db), actor);
  progress("Demo data loaded");
}
