import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeUser } from "../../../test/support/editing-fixtures.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import { actionValue } from "./improvement.service.ts";
import {
  type ImprovementFixture,
  makeImprovementFixture,
  makeMeasure,
  makeProject,
} from "./improvement.test-support.ts";
import { MEASURE_CSV_HEADER } from "./measure-csv.ts";

// Improvement over HTTP: a contributor starts a project for their organisation, adds a measure
// and the data point that makes a shift, and sees the signal in words; the public page shows the
// chart, its table and the words, and the CSV reads back; drafts stay hidden; another
// organisation's contributor is refused.

const handle = await createTestDatabase("empty");
const app = await testApp(handle.db);
afterAll(async () => {
  await app.close();
  await handle.close();
});
const db = handle.db;

let fixture: ImprovementFixture;
let contributor: Session;
let outsider: Session;
beforeAll(async () => {
  fixture = await makeImprovementFixture(db);
  contributor = await signIn(app, db, [
    { role: "organisation_contributor", organisationId: fixture.first.id },
  ]);
  outsider = await signIn(app, db, [{ role: "organisation_contributor", organisationId: fixture.second.id }]);
});

/** Posts a form with repeated fields (check boxes), as a browser does. */
function postMany(session: Session, url: string, fields: Array<[string, string]>) {
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams([["_csrf", session.csrf], ...fields]).toString(),
  });
}

/** Posts a file with the measure's version, as the browser's multipart form does. */
function postFile(session: Session, url: string, version: number, name: string, data: string) {
  const boundary = `----waymark${crypto.randomBytes(8).toString("hex")}`;
  const field = (n: string, v: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(
      field("_csrf", session.csrf) +
        field("version", String(version)) +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: session.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe("improvement pages", () => {
  it("lets a contributor start a project, add a measure and see a shift in words", async () => {
    const started = await postMany(contributor, "/manage/improvement", [
      ["title", "Keeping brothers and sisters together"],
      ["aimWhat", "More brothers and sisters in care live together."],
      ["aimHowMuch", "From half to three in four"],
      ["aimBy-day", "31"],
      ["aimBy-month", "3"],
      ["aimBy-year", "2026"],
      ["team", "Two social workers"],
      ["status", "testing"],
      ["learned", ""],
      ["published", "yes"],
      ["organisations", String(fixture.first.id)],
      ["areas", "S12000036"],
      ["areas", "S12000049"],
      ["actions", actionValue(fixture.themeId, fixture.actionKeys[0])],
    ]);
    expect(started.statusCode).toBe(303);
    const slug = /\/manage\/improvement\/([a-z0-9-]+)\?saved=created/.exec(
      started.headers.location ?? "",
    )?.[1];
    expect(slug).toBe("keeping-brothers-and-sisters-together");

    const added = await postForm(app, contributor, `/manage/improvement/${slug}/measures`, {
      kind: "outcome",
      name: "Children living with their brothers and sisters",
      unit: "per cent",
      better: "up",
      baselinePoints: "12",
    });
    expect(added.statusCode).toBe(303);
    const measureId = Number(/measures\/(\d+)/.exec(added.headers.location ?? "")?.[1]);

    // Nineteen months in as an editor would load them, then the contributor adds the twentieth.
    const editor = await makeUser(db, "programme_editor");
    const loaded = [51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 58, 60, 62, 61, 63, 64, 62];
    await db.transaction().execute(async (trx) => {
      const { addDataPoint } = await import("./measure.service.ts");
      for (const [i, value] of loaded.entries()) {
        const month = 2 + i;
        await addDataPoint(trx, editor, slug!, measureId, i, {
          date: { day: "1", month: String((month % 12) + 1), year: String(2023 + Math.floor(month / 12)) },
          value: String(value),
          annotation: i === 12 ? "Family time plans began" : "",
        });
      }
    });
    const measurePage = `/manage/improvement/${slug}/measures/${measureId}`;
    const empty = await postForm(app, contributor, `${measurePage}/points`, {
      version: loaded.length,
      "date-day": "1",
      "date-month": "10",
      "date-year": "2024",
      value: "",
      annotation: "",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the value");
    const point = await postForm(app, contributor, `${measurePage}/points`, {
      version: loaded.length,
      "date-day": "1",
      "date-month": "10",
      "date-year": "2024",
      value: "63",
      annotation: "",
    });
    expect(point.statusCode).toBe(303);
    const stale = await postForm(app, contributor, `${measurePage}/points`, {
      version: loaded.length,
      "date-day": "1",
      "date-month": "11",
      "date-year": "2024",
      value: "64",
      annotation: "kept words",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("kept words");

    const words = "A shift: 8 points in a row above the median since March 2024, on the better side.";
    const seen = await getPage(app, contributor, measurePage);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain(words);

    const page = await getPage(app, undefined, `/improvement/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(words);
    expect(page.body).toContain("<svg");
    expect(page.body).toContain("Children living with their brothers and sisters: the numbers");
    expect(page.body).toContain("Family time plans began");
    expect(page.body).toContain("City of Edinburgh, Glasgow City");

    const list = await getPage(app, undefined, "/improvement");
    expect(list.body).toContain("Keeping brothers and sisters together");

    const csv = await getPage(app, undefined, `/improvement/${slug}/measures/${measureId}.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const rows = parse(csv.body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual(MEASURE_CSV_HEADER);
    expect(rows).toHaveLength(20);
    expect(rows[12]).toEqual({
      date: "2024-03-01",
      value: "58",
      unit: "per cent",
      "median line": "62",
      "side of median": "above",
      "part of shift": "yes",
      "change made": "Family time plans began",
    });
    expect(rows[0]).toMatchObject({
      date: "2023-03-01",
      value: "51",
      "median line": "50",
      "part of shift": "no",
    });

    const api = await getPage(app, undefined, `/api/v1/improvement-projects/${slug}`);
    expect(api.statusCode).toBe(200);
    const json = api.json() as {
      councilAreas: Array<{ name: string }>;
      measures: Array<{ values: unknown[]; reading: { verdict: string; shift: unknown; words: string } }>;
    };
    expect(json.councilAreas.map((a) => a.name)).toEqual(["City of Edinburgh", "Glasgow City"]);
    expect(json.measures[0]?.values).toHaveLength(20);
    expect(json.measures[0]?.reading).toMatchObject({
      verdict: "signal",
      shift: { side: "above", length: 8, from: "2024-03-01", to: "2024-10-01" },
    });
    expect(json.measures[0]?.reading.words).toContain(words);
    const listed = (await getPage(app, undefined, "/api/v1/improvement-projects")).json() as {
      projects: Array<{ slug: string }>;
    };
    expect(listed.projects.map((p) => p.slug)).toContain(slug);

    // The download goes back in as it is (nothing changes), and a file with problems saves nothing.
    const fileUrl = `${measurePage}/file`;
    const sameAgain = await postFile(contributor, fileUrl, loaded.length + 1, "same.csv", csv.body);
    expect(sameAgain.statusCode).toBe(303);
    const bad = await postFile(
      contributor,
      fileUrl,
      loaded.length + 2,
      "more.csv",
      "date,value,change made\n2024-11-01,64,\n2024-12-01,sixty,\n",
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Row 3: the value must be a number");
    const more = await postFile(
      contributor,
      fileUrl,
      loaded.length + 2,
      "more.csv",
      "date,value\n2024-11-01,64\n2024-12-01,65\n",
    );
    expect(more.statusCode).toBe(303);
    const after = (
      await getPage(app, undefined, `/api/v1/improvement-projects/${slug}`)
    ).json() as typeof json;
    expect(after.measures[0]?.values).toHaveLength(22);
    expect(
      (await postFile(outsider, fileUrl, loaded.length + 3, "more.csv", "date,value\n2025-01-01,1\n"))
        .statusCode,
    ).toBe(403);

    const refused = await getPage(app, outsider, `/manage/improvement/${slug}`);
    expect(refused.statusCode).toBe(403);
    const refusedPost = await postForm(app, outsider, `${measurePage}/points`, {
      version: loaded.length + 1,
      "date-day": "1",
      "date-month": "11",
      "date-year": "2024",
      value: "1",
      annotation: "",
    });
    expect(refusedPost.statusCode).toBe(403);
  });

  it("keeps a draft from the public and from other organisations, pages and CSV alike", async () => {
    const editor = await makeUser(db, "programme_editor");
    const slug = await makeProject(db, editor, fixture);
    const measure = await makeMeasure(db, editor, slug, [1, 2, 3]);
    for (const url of [`/improvement/${slug}`, `/improvement/${slug}/measures/${measure.id}.csv`]) {
      expect((await getPage(app, undefined, url)).statusCode).toBe(404);
      expect((await getPage(app, outsider, url)).statusCode).toBe(404);
      expect((await getPage(app, contributor, url)).statusCode).toBe(200);
    }
    // The API is open data: a draft is not found there even for those who may read it on the pages.
    expect((await getPage(app, contributor, `/api/v1/improvement-projects/${slug}`)).statusCode).toBe(404);
    const draft = await getPage(app, contributor, `/improvement/${slug}`);
    expect(draft.body).toContain("Too few points to judge");
    expect((await getPage(app, undefined, "/improvement")).body).not.toContain(slug);
  });
});
