import { buildLandscape, type LandscapeFixture } from "../../src/features/landscape/landscape.fixtures.ts";
import { all, EVERYONE, type Expected, type MatrixPart, type Sample } from "./matrix.types.ts";

// The landscape, open data (CSV and the groups API), calendars and minutes downloads. Everything
// here is readable by anyone, but unpublished minutes are "not found" to anyone who may not read
// the group's private business: readers, editors and administrators everywhere, a secretary in
// their own group only.

interface Fixtures extends LandscapeFixture {
  /** A meeting with draft minutes in the matrix's own group, which its secretary keeps. */
  secretarysDraft: number;
  secretarysGroupSlug: string;
}

/** Unpublished minutes in a group the matrix's secretary does not keep. */
const DRAFT_MINUTES: Expected = all(404, { reader: 200, editor: 200, administrator: 200 });
/** Unpublished minutes in the secretary's own group. */
const OWN_DRAFT_MINUTES: Expected = { ...DRAFT_MINUTES, secretary: 200 };

const open = (label: string, url: (f: Fixtures) => string): Sample<Fixtures> => ({
  label,
  url,
  expected: EVERYONE,
});

function minutes(ext: "docx" | "html"): Sample<Fixtures>[] {
  return [
    {
      label: "published minutes",
      url: (f) => `/groups/${f.leadership.slug}/meetings/${f.meetings.published}/minutes.${ext}`,
      expected: EVERYONE,
    },
    {
      label: "draft minutes",
      url: (f) => `/groups/${f.workforce.slug}/meetings/${f.meetings.draft}/minutes.${ext}`,
      expected: DRAFT_MINUTES,
    },
    {
      label: "draft minutes of the secretary's own group",
      url: (f) => `/groups/${f.secretarysGroupSlug}/meetings/${f.secretarysDraft}/minutes.${ext}`,
      expected: OWN_DRAFT_MINUTES,
    },
  ];
}

export const landscapeMatrix: MatrixPart<Fixtures> = {
  name: "landscape, open data, calendars and minutes downloads",
  async setup({ db, groupId }) {
    const landscape = await buildLandscape(db);
    const group = await db
      .selectFrom("governance_group")
      .select("slug")
      .where("id", "=", groupId)
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto("meeting")
      .values({ group_id: groupId, meeting_date: "2024-09-10", status: "held", minutes_status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ...landscape, secretarysDraft: id, secretarysGroupSlug: group.slug };
  },
  rows: {
    "GET /landscape": [
      open("the landscape", () => "/landscape"),
      open(
        "a chosen period",
        () => "/landscape?from-day=1&from-month=1&from-year=2024&to-day=31&to-month=12&to-year=2024",
      ),
    ],
    "GET /data/groups.csv": [open("groups", () => "/data/groups.csv")],
    "GET /data/memberships.csv": [open("memberships", () => "/data/memberships.csv")],
    "GET /data/meetings.csv": [open("meetings", () => "/data/meetings.csv")],
    "GET /groups/:slug/calendar.ics": [
      open("a group's calendar", (f) => `/groups/${f.leadership.slug}/calendar.ics`),
      open(
        "a calendar with no published minutes (an empty feed)",
        (f) => `/groups/${f.workforce.slug}/calendar.ics`,
      ),
    ],
    "GET /people/:id/calendar.ics": [
      open("a person's calendar", (f) => `/people/${f.people.louise}/calendar.ics`),
    ],
    "GET /groups/:slug/meetings/:id/minutes.docx": minutes("docx"),
    "GET /groups/:slug/meetings/:id/minutes.html": minutes("html"),
    "GET /api/v1/groups": [open("groups", () => "/api/v1/groups")],
    "GET /api/v1/groups/:slug": [open("a group", (f) => `/api/v1/groups/${f.leadership.slug}`)],
    "GET /api/v1/groups/:slug/memberships": [
      open("a group's memberships", (f) => `/api/v1/groups/${f.leadership.slug}/memberships`),
    ],
    "GET /api/v1/groups/:slug/meetings": [
      open("a group's meetings", (f) => `/api/v1/groups/${f.leadership.slug}/meetings`),
      open(
        "a group with no published minutes (an empty list)",
        (f) => `/api/v1/groups/${f.workforce.slug}/meetings`,
      ),
    ],
  },
};
