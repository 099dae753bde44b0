import { listLinkableActions, listLinkableCommitments } from "../../src/features/funding/funding.service.ts";
import {
  addAllocation,
  addYear,
  createFund,
  linkAction,
  linkCommitment,
} from "../../src/features/funding/funding-edit.service.ts";
import { importDocument } from "../../src/features/import/document-import.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { actorWith } from "../support/accounts.ts";
import { importFixture } from "../support/import-fixtures.ts";
import {
  EVERYONE,
  type Expected,
  type MatrixPart,
  type Sample,
  signedIn,
  VISITORS,
  type Visitor,
} from "./matrix.types.ts";

// Funding: the public read published funds and their published awards (pages and CSV); only
// "funding.edit" (programme editors and administrators) may see or use the editors' pages. A draft
// fund is "not found" on the public pages for everyone, editors included (they read it under
// /manage/funds), and a draft award's words are a secret only editors and administrators may see.
// Every POST carries a form that would succeed; links are made and removed on a fund per visitor,
// so each allowed change really changes something (and is audited).

interface Fixtures {
  published: string;
  draft: string;
  year: number;
  allocation: number;
  action: string;
  commitment: string;
  toLink: Record<Visitor, string>;
  toUnlink: Record<Visitor, string>;
}

const SEE: Expected = signedIn({ editor: 200, administrator: 200 });
const CHANGE: Expected = signedIn({ editor: 303, administrator: 303 });
const HIDDEN: Expected = { ...EVERYONE, ...Object.fromEntries(VISITORS.map((v) => [v, 404])) } as Expected;
const EDITORS: Visitor[] = ["editor", "administrator"];

async function versionOf(db: Db, table: "fund" | "fund_year" | "fund_allocation", where: string | number) {
  const query =
    table === "fund"
      ? db.selectFrom("fund").select("version").where("slug", "=", String(where))
      : db.selectFrom(table).select("version").where("id", "=", Number(where));
  return (await query.executeTakeFirst())?.version ?? 0;
}

const fundForm = {
  name: "Matrix fund",
  commitment: "£1m",
  firstYear: "2024-25",
  lastYear: "2025-26",
  published: "yes",
};
const yearForm = { year: "2025-26", planned: "£500,000", status: "committed" };
const awardForm = { recipient: "area:S12000047", year: "2024-25", planned: "£10,000", awardYears: "1" };

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /funds": [{ label: "the funds", url: () => "/funds", expected: EVERYONE }],
  "GET /funds/:slug": [
    { label: "a published fund", url: (f) => `/funds/${f.published}`, expected: EVERYONE },
    { label: "a draft fund", url: (f) => `/funds/${f.draft}`, expected: HIDDEN },
  ],
  "GET /funds/:slug/years.csv": [
    { label: "a published fund's years", url: (f) => `/funds/${f.published}/years.csv`, expected: EVERYONE },
    { label: "a draft fund's years", url: (f) => `/funds/${f.draft}/years.csv`, expected: HIDDEN },
  ],
  "GET /funds/:slug/allocations.csv": [
    {
      label: "a published fund's awards",
      url: (f) => `/funds/${f.published}/allocations.csv`,
      expected: EVERYONE,
    },
  ],
  "GET /api/v1/funds": [{ label: "the funds", url: () => "/api/v1/funds", expected: EVERYONE }],
  "GET /api/v1/funds/:slug": [
    { label: "a published fund", url: (f) => `/api/v1/funds/${f.published}`, expected: EVERYONE },
    { label: "a draft fund", url: (f) => `/api/v1/funds/${f.draft}`, expected: HIDDEN },
  ],
  "GET /manage/funds": [{ label: "the editors' list", url: () => "/manage/funds", expected: SEE }],
  "GET /manage/funds/new": [{ label: "form", url: () => "/manage/funds/new", expected: SEE }],
  "POST /manage/funds": [
    { label: "add a fund", url: () => "/manage/funds", body: async () => fundForm, expected: CHANGE },
  ],
  "GET /manage/funds/:slug": [
    { label: "a draft fund's page", url: (f) => `/manage/funds/${f.draft}`, expected: SEE },
  ],
  "POST /manage/funds/:slug": [
    {
      label: "change a fund",
      url: (f) => `/manage/funds/${f.published}`,
      body: async (f, db) => ({ ...fundForm, version: await versionOf(db, "fund", f.published) }),
      expected: CHANGE,
    },
  ],
  "POST /manage/funds/:slug/years": [
    {
      label: "add a year (one each)",
      url: (f, visitor) => `/manage/funds/${f.toLink[visitor]}/years`,
      body: async () => yearForm,
      expected: CHANGE,
    },
  ],
  "GET /manage/funds/:slug/years/:id": [
    { label: "change form", url: (f) => `/manage/funds/${f.published}/years/${f.year}`, expected: SEE },
  ],
  "POST /manage/funds/:slug/years/:id": [
    {
      label: "change a year",
      url: (f) => `/manage/funds/${f.published}/years/${f.year}`,
      body: async (f, db) => ({
        ...yearForm,
        year: "2024-25",
        version: await versionOf(db, "fund_year", f.year),
      }),
      expected: CHANGE,
    },
  ],
  "POST /manage/funds/:slug/allocations": [
    {
      label: "add an award",
      url: (f) => `/manage/funds/${f.published}/allocations`,
      body: async () => awardForm,
      expected: CHANGE,
    },
  ],
  "GET /manage/funds/:slug/allocations/:id": [
    {
      label: "change form of a draft award",
      url: (f) => `/manage/funds/${f.published}/allocations/${f.allocation}`,
      expected: SEE,
    },
  ],
  "POST /manage/funds/:slug/allocations/:id": [
    {
      label: "change an award",
      url: (f) => `/manage/funds/${f.published}/allocations/${f.allocation}`,
      body: async (f, db) => ({
        ...awardForm,
        version: await versionOf(db, "fund_allocation", f.allocation),
      }),
      expected: CHANGE,
    },
  ],
  "POST /manage/funds/:slug/actions": [
    {
      label: "link an action (a fund each)",
      url: (f, visitor) => `/manage/funds/${f.toLink[visitor]}/actions`,
      body: async (f) => ({ action: f.action }),
      expected: CHANGE,
    },
  ],
  "POST /manage/funds/:slug/actions/remove": [
    {
      label: "unlink an action (a fund each)",
      url: (f, visitor) => `/manage/funds/${f.toUnlink[visitor]}/actions/remove`,
      body: async (f) => ({ action: f.action }),
      expected: CHANGE,
    },
  ],
  "POST /manage/funds/:slug/commitments": [
    {
      label: "link a commitment (a fund each)",
      url: (f, visitor) => `/manage/funds/${f.toLink[visitor]}/commitments`,
      body: async (f) => ({ commitment: f.commitment }),
      expected: CHANGE,
    },
  ],
  "POST /manage/funds/:slug/commitments/remove": [
    {
      label: "unlink a commitment (a fund each)",
      url: (f, visitor) => `/manage/funds/${f.toUnlink[visitor]}/commitments/remove`,
      body: async (f) => ({ commitment: f.commitment }),
      expected: CHANGE,
    },
  ],
};

export const fundingMatrix: MatrixPart<Fixtures> = {
  name: "funding",
  rows,
  async setup({ db, secret }) {
    const editor = await actorWith(db, [{ role: "programme_editor" }]);
    const make = (form: Record<string, string>) =>
      db.transaction().execute((trx) => createFund(trx, editor, form));
    const published = await make({ ...fundForm, name: "Matrix published fund" });
    const draft = await make({
      ...fundForm,
      name: "Matrix draft fund",
      description: secret("a draft fund's description", EDITORS),
      published: "",
    });
    await db
      .transaction()
      .execute((trx) => addYear(trx, editor, published, { ...yearForm, year: "2024-25" }));
    await db.transaction().execute((trx) =>
      addAllocation(trx, editor, published, {
        ...awardForm,
        purpose: secret("a draft award's purpose", EDITORS),
      }),
    );
    const ids = await db
      .selectFrom("fund")
      .innerJoin("fund_year", "fund_year.fund_id", "fund.id")
      .innerJoin("fund_allocation", "fund_allocation.fund_id", "fund.id")
      .select(["fund_year.id as year", "fund_allocation.id as allocation"])
      .where("fund.slug", "=", published)
      .executeTakeFirstOrThrow();
    const [linkable] = await listLinkableActions(db);
    if (!linkable) throw new Error("The demo has no published route-map action to link");
    const action = `${linkable.themeId}:${linkable.key}`;
    // A commitment to link: a key action of an imported progress update.
    await importDocument(db, editor, {
      fileName: "progress-update-part2.txt",
      bytes: importFixture("progress/progress-update-part2.txt"),
    });
    const [firstCommitment] = await listLinkableCommitments(db);
    if (!firstCommitment) throw new Error("The imported progress update has no key actions");
    const commitment = String(firstCommitment.id);
    const toLink = {} as Record<Visitor, string>;
    const toUnlink = {} as Record<Visitor, string>;
    for (const visitor of VISITORS) {
      toLink[visitor] = await make({ ...fundForm, name: `Matrix fund to link for ${visitor}` });
      toUnlink[visitor] = await make({ ...fundForm, name: `Matrix fund to unlink for ${visitor}` });
      const slug = toUnlink[visitor];
      await db.transaction().execute((trx) => linkAction(trx, editor, slug, { action }));
      await db.transaction().execute((trx) => linkCommitment(trx, editor, slug, { commitment }));
    }
    return {
      published,
      draft,
      year: ids.year,
      allocation: ids.allocation,
      action,
      commitment,
      toLink,
      toUnlink,
    };
  },
};
