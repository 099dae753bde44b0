import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { unique } from "../../../test/support/factories.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "../../platform/errors.ts";
import * as people from "./person.service.ts";

const handle = await createTestDatabase("empty");
afterAll(() => handle.close());
const db = handle.db;
const editor = await makeUser(db, "programme_editor");
const group = await db
  .insertInto("governance_group")
  .values({ slug: unique("g"), name: "A group" })
  .returning("id")
  .executeTakeFirstOrThrow();
const secretary = await makeUser(db, [{ role: "group_secretary", groupId: group.id }]);
const reader = await makeUser(db, "reader");
const run = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);

describe("people", () => {
  it("are found by name whatever the case and spacing, and created once", async () => {
    const name = `Jane ${unique("Scott")}`;
    const first = await run((trx) => people.findOrCreatePerson(trx, editor, { name }));
    expect(first.created).toBe(true);
    const again = await run((trx) =>
      people.findOrCreatePerson(trx, editor, { name: `  ${name.toUpperCase().replace(" ", "   ")} ` }),
    );
    expect(again).toEqual({ person: first.person, created: false });
    expect((await people.findPersonByName(db, name.toLowerCase()))?.id).toBe(first.person.id);
  });

  it("may be added by a group's secretary for that group, not another", async () => {
    const added = await run((trx) =>
      people.findOrCreatePerson(trx, secretary, { name: unique("Lorraine") }, { groupId: group.id }),
    );
    expect(added.created).toBe(true);
    expect(
      await refusal(
        run((trx) =>
          people.findOrCreatePerson(trx, secretary, { name: unique("X") }, { groupId: group.id + 1 }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await refusal(run((trx) => people.findOrCreatePerson(trx, reader, { name: unique("X") }))),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await refusal(run((trx) => people.findOrCreatePerson(trx, PUBLIC, { name: unique("X") }))),
    ).toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses an empty name or a malformed email address, naming the field", async () => {
    const error = await refusal(
      run((trx) => people.findOrCreatePerson(trx, editor, { name: "", email: "not-an-email" })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fields)).toEqual(["name", "email"]);
  });
});
