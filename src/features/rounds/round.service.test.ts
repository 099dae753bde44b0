import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { makeRoundFixture, roundForm, submitFor } from "../../../test/support/round-fixtures.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "../../platform/errors.ts";
import { closeRound, getRound, listRounds, openRound, openRoundsFor } from "./round.service.ts";
import { addDays, parseOffsets, reminderDays } from "./round.validation.ts";

const TODAY = "2026-10-01";
const DUE = "2026-10-31";

describe("reporting rounds", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("works out reminder days from offsets, never before today", () => {
    expect(addDays("2026-10-31", -14)).toBe("2026-10-17");
    expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    const round = {
      title: "t",
      dueDate: "2026-10-31",
      allRouteMaps: true,
      themeIds: [],
      daysBefore: [40, 14, 3],
      daysAfter: [1, 7],
    };
    expect(reminderDays(round, TODAY)).toEqual(["2026-10-17", "2026-10-28", "2026-11-01", "2026-11-07"]);
    const errors = {};
    expect(parseOffsets(errors, "daysBefore", " 3,14 , 14", "before")).toEqual([14, 3]);
    expect(errors).toEqual({});
  });

  it("an editor opens a round: each responsible organisation owes its actions, with reminder rows, audited", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const before = await auditCount(db);
    const id = await db
      .transaction()
      .execute((trx) => openRound(trx, f.editor, roundForm(f, DUE), { today: TODAY }));
    const round = await getRound(db, f.editor, id);
    expect(round).toMatchObject({
      title: "Autumn 2026 update",
      dueDate: DUE,
      allRouteMaps: false,
      closedAt: null,
    });
    expect(round.themes.map((t) => t.slug)).toEqual([f.themeSlug]);
    // First: action 1 (lead). Second: action 1 (partner) and action 2 (through its sector). Action 3 names nobody.
    const owed = Object.fromEntries(
      round.organisations.map((o) => [o.slug, o.items.map((i) => [i.key, i.role, i.answered])]),
    );
    expect(owed).toEqual({
      [f.first.slug]: [[f.actionKeys[0], "lead", false]],
      [f.second.slug]: expect.arrayContaining([
        [f.actionKeys[0], "partner", false],
        [f.actionKeys[1], "lead", false],
      ]),
    });
    expect(round.totals).toEqual({
      owed: 3,
      answered: 0,
      percent: 0,
      organisations: 2,
      organisationsDone: 0,
    });
    const reminders = await db
      .selectFrom("round_reminder")
      .select(["organisation_id", "send_on", "sent_at"])
      .where("round_id", "=", id)
      .orderBy("organisation_id")
      .orderBy("send_on")
      .execute();
    const days = ["2026-10-17", "2026-10-28", "2026-11-01", "2026-11-07"];
    expect(reminders).toEqual(
      [f.first.id, f.second.id].flatMap((o) =>
        days.map((d) => ({ organisation_id: o, send_on: d, sent_at: null })),
      ),
    );
    expect(round.reminders.map((r) => [r.sendOn, r.total, r.sent])).toEqual(days.map((d) => [d, 2, 0]));
    expect(await auditCount(db)).toBe(before + 1);
    const event = await db
      .selectFrom("audit_event")
      .select(["action", "entity_id"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ action: "round.open", entity_id: String(id) });
  });

  it("counts an update as an answer only when submitted after the round opened; completion follows", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    // Submitted before the round: does not answer it.
    await submitFor(db, f, f.firstContributor, f.first.slug, 0);
    const id = await db
      .transaction()
      .execute((trx) => openRound(trx, f.editor, roundForm(f, DUE), { today: TODAY }));
    expect((await getRound(db, f.editor, id)).totals.answered).toBe(0);
    await submitFor(db, f, f.firstContributor, f.first.slug, 0);
    await submitFor(db, f, f.secondContributor, f.second.slug, 1);
    const round = await getRound(db, f.editor, id);
    expect(round.totals).toEqual({
      owed: 3,
      answered: 2,
      percent: 66,
      organisations: 2,
      organisationsDone: 1,
    });
    expect(round.organisations.map((o) => [o.slug, o.answered, o.owed, o.percent])).toEqual([
      [f.second.slug, 1, 2, 50],
      [f.first.slug, 1, 1, 100],
    ]);
    // The second organisation's contributor sees the open round and what it still owes.
    const mine = await openRoundsFor(db, f.secondContributor, f.second.id);
    expect(mine.map((r) => r.id)).toEqual([id]);
    expect(mine[0]!.organisation.items.map((i) => [i.key, i.answered])).toEqual(
      expect.arrayContaining([
        [f.actionKeys[0], false],
        [f.actionKeys[1], true],
      ]),
    );
    // Another organisation's contributor may not look.
    expect(await refusal(openRoundsFor(db, f.firstContributor, f.second.id))).toBeInstanceOf(ForbiddenError);

    // Closed: no longer among the open rounds; later updates no longer count.
    expect(await db.transaction().execute((trx) => closeRound(trx, f.editor, id))).toEqual({ closed: true });
    expect(await db.transaction().execute((trx) => closeRound(trx, f.editor, id))).toEqual({ closed: false });
    expect(await openRoundsFor(db, f.secondContributor, f.second.id)).toEqual([]);
    await submitFor(db, f, f.secondContributor, f.second.slug, 0);
    const closed = await getRound(db, f.editor, id);
    expect(closed.closedAt).not.toBeNull();
    expect(closed.totals.answered).toBe(2);
    expect((await listRounds(db, f.editor)).find((r) => r.id === id)?.closedAt).not.toBeNull();
  });

  it("refuses a due date in the past, no actions chosen and bad offsets, naming each field; nothing saved", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const rounds = async () =>
      Number(
        (
          await db
            .selectFrom("reporting_round")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = { rounds: await rounds(), audit: await auditCount(db) };
    const open = (changes: Parameters<typeof roundForm>[2]) =>
      refusal(
        db
          .transaction()
          .execute((trx) => openRound(trx, f.editor, roundForm(f, DUE, changes), { today: TODAY })),
      );

    const past = await open({ dueDay: "30", dueMonth: "9", dueYear: "2026" });
    expect(past).toBeInstanceOf(ValidationError);
    expect(past.fields).toEqual({ dueDate: "The due date must be today or later" });

    const none = await open({ themes: [] });
    expect(none.fields).toEqual({ themes: "Choose at least one route map" });

    const bad = await open({ daysBefore: "14, soon", daysAfter: "0", title: "", scope: "" });
    expect(Object.keys(bad.fields).sort()).toEqual(["daysAfter", "daysBefore", "scope", "title"]);
    expect(bad.fields.daysBefore).toMatch(/days before the due date as whole numbers/);

    expect((await open({ dueDay: "31", dueMonth: "2", dueYear: "2027" })).fields).toEqual({
      dueDate: "Enter a real date, for example 1 12 2025",
    });
    expect((await open({ dueDay: "", dueMonth: "", dueYear: "" })).fields).toEqual({
      dueDate: "Enter the date updates are due",
    });
    expect((await open({ themes: ["999999"] })).fields).toEqual({
      themes: "Choose route maps from the list",
    });
    expect({ rounds: await rounds(), audit: await auditCount(db) }).toEqual(before);
  });

  it("refuses a route map where nobody is named yet", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    await db.deleteFrom("action_responsibility").where("theme_id", "=", f.themeId).execute();
    const refused = await refusal(
      db.transaction().execute((trx) => openRound(trx, f.editor, roundForm(f, DUE), { today: TODAY })),
    );
    expect(Object.keys(refused.fields)).toEqual(["themes"]);
    expect(refused.fields.themes).toMatch(/names an organisation/);
  });

  it("only programme editors and administrators run rounds", async () => {
    const db = handle.db;
    const f = await makeRoundFixture(db);
    const reader = await makeUser(db, "reader");
    for (const actor of [reader, f.firstContributor])
      expect(
        await refusal(
          db.transaction().execute((trx) => openRound(trx, actor, roundForm(f, DUE), { today: TODAY })),
        ),
      ).toBeInstanceOf(ForbiddenError);
    expect(await refusal(listRounds(db, PUBLIC))).toBeInstanceOf(UnauthenticatedError);
    const admin = await makeUser(db, "administrator");
    const id = await db
      .transaction()
      .execute((trx) => openRound(trx, admin, roundForm(f, DUE), { today: TODAY }));
    expect(await refusal(getRound(db, reader, id))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(db.transaction().execute((trx) => closeRound(trx, reader, id)))).toBeInstanceOf(
      ForbiddenError,
    );
  });
});
