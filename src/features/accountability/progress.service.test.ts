import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountabilityFixture,
  actionVersion,
  makeAccountability,
  updateForm,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { type Actor, PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { getOrganisationAccount, listActionAccounts } from "./accountability.service.ts";
import {
  getActionStory,
  getOwed,
  getUpdateForm,
  requestMoreEvidence,
  saveUpdate,
} from "./progress.service.ts";

describe("progress updates", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function setup() {
    const db = handle.db;
    const f = await makeAccountability(db);
    const firstContributor = await makeUser(db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    const secondContributor = await makeUser(db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
    return { db, f, firstContributor, secondContributor };
  }

  const version = (f: AccountabilityFixture, i: 0 | 1 | 2) =>
    actionVersion(handle.db, f.themeId, f.actionKeys[i]);

  it("an organisation sees what it owes, directly or through its sector, with due dates, overdue and stale", async () => {
    const { db, f, secondContributor } = await setup();
    const owed = await getOwed(db, secondContributor, f.second.slug, { today: "2026-11-22" });
    const mine = owed.actions.filter((a) => a.action.themeSlug === f.themeSlug);
    // Action 2 through its sector (lead) comes before action 1 (partner).
    expect(mine.map((a) => [a.action.key, a.role])).toEqual([
      [f.actionKeys[1], "lead"],
      [f.actionKeys[0], "partner"],
    ]);
    expect(mine[0]!.namedAs).toEqual([expect.objectContaining({ kind: "sector", id: f.sector.id })]);
    expect(mine[0]!.due).toEqual({ year: null, date: "2028-03-31" });
    expect(mine[1]!.due).toEqual({ year: 2025, date: null });
    // Due in 2025 and not complete: overdue in November 2026; nothing reported at all: stale.
    expect(mine.map((a) => [a.overdue, a.stale])).toEqual([
      [false, true],
      [true, true],
    ]);
  });

  it("a contributor's update is a draft until submitted: the public see nothing, then the update", async () => {
    const { db, f, firstContributor } = await setup();
    const key = f.actionKeys[0];
    await db
      .transaction()
      .execute((trx) => saveUpdate(trx, firstContributor, updateForm(f, f.first.slug, key, 0)));
    let story = await getActionStory(db, PUBLIC, f.themeSlug, key);
    expect(story.updates).toEqual([]);
    expect((await listActionAccounts(db, { themeId: f.themeId }))[0]!.latest).toBeNull();

    await db.transaction().execute((trx) =>
      saveUpdate(
        trx,
        firstContributor,
        updateForm(f, f.first.slug, key, 1, {
          intent: "submit",
          linkUrl: "https://www.gov.scot/publications/public-service-reform-strategy/",
          linkTitle: "Public Service Reform Strategy",
          voice: "It felt like they listened.",
        }),
      ),
    );
    story = await getActionStory(db, PUBLIC, f.themeSlug, key);
    expect(story.updates).toHaveLength(1);
    const update = story.updates[0]!;
    // The draft was submitted, not copied: one update, at on track's default of 50%.
    expect([update.state, update.status, update.percent, update.authorName]).toEqual([
      "submitted",
      "on_track",
      50,
      firstContributor.kind === "user" ? firstContributor.name : "",
    ]);
    expect(update.evidence.map((e) => e.kind)).toEqual(["link", "voice"]);
    const account = (await listActionAccounts(db, { themeId: f.themeId, today: "2026-11-22" }))[0]!;
    expect(account.latest?.id).toBe(update.id);
    expect(account.stale).toBe(false);
  });

  it("an organisation contributor never sees or changes another organisation's drafts", async () => {
    const { db, f, firstContributor, secondContributor } = await setup();
    const key = f.actionKeys[0];
    await db
      .transaction()
      .execute((trx) => saveUpdate(trx, firstContributor, updateForm(f, f.first.slug, key, 0)));

    const seenBySecond = await getActionStory(db, secondContributor, f.themeSlug, key);
    expect(seenBySecond.updates).toEqual([]);
    const seenByFirst = await getActionStory(db, firstContributor, f.themeSlug, key);
    expect(seenByFirst.updates.map((u) => u.state)).toEqual(["draft"]);

    const secondAccount = await getOrganisationAccount(db, secondContributor, f.first.slug);
    expect(secondAccount.showsDrafts).toBe(false);
    expect(secondAccount.actions.every((a) => a.draft === null)).toBe(true);
    expect(await refusal(getOwed(db, secondContributor, f.first.slug))).toBeInstanceOf(ForbiddenError);

    const before = await auditCount(db);
    const error = await refusal(
      db
        .transaction()
        .execute((trx) => saveUpdate(trx, secondContributor, updateForm(f, f.first.slug, key, 1))),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await auditCount(db)).toBe(before);
  });

  /** The version an organisation's update form carries for an action, as its contributor reads it. */
  async function formVersion(actor: Actor, organisationSlug: string, f: AccountabilityFixture, key: string) {
    return (await getUpdateForm(handle.db, actor, organisationSlug, f.themeSlug, key)).owed.version;
  }

  it("two organisations named on one action update it at once: both are saved, neither is told of a conflict", async () => {
    const { db, f, firstContributor, secondContributor } = await setup();
    const key = f.actionKeys[0];
    // Both forms are loaded before either is sent.
    const firstSeen = await formVersion(firstContributor, f.first.slug, f, key);
    const secondSeen = await formVersion(secondContributor, f.second.slug, f, key);
    await db
      .transaction()
      .execute((trx) =>
        saveUpdate(trx, firstContributor, updateForm(f, f.first.slug, key, firstSeen, { intent: "submit" })),
      );
    await db
      .transaction()
      .execute((trx) =>
        saveUpdate(
          trx,
          secondContributor,
          updateForm(f, f.second.slug, key, secondSeen, { intent: "submit", narrative: "Our own news." }),
        ),
      );
    const after = await getActionStory(db, PUBLIC, f.themeSlug, key);
    expect(after.updates.map((u) => u.organisation.id)).toEqual([f.second.id, f.first.id]);
    // Neither organisation's change moved the action's own version (its due date, weight, outcome).
    expect(await version(f, 0)).toBe(1);
  });

  it("two contributors of one organisation updating the same action at once: the first is saved, the second told, nothing lost", async () => {
    const { db, f, firstContributor } = await setup();
    const colleague = await makeUser(db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const key = f.actionKeys[0];
    const seen = await formVersion(firstContributor, f.first.slug, f, key);
    expect(await formVersion(colleague, f.first.slug, f, key)).toBe(seen);
    await db
      .transaction()
      .execute((trx) =>
        saveUpdate(trx, firstContributor, updateForm(f, f.first.slug, key, seen, { intent: "submit" })),
      );
    const before = await auditCount(db);
    const error = await refusal(
      db
        .transaction()
        .execute((trx) =>
          saveUpdate(
            trx,
            colleague,
            updateForm(f, f.first.slug, key, seen, { intent: "submit", narrative: "Our own news." }),
          ),
        ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await auditCount(db)).toBe(before);
    const story = await getActionStory(db, f.editor, f.themeSlug, key);
    expect(story.updates.map((u) => u.organisation.id)).toEqual([f.first.id]);
    // With the version the form now carries, the second update goes in after the first.
    const now = await formVersion(colleague, f.first.slug, f, key);
    expect(now).toBe(seen + 1);
    await db
      .transaction()
      .execute((trx) =>
        saveUpdate(
          trx,
          colleague,
          updateForm(f, f.first.slug, key, now, { intent: "submit", narrative: "Our own news." }),
        ),
      );
    const after = await getActionStory(db, PUBLIC, f.themeSlug, key);
    expect(after.updates.map((u) => u.narrative)[0]).toBe("Our own news.");
    expect(after.updates).toHaveLength(2);
  });

  it("bad answers are refused with every field named, and nothing is saved", async () => {
    const { db, f, firstContributor } = await setup();
    const before = await auditCount(db);
    const seen = await version(f, 0);
    const error = await refusal(
      db.transaction().execute((trx) =>
        saveUpdate(
          trx,
          firstContributor,
          updateForm(f, f.first.slug, f.actionKeys[0], seen, {
            intent: "submit",
            status: "fine",
            percent: "120",
            narrative: "",
            confidence: "",
            linkUrl: "javascript:alert(1)",
          }),
        ),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fields).sort()).toEqual([
      "confidence",
      "linkUrl",
      "narrative",
      "percent",
      "status",
    ]);
    expect(await auditCount(db)).toBe(before);
    expect(await version(f, 0)).toBe(1);
  });

  it("an organisation not named on an action has no update to give", async () => {
    const { db, f, firstContributor } = await setup();
    const error = await refusal(
      db
        .transaction()
        .execute((trx) => saveUpdate(trx, firstContributor, updateForm(f, f.first.slug, f.actionKeys[2], 0))),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("a programme editor can ask for more evidence; a contributor cannot", async () => {
    const { db, f, firstContributor } = await setup();
    const key = f.actionKeys[0];
    const { id } = await db
      .transaction()
      .execute((trx) =>
        saveUpdate(trx, firstContributor, updateForm(f, f.first.slug, key, 0, { intent: "submit" })),
      );
    expect(
      await refusal(
        db.transaction().execute((trx) =>
          requestMoreEvidence(trx, firstContributor, {
            updateId: id,
            version: 1,
            note: "Please add a link.",
          }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenError);
    const updated = await db.transaction().execute((trx) =>
      requestMoreEvidence(trx, f.editor, {
        updateId: id,
        version: 1,
        note: "Which councils? Please add a link.",
      }),
    );
    expect(updated.evidenceRequest).toBe("Which councils? Please add a link.");
    const story = await getActionStory(db, PUBLIC, f.themeSlug, key);
    expect(story.updates[0]!.evidenceRequestedAt).toBeInstanceOf(Date);
  });
});
