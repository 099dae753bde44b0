import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { unique } from "../../../test/support/factories.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "../../platform/errors.ts";
import * as organisations from "./organisation.service.ts";

const handle = await createTestDatabase("empty");
afterAll(() => handle.close());
const db = handle.db;
const editor = await makeUser(db, "programme_editor");
const reader = await makeUser(db, "reader");
const run = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);

describe("the register of organisations", () => {
  it("finds an organisation by name whatever its case, spacing or apostrophes", async () => {
    const name = `Children’s Hearings ${unique("Scotland")}`;
    const created = await run((trx) =>
      organisations.createOrganisation(trx, editor, { name, type: "public_body" }),
    );
    expect(created.slug).toMatch(/^childrens-hearings-scotland-/);
    const found = await organisations.findOrganisationByName(
      db,
      `  children's   HEARINGS ${name.split(" ")[2]!.toLowerCase()} `,
    );
    expect(found?.id).toBe(created.id);
    expect(await organisations.findOrganisationByName(db, "Someone Else Entirely")).toBeUndefined();
  });

  it("finds an organisation by another name it goes by", async () => {
    const suffix = unique("x");
    const created = await run((trx) =>
      organisations.createOrganisation(trx, editor, {
        name: `Coalition of Care and Support Providers ${suffix}`,
        type: "third_sector",
        aliases: [`CCPS ${suffix}`],
      }),
    );
    expect((await organisations.findOrganisationByName(db, `ccps ${suffix}`))?.id).toBe(created.id);
  });

  it("refuses a second organisation of the same name, naming the field, and saves nothing", async () => {
    const name = unique("CoSLA");
    await run((trx) => organisations.createOrganisation(trx, editor, { name }));
    const before = await auditCount(db);
    const error = await refusal(
      run((trx) => organisations.createOrganisation(trx, editor, { name: name.toUpperCase() })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields.name).toContain("already has");
    expect(await auditCount(db)).toBe(before);
  });

  it("refuses an empty name, an unknown type and a malformed area code", async () => {
    const error = await refusal(
      run((trx) =>
        organisations.createOrganisation(trx, editor, { name: " ", type: "club", areaCode: "12" }),
      ),
    );
    expect(Object.keys(error.fields)).toEqual(["name", "type", "areaCode"]);
  });

  it("lets only those who manage the register add to it", async () => {
    expect(
      await refusal(run((trx) => organisations.createOrganisation(trx, PUBLIC, { name: unique("A") }))),
    ).toBeInstanceOf(UnauthenticatedError);
    expect(
      await refusal(run((trx) => organisations.createOrganisation(trx, reader, { name: unique("A") }))),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("find-or-create returns the existing organisation without needing permission to add", async () => {
    const name = unique("SOLACE");
    await run((trx) => organisations.createOrganisation(trx, editor, { name }));
    const { organisation, created } = await run((trx) =>
      organisations.findOrCreateOrganisation(trx, reader, { name: ` ${name.toLowerCase()}` }),
    );
    expect(created).toBe(false);
    expect(organisation.name).toBe(name);
    expect(
      await refusal(
        run((trx) => organisations.findOrCreateOrganisation(trx, reader, { name: unique("New") })),
      ),
    ).toBeInstanceOf(ForbiddenError);
  });

  it("says what kind an organisation is, audited with before and after; refuses bad input and those who may not", async () => {
    const added = await run((trx) =>
      organisations.createOrganisation(trx, editor, { name: unique("CELCIS") }),
    );
    expect(added.type).toBe("other");
    const before = await auditCount(db);
    const classified = await run((trx) =>
      organisations.classifyOrganisation(trx, editor, added.id, { type: "education" }),
    );
    expect(classified).toMatchObject({ id: added.id, type: "education", areaCode: null });
    expect((await organisations.getOrganisation(db, added.id))?.type).toBe("education");
    const event = await db
      .selectFrom("audit_event")
      .select(["action", "before", "after"])
      .where("entity_type", "=", "organisation")
      .where("entity_id", "=", String(added.id))
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      action: "organisation.classify",
      before: { type: "other", areaCode: null },
      after: { type: "education", areaCode: null },
    });
    expect(await auditCount(db)).toBe(before + 1);

    const bad = await refusal(
      run((trx) =>
        organisations.classifyOrganisation(trx, editor, added.id, { type: "club", areaCode: "12" }),
      ),
    );
    expect(Object.keys(bad.fields)).toEqual(["type", "areaCode"]);
    expect(
      await refusal(
        run((trx) => organisations.classifyOrganisation(trx, reader, added.id, { type: "other" })),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await refusal(
        run((trx) => organisations.classifyOrganisation(trx, editor, 999_999, { type: "other" })),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await auditCount(db)).toBe(before + 1);
    expect((await organisations.getOrganisation(db, added.id))?.type).toBe("education");
  });
});
