import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../platform/errors.ts";
import { addEvidence, createIndicator, setIndicatorPublished } from "./framework.service.ts";
import { actorWithRole, createTestIndicator } from "./indicator.test-support.ts";
import { getIndicator } from "./indicator-read.service.ts";

let handle: DatabaseHandle;
let db: Db;
let analyst: Actor;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  analyst = await actorWithRole(db, "analyst");
});
afterAll(async () => handle?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe("changing the progress framework", () => {
  it("names each field that is wrong, and saves nothing", async () => {
    const { outcomeSlug } = await createTestIndicator(db, analyst);
    const error = await refusal(
      db.transaction().execute((trx) =>
        createIndicator(trx, analyst, {
          outcomeSlug,
          slug: "Not A Slug",
          title: " ",
          unit: "",
          better: "lower",
          kind: "core",
          measure: "outcome",
          sourceUrl: "javascript:alert(1)",
          baselinePeriod: "last year",
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields).sort()).toEqual(
      ["baselinePeriod", "slug", "sourceUrl", "title", "unit"].sort(),
    );
  });

  it("only analysts and administrators change it; readers and editors are refused", async () => {
    const { outcomeSlug } = await createTestIndicator(db, analyst);
    for (const role of ["reader", "programme_editor"] as const) {
      const who = await actorWithRole(db, role);
      expect(
        await refusal(
          db.transaction().execute((trx) =>
            createIndicator(trx, who, {
              outcomeSlug,
              slug: `by-${role.replace("_", "-")}`,
              title: "x",
              unit: "children",
              better: "lower",
              kind: "core",
              measure: "outcome",
            }),
          ),
        ),
      ).toBeInstanceOf(ForbiddenError);
    }
  });

  it("publishing from a stale page is a conflict; publishing is audited", async () => {
    const { slug, id } = await createTestIndicator(db, analyst);
    await db
      .transaction()
      .execute((trx) => setIndicatorPublished(trx, analyst, { slug, published: true, version: 1 }));
    expect((await getIndicator(db, { kind: "public" }, slug)).published).toBe(true);
    expect(
      await refusal(
        db
          .transaction()
          .execute((trx) => setIndicatorPublished(trx, analyst, { slug, published: false, version: 1 })),
      ),
    ).toBeInstanceOf(ConflictError);
    const audit = await db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "indicator")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["indicator.create", "indicator.publish"]);
  });

  it("refuses experiential evidence given without consent or not anonymised", async () => {
    const { slug } = await createTestIndicator(db, analyst);
    const error = await refusal(
      db.transaction().execute((trx) =>
        addEvidence(trx, analyst, {
          indicatorSlug: slug,
          kind: "quote",
          text: "A quote.",
          consented: false,
          anonymised: false,
        }),
      ),
    );
    expect((error as ValidationError).fields).toEqual({
      consented: "Only evidence given with consent can be shown.",
      anonymised: "Only anonymised evidence can be shown.",
    });
    expect(await db.selectFrom("indicator_evidence").select("id").execute()).toEqual([]);
  });
});
