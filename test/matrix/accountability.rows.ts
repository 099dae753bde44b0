import { DEFAULT_STALE_DAYS } from "../../src/features/accountability/accountability.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { actionVersion, progressVersion } from "../support/accountability-fixtures.ts";
import { postForm } from "../support/http.ts";
import { leadership } from "./leadership.ts";
import {
  all,
  EVERYONE,
  type Expected,
  type Fields,
  type MatrixPart,
  type Sample,
  signedIn,
  VISITORS,
  type Visitor,
} from "./matrix.types.ts";

// Accountability: the register of organisations, organisations' and actions' pages, who must act
// (programme editors), progress updates (an organisation's contributors and the programme team)
// and asking for more evidence (the programme team). The matrix's own organisation is named on a
// Leadership action, so its contributor may report on it; another organisation's is refused.

/** The version an organisation's change form would carry now (so an allowed change is not a conflict). */
async function organisationVersion(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("organisation")
    .select("version")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.version ?? 0;
}

interface Fixtures {
  organisationSlug: string;
  otherOrganisationSlug: string;
  themeId: number;
  /** A Leadership action the matrix's organisation must act on, and one it is not named on. */
  key: string;
  otherKey: string;
  submittedUpdateId: number;
  /** An organisation of its own for each visitor to change (kind "other", no sectors). */
  registerSamples: Record<Visitor, string>;
}

const UPDATE: Fields = {
  intent: "draft",
  status: "in_progress",
  narrative: "We have started the work with two councils.",
  confidence: "self_assessed",
};

/** Reading an organisation's private progress: the programme team, readers, and its own contributor. */
const READ_PRIVATE: Expected = signedIn({ reader: 200, editor: 200, administrator: 200, contributor: 200 });
/** Writing its updates: the programme team and its own contributor. */
const REPORT_SEE: Expected = signedIn({ editor: 200, administrator: 200, contributor: 200 });
const REPORT_CHANGE: Expected = signedIn({ editor: 303, administrator: 303, contributor: 303 });
/** The same through the API: the public are told to sign in (401), other roles are refused. */
const REPORT_API: Expected = all(403, { public: 401, editor: 200, administrator: 200, contributor: 200 });
/** Who may read every organisation's drafts (progress.read_private without a scope). */
const PROGRAMME_TEAM: readonly Visitor[] = ["reader", "editor", "administrator"];
const API_UPDATE = { theme: "leadership", status: "in_progress", confidence: "self_assessed" };
const EDITORS_SEE: Expected = signedIn({ editor: 200, administrator: 200 });
const EDITORS_CHANGE: Expected = signedIn({ editor: 303, administrator: 303 });

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /organisations": [{ label: "the register", url: () => "/organisations", expected: EVERYONE }],
  "GET /organisations/:slug": [
    {
      label: "an organisation named on an action",
      url: (f) => `/organisations/${f.organisationSlug}`,
      expected: EVERYONE,
    },
    {
      label: "with its own stale period",
      url: (f) => `/organisations/${f.organisationSlug}?staleAfterDays=${DEFAULT_STALE_DAYS / 2}`,
      expected: EVERYONE,
    },
  ],
  "GET /manage/organisations/new": [
    { label: "the form to add one", url: () => "/manage/organisations/new", expected: EDITORS_SEE },
  ],
  "POST /manage/organisations": [
    {
      label: "add one",
      url: () => "/manage/organisations",
      body: async (_f, _db, visitor) => ({ name: `Register Addition ${visitor}`, type: "third_sector" }),
      expected: EDITORS_CHANGE,
    },
  ],
  "GET /manage/organisations/:slug": [
    {
      label: "the form to change one",
      url: (f) => `/manage/organisations/${f.otherOrganisationSlug}`,
      expected: EDITORS_SEE,
    },
  ],
  "POST /manage/organisations/:slug": [
    {
      label: "say what kind it is",
      url: (f, visitor) => `/manage/organisations/${f.registerSamples[visitor]}`,
      body: async (f, db, visitor) => ({
        type: "education",
        version: await organisationVersion(db, f.registerSamples[visitor]),
      }),
      expected: EDITORS_CHANGE,
    },
  ],
  "POST /api/v1/organisations/:slug/updates": [
    {
      label: "save a draft",
      url: (f) => `/api/v1/organisations/${f.organisationSlug}/updates`,
      body: async (f, db) => ({
        ...API_UPDATE,
        key: f.key,
        version: await progressVersion(db, f.themeId, f.key, await organisationId(db, f.organisationSlug)),
      }),
      expected: REPORT_API,
    },
    {
      label: "another organisation's action",
      url: (f) => `/api/v1/organisations/${f.otherOrganisationSlug}/updates`,
      body: async (f, db) => ({
        ...API_UPDATE,
        key: f.otherKey,
        version: await progressVersion(
          db,
          f.themeId,
          f.otherKey,
          await organisationId(db, f.otherOrganisationSlug),
        ),
      }),
      expected: { ...REPORT_API, contributor: 403 },
    },
  ],
  "GET /themes/:slug/actions/:key": [
    {
      label: "an action with updates",
      url: (f) => `/themes/leadership/actions/${f.key}`,
      expected: EVERYONE,
    },
  ],
  "GET /api/v1/organisations": [
    { label: "the register", url: () => "/api/v1/organisations", expected: EVERYONE },
  ],
  "GET /api/v1/organisations/:slug": [
    {
      label: "an organisation",
      url: (f) => `/api/v1/organisations/${f.organisationSlug}`,
      expected: EVERYONE,
    },
  ],
  "GET /api/v1/themes/:slug/actions/:key": [
    { label: "an action", url: (f) => `/api/v1/themes/leadership/actions/${f.key}`, expected: EVERYONE },
  ],
  "GET /manage/themes/:slug/actions/:key/responsibility": [
    {
      label: "who must act",
      url: (f) => `/manage/themes/leadership/actions/${f.key}/responsibility`,
      expected: EDITORS_SEE,
    },
  ],
  "POST /manage/themes/:slug/actions/:key/responsibility": [
    {
      label: "name the organisation as lead",
      url: (f) => `/manage/themes/leadership/actions/${f.key}/responsibility`,
      body: async (f, db) => ({
        version: await actionVersion(db, f.themeId, f.key),
        leadOrganisations: await organisationId(db, f.organisationSlug),
        dueYear: 2027,
      }),
      expected: EDITORS_CHANGE,
    },
  ],
  "GET /progress": [
    { label: "where reporting starts", url: () => "/progress", expected: all(200, { public: "sign-in" }) },
  ],
  "GET /progress/:organisation": [
    {
      label: "the contributor's own organisation",
      url: (f) => `/progress/${f.organisationSlug}`,
      expected: READ_PRIVATE,
    },
    {
      label: "another organisation",
      url: (f) => `/progress/${f.otherOrganisationSlug}`,
      expected: { ...READ_PRIVATE, contributor: 403 },
    },
  ],
  "GET /progress/:organisation/:theme/:key": [
    {
      label: "an action it must act on",
      url: (f) => `/progress/${f.organisationSlug}/leadership/${f.key}`,
      expected: REPORT_SEE,
    },
    {
      label: "another organisation's action",
      url: (f) => `/progress/${f.otherOrganisationSlug}/leadership/${f.otherKey}`,
      expected: { ...REPORT_SEE, contributor: 403 },
    },
  ],
  "POST /progress/:organisation/:theme/:key": [
    {
      label: "save a draft",
      url: (f) => `/progress/${f.organisationSlug}/leadership/${f.key}`,
      body: async (f, db) => ({
        ...UPDATE,
        version: await progressVersion(db, f.themeId, f.key, await organisationId(db, f.organisationSlug)),
      }),
      expected: REPORT_CHANGE,
    },
    {
      label: "another organisation's action",
      url: (f) => `/progress/${f.otherOrganisationSlug}/leadership/${f.otherKey}`,
      body: async (f, db) => ({
        ...UPDATE,
        version: await progressVersion(
          db,
          f.themeId,
          f.otherKey,
          await organisationId(db, f.otherOrganisationSlug),
        ),
      }),
      expected: { ...REPORT_CHANGE, contributor: 403 },
    },
  ],
  "POST /manage/progress-updates/:id/request-evidence": [
    {
      label: "a submitted update",
      url: (f) => `/manage/progress-updates/${f.submittedUpdateId}/request-evidence`,
      body: async (f, db) => ({
        version: await progressVersion(db, f.themeId, f.key, await organisationId(db, f.organisationSlug)),
        note: "Which councils? A link to the plan would help.",
      }),
      expected: EDITORS_CHANGE,
    },
  ],
};

async function organisationId(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("organisation")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export const accountabilityMatrix: MatrixPart<Fixtures> = {
  name: "accountability",
  rows,
  async setup({ app, db, sessions, organisationId: ownId, secret }) {
    const { themeId, actionKeys: actions, organisationSlug } = await leadership(db, ownId);
    // The last action is the matrix's own; the demo names The Promise Scotland on the third.
    const key = actions.at(-1)!;
    const otherKey = actions[2]!;
    const named = await postForm(
      app,
      sessions.editor,
      `/manage/themes/leadership/actions/${key}/responsibility`,
      {
        version: await actionVersion(db, themeId, key),
        leadOrganisations: ownId,
        dueYear: 2027,
      },
    );
    if (named.statusCode !== 303)
      throw new Error(`Could not name the organisation: ${named.body.slice(0, 300)}`);
    const submitted = await postForm(
      app,
      sessions.editor,
      `/progress/${organisationSlug}/leadership/${key}`,
      {
        ...UPDATE,
        intent: "submit",
        version: await progressVersion(db, themeId, key, ownId),
      },
    );
    if (submitted.statusCode !== 303)
      throw new Error(`Could not submit an update: ${submitted.body.slice(0, 300)}`);
    // A draft update by each of two organisations, on actions no other row changes (bulk's are
    // the first four): for whoever may read that organisation's drafts.
    const draftFor = async (slug: string, k: string, seenBy: readonly Visitor[], what: string) => {
      const lead = await postForm(
        app,
        sessions.editor,
        `/manage/themes/leadership/actions/${k}/responsibility`,
        {
          version: await actionVersion(db, themeId, k),
          leadOrganisations: await organisationId(db, slug),
          dueYear: 2028,
        },
      );
      const saved = await postForm(app, sessions.editor, `/progress/${slug}/leadership/${k}`, {
        ...UPDATE,
        narrative: `Talks are going well. ${secret(what, seenBy)}`,
        version: await progressVersion(db, themeId, k, await organisationId(db, slug)),
      });
      if (lead.statusCode !== 303 || saved.statusCode !== 303)
        throw new Error(`Could not save a draft for ${slug}: ${lead.statusCode}, ${saved.statusCode}`);
    };
    if (actions.length < 7) throw new Error("The matrix needs seven Leadership actions");
    await draftFor(organisationSlug, actions.at(-2)!, [...PROGRAMME_TEAM, "contributor"], "own draft update");
    await draftFor(
      "the-promise-scotland",
      actions.at(-3)!,
      PROGRAMME_TEAM,
      "another organisation's draft update",
    );
    const update = await db
      .selectFrom("progress_update")
      .select("id")
      .where("action_key", "=", key)
      .where("state", "=", "submitted")
      .executeTakeFirstOrThrow();
    const registerSamples = Object.fromEntries(
      VISITORS.map((visitor) => [visitor, `register-sample-${visitor}`]),
    ) as Record<Visitor, string>;
    await db
      .insertInto("organisation")
      .values(
        VISITORS.map((visitor) => ({
          slug: registerSamples[visitor],
          name: `Register Sample ${visitor}`,
          type: "other" as const,
        })),
      )
      .execute();
    return {
      registerSamples,
      organisationSlug,
      otherOrganisationSlug: "the-promise-scotland",
      themeId,
      key,
      otherKey,
      submittedUpdateId: update.id,
    };
  },
};
