import { type MatrixPart, type Sample, signedIn, VISITORS, type Visitor } from "./matrix.types.ts";

// Importing documents (/manage/import): programme editors and administrators import anything;
// a group's secretary imports its own group's minutes. The bodies would succeed if allowed:
// minutes of the matrix's own group, a different meeting date per visitor for the import.

interface Fixtures {
  groupSlug: string;
}

function minutes(day: number): string {
  return [
    `Matrix Group Minutes - ${day} March 2026`,
    `Minutes from the meeting of the group held on ${day} March 2026.`,
    "Attendees and apologies",
    "• Morag Matrix (co-chair), Matrix Organisation",
    "Items and actions",
    "Welcome",
    "The chair welcomed members.",
    "Next steps",
    "None.",
  ].join("\n");
}

const IMPORTERS = signedIn({ editor: 200, administrator: 200, secretary: 200 });

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /manage/import": [{ label: "the upload form", url: () => "/manage/import", expected: IMPORTERS }],
  "POST /manage/import": [
    {
      label: "check the group's minutes",
      url: () => "/manage/import",
      body: async (f) => ({ text: minutes(1), group: f.groupSlug }),
      expected: IMPORTERS,
    },
  ],
  "POST /manage/import/confirm": [
    {
      label: "import the group's minutes",
      url: () => "/manage/import/confirm",
      body: async (f, _db, visitor: Visitor) => ({
        document: Buffer.from(minutes(2 + VISITORS.indexOf(visitor))).toString("base64"),
        fileName: `matrix-${visitor}.txt`,
        group: f.groupSlug,
      }),
      expected: signedIn({ editor: 303, administrator: 303, secretary: 303 }),
    },
  ],
};

export const importMatrix: MatrixPart<Fixtures> = {
  name: "import",
  setup: async ({ db, groupId }) => {
    const group = await db
      .selectFrom("governance_group")
      .select("slug")
      .where("id", "=", groupId)
      .executeTakeFirstOrThrow();
    return { groupSlug: group.slug };
  },
  rows,
};
