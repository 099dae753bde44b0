import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getPage, type Session } from "../../../test/support/http.ts";
import { landscapeApp } from "../../../test/support/landscape-app.ts";

// Groups, memberships and meetings as JSON and CSV: the public sees published content only, no
// e-mail addresses, and CSV cells that a spreadsheet would run as formulas are neutralised.

const { app, f, reader } = await landscapeApp();

const json = async (url: string, session?: Session) => {
  const response = await getPage(app, session, url);
  return {
    status: response.statusCode,
    body: response.json(),
    raw: response.body,
    headers: response.headers,
  };
};

describe("groups in the API", () => {
  it("lists every group with its parent, dates and links", async () => {
    const { status, body } = await json("/api/v1/groups");
    expect(status).toBe(200);
    const workforce = body.groups.find((g: { slug: string }) => g.slug === f.workforce.slug);
    expect(workforce).toMatchObject({
      name: f.workforce.name,
      status: "active",
      remit: "Support the workforce caring for children and families",
      parent: {
        slug: f.leadership.slug,
        name: f.leadership.name,
        url: `/api/v1/groups/${f.leadership.slug}`,
      },
      portfolio: "Children and families",
      endDate: null,
      links: {
        page: `/groups/${f.workforce.slug}`,
        memberships: `/api/v1/groups/${f.workforce.slug}/memberships`,
        meetings: `/api/v1/groups/${f.workforce.slug}/meetings`,
        calendar: `/groups/${f.workforce.slug}/calendar.ics`,
      },
    });
    const one = await json(`/api/v1/groups/${f.leadership.slug}`);
    expect(one.body).toMatchObject({
      slug: f.leadership.slug,
      reviewDate: "2024-01-01",
      endDate: "2030-03-31",
    });
  });

  it("lists a group's memberships, co-chairs first, without e-mail addresses", async () => {
    const { status, body, raw } = await json(`/api/v1/groups/${f.leadership.slug}/memberships`);
    expect(status).toBe(200);
    expect(body.memberships.map((m: { role: string }) => m.role)).toEqual(["co_chair", "co_chair", "member"]);
    expect(body.memberships[0].person).toEqual({
      id: expect.any(Number),
      name: expect.stringMatching(/^Andrew Watson|^Louise Long/),
      calendar: expect.stringMatching(/^\/people\/\d+\/calendar\.ics$/),
    });
    expect(raw).not.toContain("@example.test");
  });

  it("shows the public only meetings with published minutes and the next meeting they name", async () => {
    const leadership = await json(`/api/v1/groups/${f.leadership.slug}/meetings`);
    expect(leadership.body.meetings).toEqual([
      expect.objectContaining({
        id: f.meetings.published,
        date: "2024-05-21",
        minutes: "published",
        minutesPublishedOn: "2024-05-21",
        links: {
          page: `/groups/${f.leadership.slug}/meetings/${f.meetings.published}`,
          minutesDocx: `/groups/${f.leadership.slug}/meetings/${f.meetings.published}/minutes.docx`,
          minutesHtml: `/groups/${f.leadership.slug}/meetings/${f.meetings.published}/minutes.html`,
        },
      }),
      expect.objectContaining({
        id: f.meetings.next,
        date: "2024-06-11",
        startTime: "15:05",
        endTime: "16:30",
        online: true,
        place: null,
        minutes: "not_published",
        links: { page: null, minutesDocx: null, minutesHtml: null },
      }),
    ]);
    const workforce = await json(`/api/v1/groups/${f.workforce.slug}/meetings`);
    expect(workforce.body.meetings).toEqual([]);
    const asReader = await json(`/api/v1/groups/${f.workforce.slug}/meetings`, reader);
    expect(asReader.body.meetings.map((m: { id: number; minutes: string }) => [m.id, m.minutes])).toEqual([
      [f.meetings.cancelled, "draft"],
      [f.meetings.draft, "draft"],
    ]);
    expect(asReader.headers["cache-control"]).toBe("private, no-store");
  });

  it("answers 404 for an unknown group and 400 for a malformed one", async () => {
    expect((await json("/api/v1/groups/no-such-group")).status).toBe(404);
    const bad = await json("/api/v1/groups/Not_A_Slug/meetings");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation");
  });

  it("documents every group operation in the OpenAPI document", async () => {
    const { body } = await json("/api/v1/openapi.json");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/groups",
        "/api/v1/groups/{slug}",
        "/api/v1/groups/{slug}/memberships",
        "/api/v1/groups/{slug}/meetings",
      ]),
    );
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining([
        "Group",
        "GroupList",
        "Membership",
        "MembershipList",
        "Meeting",
        "MeetingList",
      ]),
    );
  });
});

describe("CSV downloads", () => {
  const csv = async (url: string, session?: Session) => {
    const response = await getPage(app, session, url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const rows: string[][] = parse(response.body.replace(/^\uFEFF/, ""));
    return { rows, raw: response.body };
  };

  it("downloads groups with their parent", async () => {
    const { rows } = await csv("/data/groups.csv");
    expect(rows[0]).toEqual([
      "slug",
      "name",
      "status",
      "remit",
      "parent",
      "portfolio",
      "start_date",
      "review_date",
      "end_date",
    ]);
    expect(rows.find((r) => r[0] === f.workforce.slug)?.[4]).toBe(f.leadership.slug);
  });

  it("downloads memberships with a name beginning '=' made harmless, and no e-mail addresses", async () => {
    const { rows, raw } = await csv("/data/memberships.csv");
    const jess = rows.filter((r) => r[3]?.includes("Jess Elsey"));
    expect(jess).toHaveLength(2);
    for (const r of jess) expect(r[3]!.startsWith("'=Jess Elsey")).toBe(true);
    expect(raw).not.toContain("@example.test");
  });

  it("downloads only the meetings the public may see, and says no more of unpublished minutes than that", async () => {
    const { rows } = await csv("/data/meetings.csv");
    const ids = rows.slice(1).map((r) => Number(r[2]));
    expect(ids.sort()).toEqual([f.meetings.published, f.meetings.next].sort());
    expect(rows.find((r) => Number(r[2]) === f.meetings.next)?.[9]).toBe("not published");
    const asReader = await csv("/data/meetings.csv", reader);
    expect(
      asReader.rows
        .slice(1)
        .map((r) => Number(r[2]))
        .sort(),
    ).toEqual(Object.values(f.meetings).sort());
  });
});
