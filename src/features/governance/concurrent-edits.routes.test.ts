import { describe, expect, it } from "vitest";
import { unique } from "../../../test/support/factories.ts";
import { governanceApp } from "../../../test/support/governance-app.ts";
import { getPage, postForm, type Session, signIn } from "../../../test/support/http.ts";
import { addAgendaItem } from "./agenda.service.ts";
import { createGroup } from "./group.service.ts";
import { planMeeting } from "./meeting.service.ts";
import { addMembership } from "./membership.service.ts";

// Two people open the same edit page and both save: the first is saved, the second is refused
// (409) with their input kept and the first person's change shown beside it, and nothing of the
// first is overwritten. Saving again from the refused form (it carries the version now) works.

const { app, db, admin, run } = await governanceApp();

/** The version carried by the form that posts to `action` on the page. */
function versionIn(body: string, action: string): string {
  const start = body.indexOf(`action="${action}"`);
  expect(start, `a form posting to ${action}`).toBeGreaterThanOrEqual(0);
  const end = body.indexOf("</form>", start);
  const match = /name="version" value="(\d+)"/.exec(body.slice(start, end));
  expect(match, `a version in the form posting to ${action}`).not.toBeNull();
  return match![1]!;
}

async function twoEditors(groupId: number): Promise<[Session, Session]> {
  return [
    await signIn(app, db, "programme_editor"),
    await signIn(app, db, [{ role: "group_secretary", groupId }]),
  ];
}

async function auditActions(entityType: string, id: number): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_event")
    .select("action")
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();
  return rows.map((r) => r.action);
}

describe("two people changing a group's details", () => {
  it("saves the first, refuses the second with both changes shown, and overwrites nothing", async () => {
    const group = await run((trx) => createGroup(trx, admin, { name: unique("Leadership Group") }));
    const [alice, bob] = await twoEditors(group.id);
    const path = `/manage/groups/${group.slug}`;
    const aliceVersion = versionIn((await getPage(app, alice, path)).body, path);
    const bobVersion = versionIn((await getPage(app, bob, path)).body, path);

    const first = await postForm(app, alice, path, {
      name: group.name,
      remit: "Alice's remit: oversee the whole programme",
      version: aliceVersion,
    });
    expect(first.statusCode).toBe(303);

    const second = await postForm(app, bob, path, {
      name: group.name,
      remit: "Bob's remit: only the workforce",
      portfolio: "Bob's portfolio",
      version: bobVersion,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Your change has not been saved");
    expect(second.body).toContain("Bob&#39;s remit: only the workforce");
    expect(second.body).toContain("Bob&#39;s portfolio");
    expect(second.body).toContain("Saved version now:");
    expect(second.body).toContain("Alice&#39;s remit: oversee the whole programme");

    const saved = await db
      .selectFrom("governance_group")
      .select(["remit", "portfolio", "version"])
      .where("id", "=", group.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ remit: "Alice's remit: oversee the whole programme", portfolio: "", version: 1 });
    expect(await auditActions("governance_group", group.id)).toEqual(["group.create", "group.update"]);

    // The refused form carries the version as it is now: Bob, having seen Alice's change, may save.
    const again = await postForm(app, bob, path, {
      name: group.name,
      remit: "Bob's remit: only the workforce",
      version: versionIn(second.body, path),
    });
    expect(again.statusCode).toBe(303);
  });
});

describe("two people changing one membership", () => {
  it("refuses the second change and a stale removal, keeping the first person's change", async () => {
    const group = await run((trx) => createGroup(trx, admin, { name: unique("Workforce Group") }));
    const id = await run((trx) =>
      addMembership(trx, admin, group.id, { person: unique("Jane Scott"), organisation: "CELCIS" }),
    );
    const [alice, bob] = await twoEditors(group.id);
    const path = `/manage/memberships/${id}`;
    const alicePage = (await getPage(app, alice, path)).body;
    const bobPage = (await getPage(app, bob, path)).body;

    const first = await postForm(app, alice, path, {
      organisation: "CELCIS",
      role: "co_chair",
      version: versionIn(alicePage, path),
    });
    expect(first.statusCode).toBe(303);

    const second = await postForm(app, bob, path, {
      organisation: "Bob's Council",
      role: "observer",
      version: versionIn(bobPage, path),
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('value="Bob&#39;s Council"');
    expect(second.body).toMatch(/<option value="observer" selected>/);
    expect(second.body).toContain("Saved version now:");
    expect(second.body).toContain("Co-chair");

    const removal = await postForm(app, bob, `${path}/remove`, {
      version: versionIn(bobPage, `${path}/remove`),
    });
    expect(removal.statusCode).toBe(409);
    expect(removal.body).toContain("Your change has not been saved");

    const saved = await db
      .selectFrom("group_membership")
      .select(["role", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ role: "co_chair", version: 1 });
    expect(await auditActions("group_membership", id)).toEqual(["membership.add", "membership.update"]);

    const removed = await postForm(app, bob, `${path}/remove`, {
      version: versionIn(removal.body, `${path}/remove`),
    });
    expect(removed.statusCode).toBe(303);
  });
});

describe("two people changing a meeting's details", () => {
  it("saves the first place and refuses the second, showing both", async () => {
    const group = await run((trx) => createGroup(trx, admin, { name: unique("Data Group") }));
    const meetingId = await run((trx) => planMeeting(trx, admin, group.id, { date: "2024-05-21" }));
    const [alice, bob] = await twoEditors(group.id);
    const path = `/manage/meetings/${meetingId}`;
    const aliceVersion = versionIn((await getPage(app, alice, path)).body, path);
    const bobVersion = versionIn((await getPage(app, bob, path)).body, path);
    const date = { "date-day": "21", "date-month": "5", "date-year": "2024" };

    const first = await postForm(app, alice, path, { ...date, place: "Alice Hall", version: aliceVersion });
    expect(first.statusCode).toBe(303);
    const second = await postForm(app, bob, path, {
      ...date,
      place: "Bob Room",
      status: "cancelled",
      version: bobVersion,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('value="Bob Room"');
    expect(second.body).toContain("Saved version now:");
    expect(second.body).toContain("Alice Hall");

    const saved = await db
      .selectFrom("meeting")
      .select(["place", "status", "version"])
      .where("id", "=", meetingId)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ place: "Alice Hall", status: "planned", version: 1 });
    expect((await auditActions("meeting", meetingId)).filter((a) => a === "meeting.update")).toHaveLength(1);
  });
});

describe("two people changing one agenda item", () => {
  it("refuses the second change and a removal made from the older page", async () => {
    const group = await run((trx) => createGroup(trx, admin, { name: unique("Policy Group") }));
    const meetingId = await run((trx) => planMeeting(trx, admin, group.id, { date: "2024-06-11" }));
    const itemId = await run((trx) => addAgendaItem(trx, admin, meetingId, { title: "Workforce plan" }));
    const [alice, bob] = await twoEditors(group.id);
    const path = `/manage/agenda-items/${itemId}`;
    const aliceVersion = versionIn((await getPage(app, alice, path)).body, path);
    const bobVersion = versionIn((await getPage(app, bob, path)).body, path);
    const meetingPage = (await getPage(app, bob, `/manage/meetings/${meetingId}`)).body;

    const first = await postForm(app, alice, path, {
      title: "Workforce plan",
      notes: "Alice's minute of the item",
      version: aliceVersion,
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(app, bob, path, {
      title: "Workforce plan",
      notes: "Bob's minute of the item",
      version: bobVersion,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Bob&#39;s minute of the item");
    expect(second.body).toContain("Saved version now:");
    expect(second.body).toContain("Alice&#39;s minute of the item");

    const removal = await postForm(app, bob, `${path}/remove`, {
      version: versionIn(meetingPage, `${path}/remove`),
    });
    expect(removal.statusCode).toBe(409);
    expect(removal.body).toContain("Your change has not been saved");

    const saved = await db
      .selectFrom("agenda_item")
      .select(["notes", "version"])
      .where("id", "=", itemId)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ notes: "Alice's minute of the item", version: 1 });
    expect(await auditActions("agenda_item", itemId)).toEqual(["agenda_item.add", "agenda_item.update"]);
  });
});

describe("two saves of one group at the same moment", () => {
  it("lets exactly one through and refuses the other", async () => {
    const group = await run((trx) => createGroup(trx, admin, { name: unique("Race Group") }));
    const [alice, bob] = await twoEditors(group.id);
    const path = `/manage/groups/${group.slug}`;
    const version = versionIn((await getPage(app, alice, path)).body, path);
    const answers = await Promise.all([
      postForm(app, alice, path, { name: group.name, remit: "Alice's", version }),
      postForm(app, bob, path, { name: group.name, remit: "Bob's", version }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 409]);
    const winner = answers[0]!.statusCode === 303 ? "Alice's" : "Bob's";
    const saved = await db
      .selectFrom("governance_group")
      .select(["remit", "version"])
      .where("id", "=", group.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ remit: winner, version: 1 });
    expect(await auditActions("governance_group", group.id)).toEqual(["group.create", "group.update"]);
  });
});
