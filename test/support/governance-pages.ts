import type { FastifyInstance } from "fastify";
import { addAction } from "../../src/features/governance/action.service.ts";
import { createGroup } from "../../src/features/governance/group.service.ts";
import { planMeeting } from "../../src/features/governance/meeting.service.ts";
import { agreeMinutes, publishMinutes } from "../../src/features/governance/minutes.service.ts";
import type { Db, Trx } from "../../src/platform/database.ts";
import { makeUser } from "./editing-fixtures.ts";
import type { ErrorPage, Samples } from "./html-samples.ts";
import { getPage, postForm, type Session } from "./http.ts";

/**
 * Sample addresses of governance's action-log pages, for the HTML-validity test, on a group of
 * their own: published minutes with open, overdue and closed actions, and draft minutes with one.
 */
export async function governancePages(db: Db): Promise<{ publicPages: Samples; editorPages: Samples }> {
  const admin = await makeUser(db, "administrator");
  const run = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);
  const group = await run((trx) => createGroup(trx, admin, { name: "Action Log Sample Group" }));
  const published = await run((trx) =>
    planMeeting(trx, admin, group.id, { date: "2024-05-21", status: "held" }),
  );
  await run((trx) =>
    addAction(trx, admin, published, {
      text: "Circulate the timeline",
      ownerPerson: "Fiona Duncan",
      dueDate: "2024-06-01",
    }),
  );
  await run((trx) =>
    addAction(trx, admin, published, { text: "Review the plan", ownerOrganisation: "COSLA" }),
  );
  await run((trx) => agreeMinutes(trx, admin, published, {}));
  await run((trx) => publishMinutes(trx, admin, published, { publishedOn: "2024-07-01" }));
  const draft = await run((trx) => planMeeting(trx, admin, group.id, { date: "2024-06-11", status: "held" }));
  await run((trx) => addAction(trx, admin, draft, { text: "Write to the Minister", dueDate: "2099-01-01" }));
  const slug = { slug: group.slug };
  return {
    publicPages: {
      "/groups/:slug/actions": [
        { params: slug },
        { params: slug, query: "?status=open", label: "open actions" },
        { params: slug, query: "?status=closed", label: "no closed actions" },
      ],
    },
    editorPages: {
      "/manage/groups/:slug/actions": [
        { params: slug },
        { params: slug, query: "?saved=action-status", label: "after closing an action" },
      ],
    },
  };
}

/**
 * Sample addresses of the demo's National Leadership Group, for the HTML-validity test: the
 * group, its published meeting and the next one (draft minutes, given an agenda item with a
 * paper); then its forms sent back with their errors.
 */
export async function demoGovernanceSamples(app: FastifyInstance, db: Db, editor: Session) {
  const group = await db
    .selectFrom("governance_group")
    .select(["id", "slug"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const meetings = await db
    .selectFrom("meeting")
    .select(["id", "minutes_status"])
    .where("group_id", "=", group.id)
    .orderBy("meeting_date")
    .execute();
  const publishedMeeting = meetings.find((m) => m.minutes_status === "published")!.id;
  const draftMeeting = meetings.find((m) => m.minutes_status === "draft")!.id;
  const membership = await db
    .selectFrom("group_membership")
    .select("id")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const publishedItem = await db
    .selectFrom("agenda_item")
    .select("id")
    .where("meeting_id", "=", publishedMeeting)
    .orderBy("position")
    .executeTakeFirstOrThrow();
  const added = await postForm(app, editor, `/manage/meetings/${draftMeeting}/items`, {
    title: "Matters arising",
    notes: "Members noted the actions from the last meeting.",
    discussionPoints: "First point\nSecond point",
  });
  if (added.statusCode !== 303) throw new Error(`Could not add an agenda item: ${added.body.slice(0, 300)}`);
  const draftItem = (
    await db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", draftMeeting)
      .executeTakeFirstOrThrow()
  ).id;
  await postForm(app, editor, `/manage/agenda-items/${draftItem}/papers`, {
    paperTitle: "Forward look",
    reference: "paper 2/1",
    url: "https://example.org/forward-look",
  });

  const publicPages: Samples = {
    "/groups": [{}],
    "/groups/:slug": [{ params: { slug: group.slug } }],
    "/groups/:slug/meetings/:id": [{ params: { slug: group.slug, id: publishedMeeting } }],
  };
  const editorPages: Samples = {
    "/manage/groups/new": [{}],
    "/manage/groups/:slug": [
      { params: { slug: group.slug } },
      { params: { slug: group.slug }, query: "?saved=member", label: "after adding a member" },
    ],
    "/manage/memberships/:id": [{ params: { id: membership.id } }],
    "/manage/meetings/:id": [
      { params: { id: publishedMeeting }, label: "published minutes" },
      { params: { id: draftMeeting }, query: "?saved=item", label: "draft minutes, with matters arising" },
    ],
    "/manage/meetings/:id/attendance": [
      { params: { id: draftMeeting } },
      { params: { id: publishedMeeting } },
    ],
    "/manage/agenda-items/:id": [
      { params: { id: draftItem }, label: "draft minutes, with a paper" },
      { params: { id: publishedItem.id }, label: "published minutes" },
    ],
  };

  async function visitErrors(errorPage: ErrorPage): Promise<void> {
    await errorPage(
      "planning a meeting that ends before it starts",
      postForm(app, editor, `/manage/groups/${group.slug}/meetings`, {
        "date-day": "1",
        "date-month": "9",
        "date-year": "2025",
        startTime: "15:00",
        endTime: "14:00",
      }),
      400,
    );
    await errorPage(
      "attendance with a person listed twice",
      postForm(app, editor, `/manage/meetings/${draftMeeting}/attendance`, {
        "person-1": "Jane Scott",
        "person-2": "Jane Scott",
      }),
      400,
    );
    await errorPage(
      "a member deputising for someone not in the group",
      postForm(app, editor, `/manage/groups/${group.slug}/members`, {
        person: "A Deputy",
        deputyFor: "Nobody",
      }),
      400,
    );
    // Someone else saved first (a version no record has): the form again, with what is saved now.
    const stale = { version: "999999" };
    await errorPage(
      "group details from a stale form (conflict)",
      postForm(app, editor, `/manage/groups/${group.slug}`, {
        ...stale,
        name: "A name someone else typed",
        status: "paused",
        "endDate-day": "1",
        "endDate-month": "1",
        "endDate-year": "2030",
      }),
      409,
    );
    await errorPage(
      "a membership from a stale form (conflict)",
      postForm(app, editor, `/manage/memberships/${membership.id}`, { ...stale, role: "observer" }),
      409,
    );
    await errorPage(
      "removing a membership from a stale page (conflict)",
      postForm(app, editor, `/manage/memberships/${membership.id}/remove`, stale),
      409,
    );
    await errorPage(
      "meeting details from a stale form (conflict)",
      postForm(app, editor, `/manage/meetings/${draftMeeting}`, {
        ...stale,
        "date-day": "2",
        "date-month": "2",
        "date-year": "2025",
        place: "Somewhere else",
        online: "yes",
        status: "cancelled",
      }),
      409,
    );
    await errorPage(
      "an agenda item from a stale form (conflict)",
      postForm(app, editor, `/manage/agenda-items/${draftItem}`, { ...stale, title: "Another title" }),
      409,
    );
    await errorPage(
      "removing an agenda item from a stale page (conflict)",
      postForm(app, editor, `/manage/agenda-items/${draftItem}/remove`, stale),
      409,
    );
    await errorPage(
      "draft minutes, to the public",
      getPage(app, undefined, `/groups/${group.slug}/meetings/${draftMeeting}`),
      404,
    );
  }

  return { publicPages, editorPages, visitErrors };
}
