import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import type { Actor } from "../../platform/actor.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { Db, Trx } from "../../platform/database.ts";
import {
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  UnauthenticatedError,
  ValidationError,
} from "../../platform/errors.ts";
import {
  addItem,
  ClashWarning,
  changeItem,
  getItem,
  listAudiences,
  listForEditing,
  listTimeline,
  setPublished,
} from "./timeline.service.ts";
import { itemForm, makeOrganisation } from "./timeline.test-support.ts";
import type { Audience } from "./timeline.types.ts";

const handle = await createTestDatabase("empty");
afterAll(() => handle.close());
const db: Db = handle.db;
const run = <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => db.transaction().execute(fn);
const save = { threshold: 2, saveAnyway: false };
let editor: Actor;
let reader: Actor;
let organisation: { id: number; slug: string };
let audiences: Audience[];

beforeAll(async () => {
  editor = await makeUser(db, "programme_editor");
  reader = await makeUser(db, "reader");
  organisation = await makeOrganisation(db);
  audiences = await listAudiences(db);
});

function audience(slug: string): number {
  const found = audiences.find((a) => a.slug === slug);
  if (!found) throw new Error(`no audience ${slug}`);
  return found.id;
}

describe("timeline items", () => {
  it("the migration seeds the audiences, in order", () => {
    expect(audiences.map((a) => a.slug)).toEqual([
      "children-and-young-people",
      "care-experienced-adults",
      "families-and-carers",
      "workforce",
      "local-authorities",
      "third-sector",
      "health-boards",
    ]);
  });

  it("an item starts as a draft the public cannot find, is audited, and reaches the public when published", async () => {
    const before = await auditCount(db);
    const form = itemForm(organisation.id, [audience("workforce")], "2030-03-02", "2030-04-30");
    const id = await run((trx) => addItem(trx, editor, form, save));
    expect(await auditCount(db)).toBe(before + 1);
    expect(await refusal(getItem(db, PUBLIC, id, 2))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getItem(db, reader, id, 2))).toBeInstanceOf(NotFoundError);
    expect((await listTimeline(db, {}, 2)).items.map((i) => i.id)).not.toContain(id);
    expect((await listForEditing(db, editor, 2)).items.map((i) => i.id)).toContain(id);

    await run((trx) => setPublished(trx, editor, id, 0, true));
    const { item } = await getItem(db, PUBLIC, id, 2);
    expect(item).toMatchObject({
      title: form.title,
      kind: "consultation",
      startsOn: "2030-03-02",
      endsOn: "2030-04-30",
      approximate: null,
      published: true,
      version: 1,
      link: "https://www.gov.scot/consultations",
    });
    expect(item.audiences.map((a) => a.slug)).toEqual(["workforce"]);
    const events = await db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "timeline_item")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["timeline_item.create", "timeline_item.publish"]);
  });

  it("keeps an approximate date as its window and its words", async () => {
    const form = itemForm(organisation.id, [], "2031-01-01", null, {
      kind: "strategy",
      dateKind: "approximate",
      approximatePart: "autumn",
      approximateYear: "2031",
    });
    const id = await run((trx) => addItem(trx, editor, form, save));
    const { item } = await getItem(db, editor, id, 2);
    expect(item).toMatchObject({ startsOn: "2031-09-01", endsOn: "2031-11-30", approximate: "autumn 2031" });
  });

  it("refuses answers that need correcting, naming each field, and saves nothing", async () => {
    const before = await auditCount(db);
    const error = await refusal(
      run((trx) =>
        addItem(
          trx,
          editor,
          itemForm(organisation.id, [], "2030-05-10", "2030-05-01", {
            title: " ",
            kind: "rumour",
            status: "maybe",
            link: "javascript:alert(1)",
            organisation: "999999",
            themes: ["nope"],
          }),
          save,
        ),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fields).sort()).toEqual([
      "end",
      "kind",
      "link",
      "organisation",
      "status",
      "themes",
      "title",
    ]);
    const ask = await refusal(
      run((trx) => addItem(trx, editor, itemForm(organisation.id, [], "2030-05-10", null), save)),
    );
    expect(ask.fields).toEqual({ audiences: expect.stringContaining("Choose who it asks") });
    const approximate = await refusal(
      run((trx) =>
        addItem(
          trx,
          editor,
          itemForm(organisation.id, [1], "2030-05-10", null, {
            dateKind: "approximate",
            approximateYear: "soon",
          }),
          save,
        ),
      ),
    );
    expect(Object.keys(approximate.fields).sort()).toEqual(["approximatePart", "approximateYear"]);
    expect(await auditCount(db)).toBe(before);
  });

  it("only programme editors and administrators change the timeline", async () => {
    const form = itemForm(organisation.id, [audience("workforce")], "2030-06-01", null);
    expect(await refusal(run((trx) => addItem(trx, PUBLIC, form, save)))).toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(await refusal(run((trx) => addItem(trx, reader, form, save)))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(listForEditing(db, reader, 2))).toBeInstanceOf(ForbiddenError);
  });

  it("a change from an out-of-date form is refused and changes nothing", async () => {
    const form = itemForm(organisation.id, [audience("third-sector")], "2030-07-01", null, {
      kind: "report",
      audiences: [],
    });
    const id = await run((trx) => addItem(trx, editor, form, save));
    await run((trx) => changeItem(trx, editor, id, 0, { ...form, title: "First change" }, save));
    const stale = await refusal(
      run((trx) => changeItem(trx, editor, id, 0, { ...form, title: "Second change" }, save)),
    );
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect(stale.status).toBe(409);
    const { item } = await getItem(db, editor, id, 2);
    expect(item).toMatchObject({ title: "First change", version: 1 });
  });

  it("warns before saving a third ask of one audience in the same week, naming the others, and saves anyway when told", async () => {
    const families = audience("families-and-carers");
    const first = itemForm(organisation.id, [families], "2032-07-01", "2032-07-10");
    const second = itemForm(organisation.id, [families, families], "2032-07-10", "2032-07-20", {
      kind: "survey",
    });
    // 5 July 2032 is a Monday: the week of 5 to 11 July holds the end of the first (touching the
    // second on the 10th), the second, and the third, on Sunday 11 July.
    const third = itemForm(organisation.id, [families], "2032-07-11", null, { kind: "event" });
    const firstId = await run((trx) => addItem(trx, editor, first, save));
    const secondId = await run((trx) => addItem(trx, editor, second, save));
    const before = await auditCount(db);
    const warning = await refusal(run((trx) => addItem(trx, editor, third, save)));
    expect(warning).toBeInstanceOf(ClashWarning);
    const notices = (warning as ClashWarning).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.audience.slug).toBe("families-and-carers");
    expect(notices[0]?.when).toBe("the week starting 5 July 2032");
    expect(notices[0]?.items.map((i) => i.title)).toEqual([first.title, second.title, third.title]);
    expect(await auditCount(db)).toBe(before);

    const thirdId = await run((trx) => addItem(trx, editor, third, { threshold: 2, saveAnyway: true }));
    // The public see the clash once all three are published; each item names it.
    for (const id of [firstId, secondId, thirdId]) await run((trx) => setPublished(trx, editor, id, 0, true));
    const timeline = await listTimeline(db, { audience: "families-and-carers" }, 2);
    expect(timeline.clashes.filter((c) => c.items.some((i) => i.id === firstId))).toHaveLength(1);
    expect((await getItem(db, PUBLIC, secondId, 2)).clashes[0]?.items.map((i) => i.id)).toEqual([
      firstId,
      secondId,
      thirdId,
    ]);
    // A higher threshold: no clash.
    expect((await getItem(db, PUBLIC, secondId, 3)).clashes).toEqual([]);
  });
});
