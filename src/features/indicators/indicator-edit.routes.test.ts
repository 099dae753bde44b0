import type { FastifyInstance } from "fastify";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { uniqueSlug } from "./indicator.test-support.ts";

// The analysts' forms for vision statements, outcomes and indicators, through HTTP: each one
// saves and is audited; bad input comes back with every message beside its field and nothing
// saved; a form made from an older version is a conflict that keeps the analyst's words.

let handle: DatabaseHandle;
let db: Db;
let app: FastifyInstance;
let analyst: Session;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  app = await testApp(db);
  analyst = await signIn(app, db, "analyst");
}, 60_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const doc = (body: string) => parseHTML(body).document;

async function audits(action: string): Promise<number> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds a vision statement and an outcome through the forms; returns their slugs. */
async function visionAndOutcome(): Promise<{ vision: string; outcome: string }> {
  const title = `Children grow up loved ${uniqueSlug("v")}`;
  expect(
    (await postForm(app, analyst, "/manage/indicators/visions", { title, summary: "" })).statusCode,
  ).toBe(303);
  const vision = await db
    .selectFrom("vision_statement")
    .select("slug")
    .where("title", "=", title)
    .executeTakeFirstOrThrow();
  const outcomeTitle = `Fewer children in care ${uniqueSlug("o")}`;
  const added = await postForm(app, analyst, "/manage/indicators/outcomes", {
    vision: vision.slug,
    title: outcomeTitle,
  });
  expect(added.statusCode).toBe(303);
  const outcome = await db
    .selectFrom("pf_outcome")
    .select("slug")
    .where("title", "=", outcomeTitle)
    .executeTakeFirstOrThrow();
  return { vision: vision.slug, outcome: outcome.slug };
}

const INDICATOR = {
  title: "Children looked after",
  definition: "Children looked after by a local authority on 31 July.",
  unit: "children",
  better: "lower",
  kind: "core",
  measure: "outcome",
  source: "Children's Social Work Statistics",
  sourceUrl: "https://www.gov.scot/collections/childrens-social-work-statistics/",
  publisher: "Scottish Government",
  "lastUpdated-day": "1",
  "lastUpdated-month": "4",
  "lastUpdated-year": "2025",
  nextUpdate: "March 2026",
  baselinePeriod: "2018",
  baselineValue: "14,738",
  targetValue: "10000",
  "targetDate-day": "31",
  "targetDate-month": "12",
  "targetDate-year": "2030",
  story: "Fewer children are looked after than in 2018.\n\nMore stay with their families.",
  breakdowns: "age band, Sex",
  suppressBelow: "5",
};

describe("vision statements and outcomes", () => {
  it("adds and changes a vision statement, audited; an empty one is refused naming the field", async () => {
    const form = await getPage(app, analyst, "/manage/indicators/visions/new");
    expect(form.statusCode).toBe(200);
    expect(doc(form.body).querySelector("form input[name=_csrf]")).not.toBeNull();

    const empty = await postForm(app, analyst, "/manage/indicators/visions", {
      title: "  ",
      summary: "kept",
    });
    expect(empty.statusCode).toBe(400);
    const page = doc(empty.body);
    expect(page.querySelector("title")?.textContent).toMatch(/^Error: /);
    expect(page.querySelector(".ds_error-summary a[href='#vision-title']")?.textContent).toBe(
      "Enter the vision statement",
    );
    expect(page.querySelector("#vision-title-error")?.textContent).toBe("Enter the vision statement");
    expect(page.querySelector("#vision-summary")?.textContent).toBe("kept");

    const { vision } = await visionAndOutcome();
    expect(await audits("vision_statement.create")).toBeGreaterThan(0);
    const row = await db
      .selectFrom("vision_statement")
      .selectAll()
      .where("slug", "=", vision)
      .executeTakeFirstOrThrow();
    const changed = await postForm(app, analyst, `/manage/indicators/visions/${vision}`, {
      version: row.version,
      title: "Every child grows up loved, safe and respected",
      summary: "So they realise their full potential.",
    });
    expect(changed.statusCode).toBe(303);
    const after = await db
      .selectFrom("vision_statement")
      .selectAll()
      .where("slug", "=", vision)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      title: "Every child grows up loved, safe and respected",
      version: row.version + 1,
      slug: vision,
    });
    expect(await audits("vision_statement.update")).toBe(1);

    // The same form again, from the version before: refused, the words kept, nothing overwritten.
    const stale = await postForm(app, analyst, `/manage/indicators/visions/${vision}`, {
      version: row.version,
      title: "An older idea",
      summary: "",
    });
    expect(stale.statusCode).toBe(409);
    expect(doc(stale.body).querySelector(".ds_error-summary")?.textContent).toContain(
      "Someone else saved a change",
    );
    expect(doc(stale.body).querySelector("#vision-title")?.textContent).toBe("An older idea");
    expect(
      (
        await db
          .selectFrom("vision_statement")
          .select("title")
          .where("slug", "=", vision)
          .executeTakeFirstOrThrow()
      ).title,
    ).toBe("Every child grows up loved, safe and respected");
  });

  it("adds an outcome under a vision statement, refuses an unknown one, and moves it under another", async () => {
    const { outcome } = await visionAndOutcome();
    const other = await visionAndOutcome();
    const bad = await postForm(app, analyst, "/manage/indicators/outcomes", {
      vision: "no-such-vision",
      title: "",
    });
    expect(bad.statusCode).toBe(400);
    const page = doc(bad.body);
    expect(page.querySelector("#outcome-title-error")?.textContent).toBe("Enter the outcome");
    const unknown = await postForm(app, analyst, "/manage/indicators/outcomes", {
      vision: "no-such-vision",
      title: "Kept",
    });
    expect(unknown.statusCode).toBe(400);
    expect(doc(unknown.body).querySelector("#outcome-vision-error")?.textContent).toBe(
      "Choose a vision statement from the list",
    );

    const row = await db
      .selectFrom("pf_outcome")
      .selectAll()
      .where("slug", "=", outcome)
      .executeTakeFirstOrThrow();
    const edit = await getPage(app, analyst, `/manage/indicators/outcomes/${outcome}`);
    expect(edit.statusCode).toBe(200);
    expect(doc(edit.body).querySelector("input[name=version]")?.getAttribute("value")).toBe(
      String(row.version),
    );
    const moved = await postForm(app, analyst, `/manage/indicators/outcomes/${outcome}`, {
      version: row.version,
      vision: other.vision,
      title: row.title,
    });
    expect(moved.statusCode).toBe(303);
    const otherVision = await db
      .selectFrom("vision_statement")
      .select("id")
      .where("slug", "=", other.vision)
      .executeTakeFirstOrThrow();
    expect(
      (
        await db
          .selectFrom("pf_outcome")
          .select("vision_statement_id")
          .where("slug", "=", outcome)
          .executeTakeFirstOrThrow()
      ).vision_statement_id,
    ).toBe(otherVision.id);
    expect(await audits("pf_outcome.update")).toBe(1);
  });

  it("sends the public to sign in and refuses a reader", async () => {
    const anonymous = await app.inject({ url: "/manage/indicators/visions/new" });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
    const reader = await signIn(app, db, "reader");
    expect((await postForm(app, reader, "/manage/indicators/visions", { title: "No" })).statusCode).toBe(403);
    expect(
      await db.selectFrom("vision_statement").select("id").where("title", "=", "No").executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe("indicators", () => {
  it("adds an indicator with all its metadata, not yet public, and shows it on its page to analysts", async () => {
    const { outcome } = await visionAndOutcome();
    const response = await postForm(app, analyst, "/manage/indicators", { ...INDICATOR, outcome });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/manage/indicators/children-looked-after/edit?saved=created");
    const row = await db
      .selectFrom("indicator")
      .selectAll()
      .where("slug", "=", "children-looked-after")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      title: "Children looked after",
      unit: "children",
      better: "lower",
      kind: "core",
      measure: "outcome",
      source_url: "https://www.gov.scot/collections/childrens-social-work-statistics/",
      publisher: "Scottish Government",
      last_updated: "2025-04-01",
      next_update: "March 2026",
      baseline_period: "2018",
      baseline_value: 14738,
      target_value: 10000,
      target_date: "2030-12-31",
      breakdowns: ["age band", "sex"],
      suppress_below: 5,
      published: false,
    });
    expect(await audits("indicator.create")).toBeGreaterThan(0);
    expect((await app.inject({ url: "/indicators/children-looked-after" })).statusCode).toBe(404);
    const page = doc((await getPage(app, analyst, "/indicators/children-looked-after")).body);
    expect(page.querySelector("#story ~ p, section[aria-labelledby=story] p")?.textContent).toBe(
      "Fewer children are looked after than in 2018.",
    );
    // The same title again gets an address of its own.
    const again = await postForm(app, analyst, "/manage/indicators", { ...INDICATOR, outcome });
    expect(again.headers.location).toBe("/manage/indicators/children-looked-after-2/edit?saved=created");
  });

  it("refuses bad input with a message beside each field, keeps the input and saves nothing", async () => {
    await visionAndOutcome();
    const before = await db
      .selectFrom("indicator")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const response = await postForm(app, analyst, "/manage/indicators", {
      ...INDICATOR,
      outcome: "",
      title: "",
      unit: "",
      better: "sideways",
      sourceUrl: "javascript:alert(1)",
      baselinePeriod: "last year",
      baselineValue: "ten",
      targetValue: "lots",
      "targetDate-day": "31",
      "targetDate-month": "2",
      suppressBelow: "0",
      "lastUpdated-year": "",
    });
    expect(response.statusCode).toBe(400);
    const page = doc(response.body);
    const errors = Object.fromEntries(
      Array.from(page.querySelectorAll(".ds_error-summary a"), (a) => [
        a.getAttribute("href"),
        a.textContent,
      ]),
    );
    expect(errors).toMatchObject({
      "#indicator-outcome": "Choose the outcome this indicator measures",
      "#indicator-title": "Enter the indicator's name",
      "#indicator-unit": "Enter the unit, for example children or percent",
      "#indicator-better-higher": "Choose which direction is better",
      "#indicator-sourceUrl": "Enter a web address starting with https://",
      "#indicator-baselinePeriod": expect.stringContaining("Write the baseline period as a year"),
      "#indicator-baselineValue": "Enter the baseline value as a number, for example 14738 or 12.5",
      "#indicator-targetValue": "Enter the target value as a number, for example 14738 or 12.5",
      "#targetDate-day": "The target date must be a real date, for example 21 5 2024",
      "#lastUpdated-day": "The date must include a year",
      "#indicator-suppressBelow": expect.stringContaining("whole number above 0"),
    });
    // Every link goes to a field on the page, and each field has its message beside it.
    for (const href of Object.keys(errors)) expect(page.querySelector(href), href).not.toBeNull();
    expect(page.querySelector("#indicator-unit-error")?.textContent).toBe(
      "Enter the unit, for example children or percent",
    );
    expect(page.querySelector("#indicator-sourceUrl")?.getAttribute("value")).toBe("javascript:alert(1)");
    expect(page.querySelector("#indicator-story")?.textContent).toContain("More stay with their families.");
    const after = await db
      .selectFrom("indicator")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("changes an indicator's details from its editing page; a stale form is a conflict that changes nothing", async () => {
    const { outcome } = await visionAndOutcome();
    const title = `Hearings held ${uniqueSlug("h")}`;
    const added = await postForm(app, analyst, "/manage/indicators", { ...INDICATOR, title, outcome });
    const path = String(added.headers.location).split("?")[0]!;
    const slug = path.split("/")[3]!;
    const edit = doc((await getPage(app, analyst, path)).body);
    const version = edit.querySelector("form[action$='/edit'] input[name=version]")?.getAttribute("value");
    expect(edit.querySelector("#indicator-title")?.getAttribute("value")).toBe(title);
    expect(edit.querySelector("#indicator-better-lower")?.hasAttribute("checked")).toBe(true);
    expect(edit.querySelector("#targetDate-year")?.getAttribute("value")).toBe("2030");

    const saved = await postForm(app, analyst, path, {
      ...INDICATOR,
      outcome,
      version: String(version),
      title,
      better: "higher",
      targetValue: "",
      "targetDate-day": "",
      "targetDate-month": "",
      "targetDate-year": "",
      suppressBelow: "",
    });
    expect(saved.statusCode).toBe(303);
    const row = await db
      .selectFrom("indicator")
      .selectAll()
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      better: "higher",
      target_value: null,
      target_date: null,
      suppress_below: null,
      slug,
    });
    expect(row.version).toBe(Number(version) + 1);
    const event = await db
      .selectFrom("audit_event")
      .select(["before", "after"])
      .where("action", "=", "indicator.update")
      .where("entity_id", "=", String(row.id))
      .executeTakeFirstOrThrow();
    expect(event.before).toMatchObject({ better: "lower", target_value: 10000 });
    expect(event.after).toMatchObject({ better: "higher", target_value: null });

    const stale = await postForm(app, analyst, path, {
      ...INDICATOR,
      outcome,
      version: String(version),
      title: "Renamed",
    });
    expect(stale.statusCode).toBe(409);
    expect(doc(stale.body).querySelector("#indicator-title")?.getAttribute("value")).toBe("Renamed");
    expect(
      (await db.selectFrom("indicator").select("title").where("slug", "=", slug).executeTakeFirstOrThrow())
        .title,
    ).toBe(title);
  });

  it("answers 404 for an indicator, vision or outcome that does not exist", async () => {
    for (const url of [
      "/manage/indicators/no-such-indicator/edit",
      "/manage/indicators/visions/no-such-vision",
      "/manage/indicators/outcomes/no-such-outcome",
    ])
      expect((await getPage(app, analyst, url)).statusCode, url).toBe(404);
  });
});
