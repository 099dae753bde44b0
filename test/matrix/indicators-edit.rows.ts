import { createOutcome, createVisionStatement } from "../../src/features/indicators/framework.service.ts";
import { listLinkableActions } from "../../src/features/indicators/framework-edit.repository.ts";
import {
  actorWithRole,
  createTestIndicator,
  uniqueSlug,
} from "../../src/features/indicators/indicator.test-support.ts";
import type { Db } from "../../src/platform/database.ts";
import {
  type Expected,
  type MatrixPart,
  type Sample,
  signedIn,
  VISITORS,
  type Visitor,
} from "./matrix.types.ts";

// The analysts' forms for the progress framework: vision statements, outcomes, indicators'
// details, evidence and linked actions. Only "indicator.edit" (analysts and administrators) may
// see or use them; the public is sent to sign in. Every POST carries a form that would succeed.

interface Fixtures {
  vision: string;
  outcome: string;
  indicator: string;
  evidence: number;
  evidenceToRemove: Record<Visitor, number>;
  action: number;
}

const SEE: Expected = signedIn({ analyst: 200, administrator: 200 });
const CHANGE: Expected = signedIn({ analyst: 303, administrator: 303 });

async function versionOf(db: Db, table: "vision_statement" | "pf_outcome" | "indicator", slug: string) {
  const row = await db.selectFrom(table).select("version").where("slug", "=", slug).executeTakeFirst();
  return row?.version ?? 0;
}

async function evidenceVersion(db: Db, id: number) {
  const row = await db
    .selectFrom("indicator_evidence")
    .select("version")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.version ?? 0;
}

const indicatorForm = (outcome: string) => ({
  outcome,
  title: "Matrix indicator",
  unit: "children",
  better: "lower",
  kind: "core",
  measure: "outcome",
});

const evidenceForm = { kind: "quote", text: "It helped.", consented: "yes", anonymised: "yes" };

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /manage/indicators/visions/new": [
    { label: "form", url: () => "/manage/indicators/visions/new", expected: SEE },
  ],
  "POST /manage/indicators/visions": [
    {
      label: "add a vision statement",
      url: () => "/manage/indicators/visions",
      body: async () => ({ title: "Matrix vision" }),
      expected: CHANGE,
    },
  ],
  "GET /manage/indicators/visions/:slug": [
    { label: "change form", url: (f) => `/manage/indicators/visions/${f.vision}`, expected: SEE },
  ],
  "POST /manage/indicators/visions/:slug": [
    {
      label: "change a vision statement",
      url: (f) => `/manage/indicators/visions/${f.vision}`,
      body: async (f, db) => ({
        version: await versionOf(db, "vision_statement", f.vision),
        title: "Changed",
      }),
      expected: CHANGE,
    },
  ],
  "GET /manage/indicators/outcomes/new": [
    { label: "form", url: (f) => `/manage/indicators/outcomes/new?vision=${f.vision}`, expected: SEE },
  ],
  "POST /manage/indicators/outcomes": [
    {
      label: "add an outcome",
      url: () => "/manage/indicators/outcomes",
      body: async (f) => ({ vision: f.vision, title: "Matrix outcome" }),
      expected: CHANGE,
    },
  ],
  "GET /manage/indicators/outcomes/:slug": [
    { label: "change form", url: (f) => `/manage/indicators/outcomes/${f.outcome}`, expected: SEE },
  ],
  "POST /manage/indicators/outcomes/:slug": [
    {
      label: "change an outcome",
      url: (f) => `/manage/indicators/outcomes/${f.outcome}`,
      body: async (f, db) => ({
        version: await versionOf(db, "pf_outcome", f.outcome),
        vision: f.vision,
        title: "Changed",
      }),
      expected: CHANGE,
    },
  ],
  "GET /manage/indicators/new": [
    { label: "form", url: (f) => `/manage/indicators/new?outcome=${f.outcome}`, expected: SEE },
  ],
  "POST /manage/indicators": [
    {
      label: "add an indicator",
      url: () => "/manage/indicators",
      body: async (f) => indicatorForm(f.outcome),
      expected: CHANGE,
    },
  ],
  "GET /manage/indicators/:slug/edit": [
    { label: "editing page", url: (f) => `/manage/indicators/${f.indicator}/edit`, expected: SEE },
  ],
  "POST /manage/indicators/:slug/edit": [
    {
      label: "change an indicator's details",
      url: (f) => `/manage/indicators/${f.indicator}/edit`,
      body: async (f, db) => ({
        version: await versionOf(db, "indicator", f.indicator),
        ...indicatorForm(f.outcome),
      }),
      expected: CHANGE,
    },
  ],
  "POST /manage/indicators/:slug/evidence": [
    {
      label: "add evidence",
      url: (f) => `/manage/indicators/${f.indicator}/evidence`,
      body: async () => evidenceForm,
      expected: CHANGE,
    },
  ],
  "POST /manage/indicators/:slug/evidence/:id": [
    {
      label: "change evidence",
      url: (f) => `/manage/indicators/${f.indicator}/evidence/${f.evidence}`,
      body: async (f, db) => ({ version: await evidenceVersion(db, f.evidence), ...evidenceForm }),
      expected: CHANGE,
    },
  ],
  "POST /manage/indicators/:slug/evidence/:id/remove": [
    {
      label: "remove evidence (one each)",
      url: (f, visitor) => `/manage/indicators/${f.indicator}/evidence/${f.evidenceToRemove[visitor]}/remove`,
      body: async (f, db, visitor) => ({ version: await evidenceVersion(db, f.evidenceToRemove[visitor]) }),
      expected: CHANGE,
    },
  ],
  "POST /manage/indicators/:slug/actions": [
    {
      label: "link an action",
      url: (f) => `/manage/indicators/${f.indicator}/actions`,
      body: async (f) => ({ action: f.action }),
      expected: CHANGE,
    },
  ],
  "POST /manage/indicators/:slug/actions/:id/remove": [
    {
      label: "unlink an action",
      url: (f) => `/manage/indicators/${f.indicator}/actions/${f.action}/remove`,
      body: async () => ({}),
      expected: CHANGE,
    },
  ],
};

export const indicatorsEditMatrix: MatrixPart<Fixtures> = {
  name: "progress framework forms",
  rows,
  async setup({ db }) {
    const analyst = await actorWithRole(db, "analyst");
    const vision = uniqueSlug("vision");
    await db
      .transaction()
      .execute((trx) => createVisionStatement(trx, analyst, { slug: vision, title: "Matrix vision" }));
    const outcome = uniqueSlug("outcome");
    await db
      .transaction()
      .execute((trx) =>
        createOutcome(trx, analyst, { visionSlug: vision, slug: outcome, title: "Matrix outcome" }),
      );
    const indicator = await createTestIndicator(db, analyst, { published: false });
    const addEvidence = async () =>
      (
        await db
          .insertInto("indicator_evidence")
          .values({
            indicator_id: indicator.id,
            kind: "quote",
            text: "It helped.",
            consented: true,
            anonymised: true,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const evidenceToRemove = {} as Record<Visitor, number>;
    for (const visitor of VISITORS) evidenceToRemove[visitor] = await addEvidence();
    // An action the editing page offers: one of a route map's newest published edition.
    const [action] = await listLinkableActions(db);
    if (!action) throw new Error("The demo has no published route-map action to link");
    return {
      vision,
      outcome,
      indicator: indicator.slug,
      evidence: await addEvidence(),
      evidenceToRemove,
      action: action.id,
    };
  },
};
