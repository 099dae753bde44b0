import { actionVersion, progressVersion } from "../support/accountability-fixtures.ts";
import { postForm } from "../support/http.ts";
import { leadership } from "./leadership.ts";
import { EVERYONE, type MatrixPart, type Sample } from "./matrix.types.ts";

// The public data of accountability: every published route map's actions as CSV and XLSX, for
// all, one route map, a sector and an organisation, now and as at a day, and the roll-up tables
// as CSV. Open to everyone, and never carrying a draft: the setup gives Leadership's draft edition
// an action of its own and the matrix organisation a draft update, each with a marker no download
// may hold (the other parts' draft updates and draft editions are searched for too). Their markers
// are "seen by nobody": this part's rows are all downloads, which no visitor may see them in, and
// it runs last, so no later row shows the draft to the people who may read it. (Those pages are
// other parts' rows, each described once, and prove their own markers are shown.)

interface Fixtures {
  themeSlug: string;
  /** Leadership's earlier published edition (June 2024). */
  earlierEditionId: number;
  sectorSlug: string;
  organisationSlug: string;
}

const FORMATS = ["csv", "xlsx"] as const;

function open(label: string, url: (f: Fixtures) => string): Sample<Fixtures> {
  return { label, url, expected: EVERYONE };
}

const rows: Record<string, Sample<Fixtures>[]> = {};
for (const format of FORMATS) {
  rows[`GET /route-maps/actions.${format}`] = [
    open("every route map's actions", () => `/route-maps/actions.${format}`),
    open("as at a day", () => `/route-maps/actions.${format}?as_at=2025-06-30`),
  ];
  rows[`GET /themes/:slug/actions.${format}`] = [
    open(
      "Leadership, whose next edition and an update are unfinished",
      (f) => `/themes/${f.themeSlug}/actions.${format}`,
    ),
    open("Leadership as at a day", () => `/themes/leadership/actions.${format}?as_at=2026-01-31`),
    open(
      "Leadership's earlier edition, as it stood when replaced",
      (f) => `/themes/leadership/actions.${format}?edition=${f.earlierEditionId}`,
    ),
  ];
  rows[`GET /sectors/:slug/actions.${format}`] = [
    open("a sector", (f) => `/sectors/${f.sectorSlug}/actions.${format}`),
  ];
  rows[`GET /organisations/:slug/actions.${format}`] = [
    open(
      "the organisation with an unfinished update",
      (f) => `/organisations/${f.organisationSlug}/actions.${format}`,
    ),
  ];
}

rows["GET /route-maps/progress.csv"] = [open("the programme's roll-up", () => "/route-maps/progress.csv")];
rows["GET /foundations/:slug/progress.csv"] = [
  open("a foundation's roll-up", () => "/foundations/people/progress.csv"),
];

rows["GET /api/v1/actions"] = [
  open("every route map's actions", () => "/api/v1/actions"),
  open(
    "an organisation's, as at a day",
    (f) => `/api/v1/actions?organisation=${f.organisationSlug}&as_at=2026-01-31`,
  ),
];

export const openDataMatrix: MatrixPart<Fixtures> = {
  name: "the public data of accountability (actions as CSV and XLSX)",
  async setup({ app, db, sessions, organisationId, secret }) {
    const editor = sessions.editor;
    const { themeId, actionKeys, organisationSlug } = await leadership(db, organisationId);
    // Leadership's draft (another part may have started it already: one draft per route map).
    const existing = await db
      .selectFrom("route_map_edition")
      .select("id")
      .where("theme_id", "=", themeId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    let draftId = existing?.id;
    if (draftId === undefined) {
      const started = await postForm(app, editor, "/manage/themes/leadership/drafts", {});
      draftId = Number(/\/manage\/editions\/(\d+)/.exec(String(started.headers.location))?.[1]);
      if (!draftId) throw new Error(`Could not start a draft: ${started.statusCode}`);
    }
    const { version } = await db
      .selectFrom("route_map_edition")
      .select("version")
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    const added = await postForm(app, editor, `/manage/editions/${draftId}/items`, {
      version,
      section: "action",
      text: `An action still being agreed: ${secret("a draft edition's action (open data)", [])}.`,
    });
    if (added.statusCode !== 303) throw new Error(`Could not add a draft action: ${added.statusCode}`);
    // A draft update by the matrix organisation on the fifth action (the other parts use the
    // first four and the last three).
    const key = actionKeys[4]!;
    const named = await postForm(app, editor, `/manage/themes/leadership/actions/${key}/responsibility`, {
      version: await actionVersion(db, themeId, key),
      leadOrganisations: organisationId,
      dueYear: 2027,
    });
    const draft = await postForm(app, editor, `/progress/${organisationSlug}/leadership/${key}`, {
      intent: "draft",
      status: "in_progress",
      narrative: `Work has begun. ${secret("a draft update (open data)", [])}`,
      confidence: "self_assessed",
      version: await progressVersion(db, themeId, key, organisationId),
    });
    if (named.statusCode !== 303 || draft.statusCode !== 303)
      throw new Error(`Could not save a draft update: ${named.statusCode}, ${draft.statusCode}`);
    const sector = await db.selectFrom("sector").select("slug").orderBy("position").executeTakeFirstOrThrow();
    const [, earlier] = await db
      .selectFrom("route_map_edition")
      .select("id")
      .where("theme_id", "=", themeId)
      .where("status", "=", "published")
      .orderBy("last_updated", "desc")
      .orderBy("id", "desc")
      .execute();
    if (!earlier) throw new Error("The matrix needs an earlier Leadership edition");
    return {
      themeSlug: "leadership",
      earlierEditionId: earlier.id,
      sectorSlug: sector.slug,
      organisationSlug,
    };
  },
  rows,
};
