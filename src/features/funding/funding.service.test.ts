import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorWith } from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { createEdition, unique } from "../../../test/support/factories.ts";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle, Db, Trx } from "../../platform/database.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { importDocument } from "../import/document-import.service.ts";
import { createOrganisation } from "../organisations/organisation.service.ts";
import {
  getFundForEditing,
  getPublishedFund,
  listLinkableActions,
  listLinkableCommitments,
  listPublishedFunds,
} from "./funding.service.ts";
import {
  addAllocation,
  addYear,
  createFund,
  linkAction,
  linkCommitment,
  unlinkCommitment,
  updateAllocation,
  updateFund,
} from "./funding-edit.service.ts";
import { byRecipient, byYear } from "./funding-summary.ts";

let handle: DatabaseHandle;
let db: Db;
let editor: Actor;
let organisationId: number;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  editor = await actorWith(db, [{ role: "programme_editor" }]);
  const admin = await actorWith(db);
  const organisation = await db
    .transaction()
    .execute((trx) =>
      createOrganisation(trx, admin, { name: unique("Kinship Carers Network"), type: "third_sector" }),
    );
  organisationId = organisation.id;
});
afterAll(async () => handle?.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
function run<T>(change: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => change(trx));
}

const wellbeing = {
  name: "Whole Family Wellbeing Fund",
  description: "Support for families before crisis.",
  commitment: "£500 million",
  firstYear: "2022-23",
  lastYear: "2025-26",
  published: "yes",
};

describe("keeping funds", () => {
  it("names every field that is wrong, and saves nothing", async () => {
    const before = (await listPublishedFunds(db)).length;
    const error = await refusal(
      run((trx) =>
        createFund(trx, editor, {
          name: " ",
          commitment: "lots",
          firstYear: "2025-26",
          lastYear: "2022-23",
          owner: "x",
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({
      name: "Enter the fund's name",
      commitment: "Enter an amount in pounds, like £50 million, £1.2m, £350,000 or 350000.50",
      lastYear: "The last year must be the same as the first year or after it",
      owner: "Choose the organisation that runs the fund from the list",
    });
    expect((await listPublishedFunds(db)).length).toBe(before);
  });

  it("holds a commitment over its years and allocations to the penny, with drafts kept private", async () => {
    const slug = await run((trx) => createFund(trx, editor, { ...wellbeing, owner: String(organisationId) }));
    for (const [year, planned, actual, status] of [
      ["2022-23", "£50 million", "£49,999,999.99", "underspent"],
      ["2023-24", "£150m", "", "committed"],
    ] as const) {
      await run((trx) => addYear(trx, editor, slug, { year, planned, actual, status }));
    }
    await run((trx) =>
      addAllocation(trx, editor, slug, {
        recipient: "area:S12000047",
        year: "2022-23",
        planned: "£1.2m",
        actual: "£1,199,999.50",
        awardYears: "3",
        purpose: "Family support hubs",
        published: "yes",
      }),
    );
    await run((trx) =>
      addAllocation(trx, editor, slug, {
        recipient: "area:S12000047",
        year: "2023-24",
        planned: "£350,000.50",
        awardYears: "1",
        published: "yes",
      }),
    );
    await run((trx) =>
      addAllocation(trx, editor, slug, {
        recipient: `organisation:${organisationId}`,
        year: "2022-23",
        planned: "£2m",
        awardYears: "1",
        purpose: "A draft not to be shown",
      }),
    );

    const fund = await getPublishedFund(db, slug);
    expect(fund.commitmentPence).toBe(50_000_000_000);
    expect(fund.owner?.id).toBe(organisationId);
    expect(fund.allocations.map((a) => a.plannedPence)).toEqual([120_000_000, 35_000_050]);
    expect(byYear(fund.firstYear, fund.lastYear, fund.years, fund.allocations)).toEqual([
      {
        year: 2022,
        plannedPence: 5_000_000_000,
        actualPence: 4_999_999_999,
        status: "underspent",
        allocatedPence: 120_000_000,
      },
      {
        year: 2023,
        plannedPence: 15_000_000_000,
        actualPence: null,
        status: "committed",
        allocatedPence: 35_000_050,
      },
      { year: 2024, plannedPence: 0, actualPence: null, status: null, allocatedPence: 0 },
      { year: 2025, plannedPence: 0, actualPence: null, status: null, allocatedPence: 0 },
    ]);
    const [fife] = byRecipient(fund.allocations);
    expect(fife).toMatchObject({
      recipient: { kind: "area", name: "Fife" },
      plannedPence: 155_000_050,
      actualPence: 119_999_950,
      years: [2022, 2023],
      multiYear: 1,
      singleYear: 1,
    });
    const listed = (await listPublishedFunds(db)).find((f) => f.slug === slug);
    expect(listed?.allocatedPence).toBe(155_000_050);
    // The editors see the draft; the public's figures never count it.
    expect((await getFundForEditing(db, editor, slug)).allocations).toHaveLength(3);

    const audit = await db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "in", ["fund", "fund_year", "fund_allocation"])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "fund.create",
        "fund_allocation.create",
        "fund_allocation.create",
        "fund_allocation.create",
        "fund_year.create",
        "fund_year.create",
      ].sort(),
    );
  });

  it("refuses years outside the fund's, a year twice, and a stale form (409) without saving", async () => {
    const slug = await run((trx) => createFund(trx, editor, { ...wellbeing, name: unique("Fund") }));
    await run((trx) => addYear(trx, editor, slug, { year: "2022-23", planned: "£50m", status: "paid" }));
    const outside = await refusal(
      run((trx) => addYear(trx, editor, slug, { year: "2030-31", planned: "£1", status: "paid" })),
    );
    expect((outside as ValidationError).fields).toEqual({
      year: "Choose a year the fund covers: 2022-23 to 2025-26",
    });
    const twice = await refusal(
      run((trx) => addYear(trx, editor, slug, { year: "2022/23", planned: "£1", status: "sideways" })),
    );
    expect((twice as ValidationError).fields).toEqual({
      year: "2022-23 is already in the table: change it there",
      status: "Choose whether the year's money is committed, paid or underspent",
    });

    const fund = await getFundForEditing(db, editor, slug);
    await run((trx) => updateFund(trx, editor, slug, fund.version, { ...wellbeing, name: "Renamed" }));
    const stale = await refusal(run((trx) => updateFund(trx, editor, slug, fund.version, wellbeing)));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await getFundForEditing(db, editor, slug)).name).toBe("Renamed");

    await run((trx) =>
      addAllocation(trx, editor, slug, {
        recipient: "area:S12000049",
        year: "2022-23",
        planned: "£5",
        awardYears: "1",
      }),
    );
    const [allocation] = (await getFundForEditing(db, editor, slug)).allocations;
    if (!allocation) throw new Error("no allocation");
    const change = { recipient: "area:S12000049", year: "2022-23", planned: "£6", awardYears: "1" };
    await run((trx) => updateAllocation(trx, editor, slug, allocation.id, allocation.version, change));
    const staleAllocation = await refusal(
      run((trx) =>
        updateAllocation(trx, editor, slug, allocation.id, allocation.version, { ...change, planned: "£7" }),
      ),
    );
    expect(staleAllocation).toBeInstanceOf(ConflictError);
    expect((await getFundForEditing(db, editor, slug)).allocations[0]?.plannedPence).toBe(600);
  });

  it("keeps a draft fund from the public, and changes from those who may not make them", async () => {
    const slug = await run((trx) =>
      createFund(trx, editor, { ...wellbeing, name: unique("Draft fund"), published: "" }),
    );
    expect(await refusal(getPublishedFund(db, slug))).toBeInstanceOf(NotFoundError);
    expect((await listPublishedFunds(db)).some((f) => f.slug === slug)).toBe(false);
    const reader = await actorWith(db, [{ role: "reader" }]);
    expect(await refusal(run((trx) => createFund(trx, reader, wellbeing)))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(getFundForEditing(db, reader, slug))).toBeInstanceOf(ForbiddenError);
  });

  it("links the actions it pays for, by their key, from the latest published route maps", async () => {
    const { themeId } = await createEdition(db, { actions: ["Support every family early."] });
    const key = (await listLinkableActions(db)).find((a) => a.themeId === themeId)?.key;
    const slug = await run((trx) => createFund(trx, editor, { ...wellbeing, name: unique("Linked fund") }));
    await run((trx) => linkAction(trx, editor, slug, { action: `${themeId}:${key}` }));
    await run((trx) => linkAction(trx, editor, slug, { action: `${themeId}:${key}` }));
    const wrong = await refusal(run((trx) => linkAction(trx, editor, slug, { action: `${themeId}:nope` })));
    expect((wrong as ValidationError).fields).toEqual({ action: "Choose an action from the list" });
    const fund = await getPublishedFund(db, slug);
    expect(fund.actions.map((a) => a.text)).toEqual(["Support every family early."]);
    const links = await db
      .selectFrom("audit_event")
      .select("action")
      .where("action", "=", "fund_action.create")
      .execute();
    expect(links).toHaveLength(1);
  });

  it("links the commitments of imported progress updates it pays for", async () => {
    await importDocument(db, editor, {
      fileName: "progress-update-part2.txt",
      bytes: importFixture("progress/progress-update-part2.txt"),
    });
    const [commitment] = await listLinkableCommitments(db);
    if (!commitment) throw new Error("the progress update has no key actions");
    const slug = await run((trx) =>
      createFund(trx, editor, { ...wellbeing, name: unique("Commitment fund") }),
    );
    await run((trx) => linkCommitment(trx, editor, slug, { commitment: String(commitment.id) }));
    expect((await getPublishedFund(db, slug)).commitments).toEqual([commitment]);
    const wrong = await refusal(
      run((trx) => linkCommitment(trx, editor, slug, { commitment: "2147483647" })),
    );
    expect((wrong as ValidationError).fields).toEqual({ commitment: "Choose a commitment from the list" });
    await run((trx) => unlinkCommitment(trx, editor, slug, { commitment: String(commitment.id) }));
    expect((await getPublishedFund(db, slug)).commitments).toEqual([]);
  });
});
