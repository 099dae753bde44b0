import { toCsv } from "../../src/platform/csv.ts";
import { progressVersion } from "../support/accountability-fixtures.ts";
import { postMultipart, postSheet } from "../support/bulk.ts";
import type { Session } from "../support/http.ts";
import { leadership } from "./leadership.ts";
import {
  all,
  EVERYONE,
  type Expected,
  type MatrixPart,
  type Sample,
  signedIn,
  type Visitor,
} from "./matrix.types.ts";

// Bulk progress updates: the spreadsheet downloads, the upload page, the upload and its
// confirmation, for whoever may report for the organisation (its contributors and the programme
// team). Each visitor allowed to confirm gets a preview of their own, on an action of their own,
// so one confirmation does not make another's stale.

interface Fixtures {
  organisationSlug: string;
  otherOrganisationSlug: string;
  pending: Partial<Record<Visitor, number>>;
  /** Evidence documents: of a submitted update, of the organisation's draft, of another's draft. */
  documents: { published: number; draft: number; otherDraft: number };
}

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");

/** The documents of a draft: whoever may read the organisation's private progress; to anyone else, not there. */
const DRAFT_DOCUMENT: Expected = all(404, { reader: 200, editor: 200, administrator: 200, contributor: 200 });

const REPORT_SEE: Expected = signedIn({ editor: 200, administrator: 200, contributor: 200 });

const CONFIRMERS = ["editor", "administrator", "contributor"] as const;

const rows: Record<string, Sample<Fixtures>[]> = {
  ...Object.fromEntries(
    (["csv", "xlsx"] as const).map((kind) => [
      `GET /progress/:organisation/actions.${kind}`,
      [
        {
          label: `the organisation's actions as ${kind}`,
          url: (f: Fixtures) => `/progress/${f.organisationSlug}/actions.${kind}`,
          expected: REPORT_SEE,
        },
        {
          label: `another organisation's actions as ${kind}`,
          url: (f: Fixtures) => `/progress/${f.otherOrganisationSlug}/actions.${kind}`,
          expected: { ...REPORT_SEE, contributor: 403 },
        },
      ],
    ]),
  ),
  "GET /progress/:organisation/upload": [
    { label: "the upload page", url: (f) => `/progress/${f.organisationSlug}/upload`, expected: REPORT_SEE },
    {
      label: "another organisation's upload page",
      url: (f) => `/progress/${f.otherOrganisationSlug}/upload`,
      expected: { ...REPORT_SEE, contributor: 403 },
    },
  ],
  "POST /progress/:organisation/upload": [
    {
      // The matrix posts forms, not files: allowed visitors are asked to choose a file (400).
      label: "an upload with no file",
      url: (f) => `/progress/${f.organisationSlug}/upload`,
      body: async () => ({}),
      expected: signedIn({ editor: 400, administrator: 400, contributor: 400 }),
    },
    {
      label: "an upload for another organisation",
      url: (f) => `/progress/${f.otherOrganisationSlug}/upload`,
      body: async () => ({}),
      expected: signedIn({ editor: 400, administrator: 400 }),
    },
  ],
  "GET /evidence/:id/file": [
    {
      label: "a submitted update's document",
      url: (f) => `/evidence/${f.documents.published}/file`,
      expected: EVERYONE,
    },
    {
      label: "a draft update's document",
      url: (f) => `/evidence/${f.documents.draft}/file`,
      expected: DRAFT_DOCUMENT,
    },
    {
      label: "another organisation's draft document",
      url: (f) => `/evidence/${f.documents.otherDraft}/file`,
      expected: { ...DRAFT_DOCUMENT, contributor: 404 },
    },
  ],
  "POST /progress/:organisation/upload/:pendingId/confirm": [
    {
      label: "confirming one's own preview",
      url: (f, visitor) =>
        `/progress/${f.organisationSlug}/upload/${f.pending[visitor] ?? f.pending.editor}/confirm`,
      body: async () => ({}),
      expected: signedIn({ editor: 303, administrator: 303, contributor: 303 }),
    },
    {
      label: "confirming a preview that is not there",
      url: (f) => `/progress/${f.organisationSlug}/upload/999999/confirm`,
      body: async () => ({}),
      expected: signedIn({ editor: 404, administrator: 404, contributor: 404 }),
    },
  ],
};

export const bulkMatrix: MatrixPart<Fixtures> = {
  name: "bulk",
  rows,
  async setup({ app, db, sessions, organisationId, secret }) {
    const { themeId, actionKeys: actions, organisationSlug } = await leadership(db, organisationId);
    // The matrix organisation becomes a partner on three more actions (not the third, which the
    // accountability rows keep for The Promise Scotland alone), one per visitor who confirms.
    const keys = [actions[0]!, actions[1]!, actions[3]!];
    await db
      .insertInto("action_responsibility")
      .values(
        keys.map((key) => ({
          theme_id: themeId,
          action_key: key,
          role: "partner" as const,
          organisation_id: organisationId,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Documents first: each moves its organisation's version of the action on, which the previews
    // below must not miss. A draft's document and words are for whoever may read that organisation's drafts.
    const versionFor = async (organisation: string, key: string) => {
      const { id } = await db
        .selectFrom("organisation")
        .select("id")
        .where("slug", "=", organisation)
        .executeTakeFirstOrThrow();
      return progressVersion(db, themeId, key, id);
    };
    const attach = async (
      session: Session,
      organisation: string,
      key: string,
      intent: string,
      seenBy?: readonly Visitor[],
    ) => {
      const marker = seenBy ? ` ${secret(`a draft update's document on ${organisation}`, seenBy)}` : "";
      const sent = await postMultipart(
        app,
        session,
        `/progress/${organisation}/leadership/${key}`,
        { field: "document", name: `${intent}${marker.trim()}.pdf`, data: PDF },
        {
          version: await versionFor(organisation, key),
          intent,
          status: "on_track",
          narrative: `The plan is attached.${marker}`,
          confidence: "evidenced",
        },
      );
      if (sent.statusCode !== 303) throw new Error(`Could not attach a document: ${sent.body.slice(0, 500)}`);
      const row = await db
        .selectFrom("progress_evidence")
        .select("id")
        .where("kind", "=", "document")
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const accountabilityKey = actions.at(-1)!;
    const documents = {
      published: await attach(sessions.editor, organisationSlug, accountabilityKey, "submit"),
      draft: await attach(sessions.contributor, organisationSlug, keys[0]!, "draft", [
        "reader",
        "editor",
        "administrator",
        "contributor",
      ]),
      otherDraft: await attach(sessions.editor, "the-promise-scotland", actions[2]!, "draft", [
        "reader",
        "editor",
        "administrator",
      ]),
    };
    const pending: Partial<Record<Visitor, number>> = {};
    for (const [i, visitor] of CONFIRMERS.entries()) {
      const key = keys[i]!;
      const csv = toCsv(
        ["Reference", "Status", "Percent", "Confidence", "Narrative", "Version"],
        [
          [
            `leadership/${key}`,
            "In progress",
            30,
            "Self-assessed",
            `Started, as the ${visitor} says.`,
            await progressVersion(db, themeId, key, organisationId),
          ],
        ],
      );
      const preview = await postSheet(app, sessions[visitor], `/progress/${organisationSlug}/upload`, {
        name: "matrix.csv",
        data: Buffer.from(csv),
      });
      const id = /\/upload\/(\d+)\/confirm"/.exec(preview.body)?.[1];
      if (preview.statusCode !== 200 || !id)
        throw new Error(`Could not preview an upload as ${visitor}: ${preview.body.slice(0, 500)}`);
      pending[visitor] = Number(id);
    }
    return {
      organisationSlug,
      otherOrganisationSlug: "the-promise-scotland",
      pending,
      documents,
    };
  },
};
