import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionVersion,
  makeAccountability,
  updateForm,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { createEdition } from "../../../test/support/factories.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../platform/errors.ts";
import { listActionAccounts } from "./accountability.service.ts";
import { saveUpdate } from "./progress.service.ts";
import { getResponsibilityForm, saveResponsibility } from "./responsibility.service.ts";
import { getProgrammeProgress } from "./rollup.service.ts";

describe("who must act, and by when", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("responsibilities and updates follow an action's key into the route map's next edition", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await makeUser(db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    await db
      .transaction()
      .execute((trx) =>
        saveUpdate(trx, contributor, updateForm(f, f.first.slug, f.actionKeys[0], 0, { intent: "submit" })),
      );
    await createEdition(db, {
      themeId: f.themeId,
      lastUpdated: "2026-06-01",
      actions: [
        { text: "Reworded: explore the promise keeper model with SOLACE and COSLA.", key: f.actionKeys[0] },
      ],
    });
    const [account] = await listActionAccounts(db, { themeId: f.themeId });
    expect(account!.action.text).toMatch(/^Reworded/);
    expect(account!.parties.map((p) => [p.name, p.role])).toEqual([
      [f.first.name, "lead"],
      [f.second.name, "partner"],
    ]);
    expect(account!.due.year).toBe(2025);
    expect(account!.latest?.organisation.id).toBe(f.first.id);
  });

  it("refuses what cannot be: both lead and partner, a year and a date, a weight out of range", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const before = await auditCount(db);
    const error = await refusal(
      db.transaction().execute((trx) =>
        saveResponsibility(trx, f.editor, {
          themeSlug: f.themeSlug,
          key: f.actionKeys[2],
          version: 0,
          leadOrganisations: [String(f.first.id)],
          partnerOrganisations: [String(f.first.id), "999999"],
          dueYear: "2027",
          dueDay: "1",
          dueMonth: "4",
          dueDateYear: "2027",
          weight: "500",
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fields).sort()).toEqual(["dueDate", "partnerOrganisations", "weight"]);
    expect(await auditCount(db)).toBe(before);
  });

  it("two editors changing who must act at once: the second is told, and nothing of theirs is saved", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const other = await makeUser(db, "programme_editor");
    const seen = (await getResponsibilityForm(db, f.editor, f.themeSlug, f.actionKeys[0])).version;
    await db.transaction().execute((trx) =>
      saveResponsibility(trx, f.editor, {
        themeSlug: f.themeSlug,
        key: f.actionKeys[0],
        version: seen,
        dueYear: "2029",
      }),
    );
    const error = await refusal(
      db.transaction().execute((trx) =>
        saveResponsibility(trx, other, {
          themeSlug: f.themeSlug,
          key: f.actionKeys[0],
          version: seen,
          dueYear: "2030",
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((await getResponsibilityForm(db, f.editor, f.themeSlug, f.actionKeys[0])).due.year).toBe(2029);
  });

  it("only programme editors may say who must act", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await makeUser(db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    for (const actor of [contributor, await makeUser(db, "reader")]) {
      expect(await refusal(getResponsibilityForm(db, actor, f.themeSlug, f.actionKeys[0]))).toBeInstanceOf(
        ForbiddenError,
      );
    }
  });

  it("rolls the route map's progress up from its submitted updates, with weights", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await makeUser(db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    await db
      .transaction()
      .execute((trx) =>
        saveUpdate(
          trx,
          contributor,
          updateForm(f, f.first.slug, f.actionKeys[0], 0, { intent: "submit", status: "complete" }),
        ),
      );
    // Three actions, one complete: a third of the way.
    let progress = await getProgrammeProgress(db);
    expect(progress.themes.get(f.themeSlug)).toEqual({ status: "in_progress", percent: 33, counted: 3 });
    // The complete action weighs 2: half of the weight (2 of 4) is done.
    const version = await actionVersion(db, f.themeId, f.actionKeys[0]);
    await db.transaction().execute((trx) =>
      saveResponsibility(trx, f.editor, {
        themeSlug: f.themeSlug,
        key: f.actionKeys[0],
        version,
        leadOrganisations: String(f.first.id),
        weight: "2",
      }),
    );
    progress = await getProgrammeProgress(db);
    expect(progress.themes.get(f.themeSlug)?.percent).toBe(50);
    // The route map's one outcome holds every action.
    expect(progress.outcomes.get(f.outcomeKey)?.percent).toBe(50);
    expect(progress.foundations.get(f.foundationSlug)?.percent).toBe(50);
  });
});
