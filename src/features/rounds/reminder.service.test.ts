import { randomUUID } from "node:crypto";
import { type ExpressionBuilder, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { testApp } from "../../../test/support/http.ts";
import {
  makeRoundFixture,
  person,
  type RoundFixture,
  roundForm,
  submitFor,
  type UserActor,
} from "../../../test/support/round-fixtures.ts";
import { type MailCatcher, startMailCatcher } from "../../../test/support/smtp.ts";
import type { Database } from "../../db/schema.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { smtpMailer } from "../../platform/mail.ts";
import { sendDueReminders } from "./reminder.service.ts";
import { closeRound, openRound } from "./round.service.ts";

// Reminders through a real SMTP server: the right people get the right mail on the right day,
// those who answered get none, a restart sends what is due exactly once, two passes at once send
// once, a failed send is tried again on the next pass, nothing waits on the mail server, and a
// pass that died leaves its reminder to the next once its claim runs out. Days are fixed: the
// round opens on
// 1 October 2026, due 31 October, reminders 14 and 3 days before and 1 and 7 days after.

const OPENED = "2026-10-01";
const DUE = "2026-10-31";

describe("reporting-round reminders", () => {
  let handle: DatabaseHandle;
  let catcher: MailCatcher;
  /** Addresses the mail server refuses for now (a test empties it to let them through). */
  const refused: string[] = [];
  const logged: string[] = [];
  const log = {
    info: (m: string) => logged.push(`info: ${m}`),
    warn: (m: string) => logged.push(`warn: ${m}`),
    error: (m: string) => logged.push(`error: ${m}`),
  };
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    catcher = await startMailCatcher({ baseUrl: "https://waymark.example.org", refuse: refused });
  });
  afterAll(async () => {
    await catcher?.close();
    await handle?.close();
  });
  // Each test's rounds are its own: earlier tests' rounds are closed, so their reminders never go.
  beforeEach(async () => {
    await handle.db
      .updateTable("reporting_round")
      .set({ closed_at: new Date() })
      .where("closed_at", "is", null)
      .execute();
  });

  async function openedRound(f: RoundFixture): Promise<number> {
    return handle.db
      .transaction()
      .execute((trx) => openRound(trx, f.editor, roundForm(f, DUE), { today: OPENED }));
  }
  const pass = (today: string, mailer = catcher.mailer) =>
    sendDueReminders(handle.db, mailer, { today, log });
  const count = (email: string) => catcher.to(email).length;

  it("sends each contributor of each organisation that owes updates one email on a reminder day, and nobody else", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const colleague = await person(db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const gone = await person(db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    await db.updateTable("app_user").set({ status: "deactivated" }).where("id", "=", gone.id).execute();
    const reader = await person(db, "reader");
    await openedRound(f);
    const people = [f.firstContributor, colleague, f.secondContributor].map((p) => p.email);

    expect(await pass("2026-10-16")).toEqual({ sent: 0, skipped: 0, failed: 0, emails: 0 });
    expect(await pass("2026-10-17")).toEqual({ sent: 2, skipped: 0, failed: 0, emails: 3 });
    expect(people.map(count)).toEqual([1, 1, 1]);
    for (const other of [gone, reader, f.editor as UserActor]) expect(count(other.email)).toBe(0);

    const [toSecond] = catcher.to(people[2]!);
    expect(toSecond!.subject).toBe("Autumn 2026 update: 2 updates due by 31 October 2026");
    expect(toSecond!.text).toContain(
      `${f.second.name} still has 2 updates to give for "Autumn 2026 update". They are due by 31 October 2026.`,
    );
    expect(toSecond!.text).toContain("- The Promise Scotland will work alongside SOLACE");
    expect(toSecond!.text).toContain("- Explore opportunities to work alongside forums");
    expect(toSecond!.text).not.toContain("convene dialogue");
    expect(toSecond!.text).toContain(`https://waymark.example.org/progress/${f.second.slug}`);
    const [toFirst] = catcher.to(people[0]!);
    expect(toFirst!.subject).toBe("Autumn 2026 update: 1 update due by 31 October 2026");

    // The same day again, and the next: nothing more.
    expect((await pass("2026-10-17")).emails).toBe(0);
    expect((await pass("2026-10-18")).emails).toBe(0);
    expect(people.map(count)).toEqual([1, 1, 1]);
  });

  it("sends nothing to an organisation that has answered everything it owes, and tells late ones it was due", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const id = await openedRound(f);
    const first = f.firstContributor.email;
    const second = f.secondContributor.email;
    const before = [count(first), count(second)];
    await submitFor(db, f, f.secondContributor, f.second.slug, 0);
    await submitFor(db, f, f.secondContributor, f.second.slug, 1);
    // Catching up on 1 November: one email (the latest due), not one per missed day.
    expect(await pass("2026-11-01")).toEqual({ sent: 1, skipped: 1, failed: 0, emails: 1 });
    expect([count(first), count(second)]).toEqual([before[0]! + 1, before[1]]);
    const late = catcher.to(first).at(-1)!;
    expect(late.subject).toBe("Autumn 2026 update: 1 update due since 31 October 2026");
    expect(late.text).toContain("They were due on 31 October 2026");
    const outcomes = await db
      .selectFrom("round_reminder")
      .select(["organisation_id", "send_on", "outcome"])
      .where("round_id", "=", id)
      .where("send_on", "<=", "2026-11-01")
      .orderBy("organisation_id")
      .orderBy("send_on")
      .execute();
    expect(
      outcomes.map((o) => [o.organisation_id === f.first.id ? "first" : "second", o.send_on, o.outcome]),
    ).toEqual([
      ["first", "2026-10-17", "superseded"],
      ["first", "2026-10-28", "superseded"],
      ["first", "2026-11-01", "sent"],
      ["second", "2026-10-17", "superseded"],
      ["second", "2026-10-28", "superseded"],
      ["second", "2026-11-01", "answered"],
    ]);
    // A closed round sends nothing more.
    await db.transaction().execute((trx) => closeRound(trx, f.editor, id));
    expect((await pass("2026-11-07")).emails).toBe(0);
  });

  it("survives a restart: a new app on the same database sends what is due exactly once", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    await openedRound(f);
    const first = f.firstContributor.email;
    const before = count(first);
    const day = () => "2026-10-28";
    const app = await testApp(db, { mailer: catcher.mailer, reminders: { everyMinutes: 5, today: day } });
    await app.ready();
    await app.reminders!.idle();
    await app.close();
    expect(count(first)).toBe(before + 1);
    // Restarted on the same day: it looks again at start, and finds nothing left to send.
    const again = await testApp(db, { mailer: catcher.mailer, reminders: { everyMinutes: 5, today: day } });
    await again.ready();
    await again.reminders!.idle();
    expect(await again.reminders!.runNow()).toEqual({ sent: 0, skipped: 0, failed: 0, emails: 0 });
    await again.close();
    expect(count(first)).toBe(before + 1);
    // Without a schedule (as in tests), the app starts no scheduler.
    const quiet = await testApp(db);
    await quiet.ready();
    expect(quiet.reminders).toBeNull();
    await quiet.close();
  });

  it("two passes at once send each email once", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    await openedRound(f);
    const people = [f.firstContributor.email, f.secondContributor.email];
    const before = people.map(count);
    const results = await Promise.all([pass("2026-10-17"), pass("2026-10-17"), pass("2026-10-17")]);
    expect(results.reduce((n, r) => n + r.emails, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(people.map(count)).toEqual(before.map((n) => n + 1));
  });

  it("a failed send is logged and tried again on the next pass; whoever got it is not written to twice", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const colleague = await person(db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const id = await openedRound(f);
    // No mail server at all: nothing is sent, nothing is lost.
    const dead = smtpMailer({
      url: "smtp://127.0.0.1:9",
      from: "Waymark <w@example.test>",
      baseUrl: "https://x.test",
    });
    logged.length = 0;
    expect(await pass("2026-10-17", dead)).toMatchObject({ sent: 0, failed: 2, emails: 0 });
    dead.close();
    expect(logged.filter((l) => l.startsWith("error:"))).toHaveLength(2);
    const waiting = await db
      .selectFrom("round_reminder")
      .select(["sent_at", "attempts", "last_error"])
      .where("round_id", "=", id)
      .where("send_on", "=", "2026-10-17")
      .execute();
    expect(waiting.every((r) => r.sent_at === null && r.attempts === 1 && (r.last_error ?? "") !== "")).toBe(
      true,
    );

    // The server refuses one of the first organisation's two contributors: the other gets it.
    refused.push(colleague.email);
    const people = [f.firstContributor.email, colleague.email, f.secondContributor.email];
    const before = people.map(count);
    expect(await pass("2026-10-17")).toMatchObject({ sent: 1, failed: 1, emails: 2 });
    expect(people.map(count)).toEqual([before[0]! + 1, before[1], before[2]! + 1]);
    // Next pass, the mailbox works again: only the one who missed it is written to.
    refused.length = 0;
    expect(await pass("2026-10-17")).toMatchObject({ sent: 1, failed: 0, emails: 1 });
    expect(people.map(count)).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1]);
  });

  it("sends with no transaction open: each email is kept as soon as it goes, and another pass leaves the reminder alone", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const colleague = await person(db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const id = await openedRound(f);
    const deliveries = async () =>
      (
        await db
          .selectFrom("round_reminder_delivery")
          .innerJoin("round_reminder", "round_reminder.id", "round_reminder_delivery.reminder_id")
          .select("round_reminder_delivery.email")
          .where("round_reminder.round_id", "=", id)
          .execute()
      ).map((r) => r.email);
    const seen: Array<{ to: string; kept: string[]; other: unknown }> = [];
    // While each email is on its way, look at the database from outside the pass, and run
    // another pass (on PGlite, a transaction held open here would make both wait for ever).
    const watching = {
      ...catcher.mailer,
      async send(message: Parameters<typeof catcher.mailer.send>[0]) {
        seen.push({ to: message.to, kept: await deliveries(), other: await pass("2026-10-17") });
        await catcher.mailer.send(message);
      },
    };
    // This pass takes the first organisation's reminder (the older row) and writes to its two
    // contributors; the pass run while the first of those emails goes takes the other one.
    expect(await pass("2026-10-17", watching)).toMatchObject({ sent: 1, failed: 0, emails: 2 });
    const nothing = { sent: 0, skipped: 0, failed: 0, emails: 0 };
    expect(seen.map((s) => s.other)).toEqual([{ ...nothing, sent: 1, emails: 1 }, nothing]);
    // The first organisation's two contributors: the first email is kept before the second goes.
    const firstTwo = [f.firstContributor.email, colleague.email].sort();
    expect(seen.map((s) => firstTwo.includes(s.to))).toEqual([true, true]);
    expect(seen.map((s) => s.kept.filter((e) => firstTwo.includes(e)).length)).toEqual([0, 1]);
    expect((await deliveries()).sort()).toEqual([...firstTwo, f.secondContributor.email].sort());
  });

  it("a pass that died mid-way leaves its reminder claimed until the claim runs out; then the next pass sends it", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const id = await openedRound(f);
    const dueNow = (eb: ExpressionBuilder<Database, "round_reminder">) =>
      eb.and([eb("round_id", "=", id), eb("send_on", "=", "2026-10-17")]);
    const people = [f.firstContributor.email, f.secondContributor.email];
    const before = people.map(count);
    // As a pass leaves them when it stops between claiming and finishing.
    await db
      .updateTable("round_reminder")
      .set({ claimed_by: randomUUID(), claimed_until: sql<Date>`now() + interval '5 minutes'` })
      .where(dueNow)
      .execute();
    expect(await pass("2026-10-17")).toMatchObject({ sent: 0, emails: 0 });
    expect(people.map(count)).toEqual(before);
    await db
      .updateTable("round_reminder")
      .set({ claimed_until: sql<Date>`now() - interval '1 second'` })
      .where(dueNow)
      .execute();
    expect(await pass("2026-10-17")).toMatchObject({ sent: 2, emails: 2 });
    expect(people.map(count)).toEqual(before.map((n) => n + 1));
    const left = await db
      .selectFrom("round_reminder")
      .select(["claimed_by", "outcome"])
      .where(dueNow)
      .execute();
    expect(left).toEqual([
      { claimed_by: null, outcome: "sent" },
      { claimed_by: null, outcome: "sent" },
    ]);
  });
});
