import { unique } from "../../../test/support/factories.ts";
import type { Db } from "../../platform/database.ts";

// A small governance landscape written straight into a test database, for the landscape page,
// calendars, downloads, the API and CSV. Names are unique per call, so tests never depend on each
// other's rows. Two groups share people; one meeting has published minutes, one has draft minutes
// (with a private paper and attendance the public must never see), one is the planned next meeting.

export interface LandscapeFixture {
  leadership: { id: number; slug: string; name: string };
  workforce: { id: number; slug: string; name: string };
  people: { louise: number; andrew: number; jess: number; mary: number; hidden: number };
  organisations: { solace: number; government: number; sssc: number };
  meetings: { published: number; draft: number; next: number; cancelled: number };
  /** Text that appears only in private business: it must never reach the public. */
  secrets: { paperTitle: string; itemTitle: string; personName: string };
}

async function group(
  db: Db,
  values: {
    name: string;
    remit: string;
    endDate?: string | null;
    reviewDate?: string | null;
    parentId?: number;
  },
) {
  const slug = unique("group");
  const { id } = await db
    .insertInto("governance_group")
    .values({
      slug,
      name: values.name,
      remit: values.remit,
      end_date: values.endDate ?? null,
      review_date: values.reviewDate ?? null,
      parent_id: values.parentId ?? null,
      portfolio: "Children and families",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, slug, name: values.name };
}

async function person(db: Db, name: string, email: string | null = null): Promise<number> {
  const { id } = await db
    .insertInto("person")
    .values({ name, email })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function organisation(db: Db, name: string): Promise<number> {
  const { id } = await db
    .insertInto("organisation")
    .values({ slug: unique("org"), name, type: "other" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function meeting(
  db: Db,
  values: {
    groupId: number;
    date: string;
    status: "planned" | "held" | "cancelled";
    minutes: "draft" | "agreed" | "published";
    start?: string;
    end?: string;
    online?: boolean;
    place?: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("meeting")
    .values({
      group_id: values.groupId,
      meeting_date: values.date,
      start_time: values.start ?? "10:00",
      end_time: values.end ?? "12:00",
      online: values.online ?? false,
      place: values.place ?? "Victoria Quay",
      status: values.status,
      minutes_status: values.minutes,
      published_on: values.minutes === "published" ? values.date : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function buildLandscape(db: Db): Promise<LandscapeFixture> {
  const tag = unique("x");
  const leadership = await group(db, {
    name: `Leadership Group ${tag}`,
    remit: "Lead change for children and families across Scotland",
    reviewDate: "2024-01-01",
    endDate: "2030-03-31",
  });
  const workforce = await group(db, {
    name: `Workforce Group ${tag}`,
    remit: "Support the workforce caring for children and families",
    parentId: leadership.id,
  });
  const organisations = {
    solace: await organisation(db, `SOLACE ${tag}`),
    government: await organisation(db, `Scottish Government ${tag}`),
    sssc: await organisation(db, `SSSC ${tag}`),
  };
  const people = {
    louise: await person(db, `Louise Long ${tag}`, `louise-${tag}@example.test`),
    andrew: await person(db, `Andrew Watson ${tag}`),
    jess: await person(db, `=Jess Elsey ${tag}`),
    mary: await person(db, `Mary Morris ${tag}`),
    hidden: await person(db, `Draft Only ${tag}`),
  };
  const member = (groupId: number, personId: number, organisationId: number, role: "co_chair" | "member") =>
    db
      .insertInto("group_membership")
      .values({ group_id: groupId, person_id: personId, organisation_id: organisationId, role })
      .execute();
  await member(leadership.id, people.louise, organisations.solace, "co_chair");
  await member(leadership.id, people.andrew, organisations.government, "co_chair");
  await member(leadership.id, people.jess, organisations.sssc, "member");
  await member(workforce.id, people.louise, organisations.solace, "member");
  await member(workforce.id, people.jess, organisations.sssc, "member");

  const next = await meeting(db, {
    groupId: leadership.id,
    date: "2024-06-11",
    status: "planned",
    minutes: "draft",
    start: "15:05",
    end: "16:30",
    online: true,
    place: "",
  });
  const published = await meeting(db, {
    groupId: leadership.id,
    date: "2024-05-21",
    status: "held",
    minutes: "published",
  });
  await db.updateTable("meeting").set({ next_meeting_id: next }).where("id", "=", published).execute();
  const draft = await meeting(db, {
    groupId: workforce.id,
    date: "2024-05-28",
    status: "held",
    minutes: "draft",
  });
  const cancelled = await meeting(db, {
    groupId: workforce.id,
    date: "2024-04-02",
    status: "cancelled",
    minutes: "draft",
  });

  const attend = (
    meetingId: number,
    personId: number,
    organisationId: number,
    status: "present" | "apologies" | "deputised",
    position: number,
    extra: { coChair?: boolean; deputy?: number } = {},
  ) =>
    db
      .insertInto("meeting_attendance")
      .values({
        meeting_id: meetingId,
        person_id: personId,
        organisation_id: organisationId,
        status,
        position,
        co_chair: extra.coChair ?? false,
        deputised_by_id: extra.deputy ?? null,
      })
      .execute();
  await attend(published, people.louise, organisations.solace, "present", 1, { coChair: true });
  await attend(published, people.andrew, organisations.government, "present", 2, { coChair: true });
  await attend(published, people.jess, organisations.sssc, "deputised", 3, { deputy: people.mary });
  await attend(draft, people.louise, organisations.solace, "present", 1);
  await attend(draft, people.hidden, organisations.sssc, "present", 2);

  const secrets = {
    paperTitle: `Private paper ${tag}`,
    itemTitle: `Unpublished item ${tag}`,
    personName: `Draft Only ${tag}`,
  };
  const item = async (meetingId: number, title: string, position: number) =>
    (
      await db
        .insertInto("agenda_item")
        .values({
          meeting_id: meetingId,
          position,
          title,
          notes: `${title}: the minute.`,
          discussion_points: "first point\nsecond point",
          decisions: "The group agreed.",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const welcome = await item(published, "Welcome from co-chairs", 1);
  await item(published, "Leadership functions", 2);
  await item(draft, secrets.itemTitle, 1);
  await db
    .insertInto("paper")
    .values([
      {
        agenda_item_id: welcome,
        position: 1,
        title: `Public paper ${tag}`,
        reference: "paper 1/1",
        public: true,
      },
      {
        agenda_item_id: welcome,
        position: 2,
        title: secrets.paperTitle,
        reference: "paper 1/2",
        public: false,
      },
    ])
    .execute();
  await db
    .insertInto("meeting_action")
    .values({
      meeting_id: published,
      agenda_item_id: welcome,
      text: "Collate the feedback.",
      owner_organisation_id: organisations.government,
      due_date: "2024-06-10",
    })
    .execute();
  return {
    leadership,
    workforce,
    people,
    organisations,
    meetings: { published, draft, next, cancelled },
    secrets,
  };
}
