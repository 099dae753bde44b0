import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionVersion,
  makeAccountability,
  progressVersion,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

describe("accountability pages", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const update = (version: number, changes: Record<string, string> = {}) => ({
    version,
    intent: "draft",
    status: "in_progress",
    narrative: "We met SOLACE and COSLA and chose two councils to test the model.",
    confidence: "self_assessed",
    ...changes,
  });

  it("a contributor sees what they owe, saves a draft the public cannot see, then submits it", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    const home = await getPage(app, contributor, "/progress");
    expect(home.body).toContain(`href="/progress/${f.first.slug}"`);
    const owed = await getPage(app, contributor, `/progress/${f.first.slug}`);
    expect(owed.statusCode).toBe(200);
    const formPath = `/progress/${f.first.slug}/${f.themeSlug}/${f.actionKeys[0]}`;
    expect(owed.body).toContain(`href="${formPath}"`);
    expect(owed.body).toContain("Overdue");

    const form = await getPage(app, contributor, formPath);
    expect(form.statusCode).toBe(200);
    const version = Number(/name="version" value="(\d+)"/.exec(form.body)![1]);
    const saved = await postForm(
      app,
      contributor,
      formPath,
      update(version, { narrative: "A private first draft." }),
    );
    expect(saved.statusCode).toBe(303);
    const actionPage = `/themes/${f.themeSlug}/actions/${f.actionKeys[0]}`;
    expect((await getPage(app, undefined, actionPage)).body).not.toContain("A private first draft.");
    expect((await getPage(app, contributor, actionPage)).body).toContain("A private first draft.");
    const other = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.second.id }]);
    expect((await getPage(app, other, actionPage)).body).not.toContain("A private first draft.");
    expect((await getPage(app, other, `/progress/${f.first.slug}`)).statusCode).toBe(403);

    const submitted = await postForm(
      app,
      contributor,
      formPath,
      update(await progressVersion(db, f.themeId, f.actionKeys[0], f.first.id), {
        intent: "submit",
        narrative: "Two councils have started the promise keeper programme.",
        linkUrl: "https://www.gov.scot/",
        linkTitle: "The councils' plan",
      }),
    );
    expect(submitted.statusCode).toBe(303);
    const story = (await getPage(app, undefined, actionPage)).body;
    expect(story).toContain("Two councils have started the promise keeper programme.");
    expect(story).toContain('href="https://www.gov.scot/"');
    expect(story).not.toContain("A private first draft.");
    const organisationPage = (await getPage(app, undefined, `/organisations/${f.first.slug}`)).body;
    expect(organisationPage).toContain("In progress");
  });

  const versionIn = (body: string) => Number(/name="version" value="(\d+)"/.exec(body)![1]);

  it("two organisations named on one action each load their form; one submits, and the other's submission is still accepted", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const one = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const two = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.second.id }]);
    const onePath = `/progress/${f.first.slug}/${f.themeSlug}/${f.actionKeys[0]}`;
    const twoPath = `/progress/${f.second.slug}/${f.themeSlug}/${f.actionKeys[0]}`;
    const oneForm = await getPage(app, one, onePath);
    const twoForm = await getPage(app, two, twoPath);
    const first = await postForm(app, one, onePath, {
      ...update(versionIn(oneForm.body)),
      intent: "submit",
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(app, two, twoPath, {
      ...update(versionIn(twoForm.body)),
      intent: "submit",
      narrative: "Care Voices ran three listening sessions.",
    });
    expect(second.statusCode, second.body.slice(0, 2000)).toBe(303);
    const story = (await getPage(app, undefined, `/themes/${f.themeSlug}/actions/${f.actionKeys[0]}`)).body;
    expect(story).toContain("Care Voices ran three listening sessions.");
    expect(story).toContain("We met SOLACE and COSLA and chose two councils to test the model.");
  });

  it("two contributors of one organisation at once: the second is told, with their words kept in the form", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const one = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const colleague = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    const path = `/progress/${f.first.slug}/${f.themeSlug}/${f.actionKeys[0]}`;
    const oneForm = await getPage(app, one, path);
    const colleagueForm = await getPage(app, colleague, path);
    const first = await postForm(app, one, path, { ...update(versionIn(oneForm.body)), intent: "submit" });
    expect(first.statusCode).toBe(303);
    const second = await postForm(app, colleague, path, {
      ...update(versionIn(colleagueForm.body)),
      intent: "submit",
      narrative: "Promise Partners ran three listening sessions.",
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Someone else updated this action");
    expect(second.body).toContain("Promise Partners ran three listening sessions.");
    // The form now carries the version after the first change, so sending it again is accepted.
    expect(versionIn(second.body)).toBe(versionIn(oneForm.body) + 1);
  });

  it("a form with mistakes comes back naming each field, and saves nothing", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    const response = await postForm(
      app,
      contributor,
      `/progress/${f.first.slug}/${f.themeSlug}/${f.actionKeys[0]}`,
      {
        ...update(0),
        status: "",
        percent: "lots",
      },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Choose how the action is going");
    expect(response.body).toContain('href="#status-not_started"');
    expect(response.body).toContain("whole number from 0 to 100");
    expect(await actionVersion(db, f.themeId, f.actionKeys[0])).toBe(1);
    expect(await progressVersion(db, f.themeId, f.actionKeys[0], f.first.id)).toBe(0);
  });

  it("a programme editor names who must act; the action's page and the organisation's page show it", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const editor = await signIn(app, db, "programme_editor");
    const path = `/manage/themes/${f.themeSlug}/actions/${f.actionKeys[2]}/responsibility`;
    const form = await getPage(app, editor, path);
    expect(form.statusCode).toBe(200);
    const bad = await postForm(app, editor, path, { version: 0, dueYear: "next year" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter a year from 2020 to 2040");
    const saved = await postForm(app, editor, path, {
      version: 0,
      leadOrganisations: f.second.id,
      "due-day": "30",
      "due-month": "6",
      "due-year": "2027",
    });
    expect(saved.statusCode).toBe(303);
    const action = (await getPage(app, undefined, `/themes/${f.themeSlug}/actions/${f.actionKeys[2]}`)).body;
    expect(action).toContain(f.second.name);
    expect(action).toContain("30 June 2027");
    expect((await getPage(app, undefined, `/organisations/${f.second.slug}`)).body).toContain(
      "Scottish Government to convene dialogue",
    );
  });

  it("the public pages show how the programme, a foundation and a route map are going", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    await postForm(app, contributor, `/progress/${f.first.slug}/${f.themeSlug}/${f.actionKeys[0]}`, {
      ...update(0),
      intent: "submit",
      status: "complete",
    });
    const routeMap = (await getPage(app, undefined, `/themes/${f.themeSlug}`)).body;
    expect(routeMap).toContain("How it is going");
    expect(routeMap).toContain("33% done, across 3 actions");
    const foundation = (await getPage(app, undefined, `/foundations/${f.foundationSlug}`)).body;
    expect(foundation).toContain("33% done, across 3 actions");
    expect((await getPage(app, undefined, "/")).body).toContain("Progress by foundation");
  });
});
