import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressVersion } from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import { makeRoundFixture, type RoundFixture } from "../../../test/support/round-fixtures.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { addDays } from "./round.validation.ts";

// The reporting-round pages and API: an editor opens a round through the form (mistakes come back
// named), a contributor sees what their organisation owes with links to update each action, the
// round's page counts who has answered, and closing it takes it off the contributor's page.

describe("reporting rounds over HTTP", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let f: RoundFixture;
  let editor: Session;
  let contributor: Session;
  const due = addDays(new Date().toISOString().slice(0, 10), 30);
  const [year, month, day] = due.split("-");

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    f = await makeRoundFixture(handle.db);
    editor = await signIn(app, handle.db, "programme_editor");
    contributor = await signIn(app, handle.db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const form = (changes: Record<string, string> = {}) => ({
    title: "Autumn 2026 update",
    "due-day": String(Number(day)),
    "due-month": String(Number(month)),
    "due-year": year!,
    scope: "chosen",
    themes: String(f.themeId),
    daysBefore: "14, 3",
    daysAfter: "1, 7",
    ...changes,
  });

  it("refuses a form with mistakes, naming each field, and saves nothing", async () => {
    const page = await getPage(app, editor, "/rounds/new");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${f.themeId}"`);
    const refused = await postForm(app, editor, "/rounds", {
      ...form({ "due-day": "1", "due-month": "1", "due-year": "2020", daysBefore: "soon" }),
      themes: "",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("<title>Error: Open a reporting round");
    expect(refused.body).toContain('href="#due-day">The due date must be today or later');
    expect(refused.body).toContain('href="#themes-0">Choose route maps from the list');
    expect(refused.body).toContain('href="#daysBefore">Enter the days before the due date');
    expect(refused.body).toContain('value="Autumn 2026 update"');
    const none = await postForm(app, editor, "/rounds", form({ scope: "chosen", themes: "" }));
    expect(none.statusCode).toBe(400);
    const rounds = await handle.db.selectFrom("reporting_round").select("id").execute();
    expect(rounds).toEqual([]);
  });

  it("an editor opens a round; the contributor sees what is owed and answers; the round's page counts it; closing ends it", async () => {
    const opened = await postForm(app, editor, "/rounds", form());
    expect(opened.statusCode).toBe(303);
    const location = String(opened.headers.location);
    expect(location).toMatch(/^\/rounds\/\d+\?saved=opened$/);
    const path = location.split("?")[0]!;
    const id = Number(path.split("/").at(-1));

    const owed = await getPage(app, contributor, `/progress/${f.second.slug}`);
    expect(owed.statusCode).toBe(200);
    expect(owed.body).toContain("Updates asked for");
    expect(owed.body).toContain("Autumn 2026 update: due");
    for (const key of [f.actionKeys[0], f.actionKeys[1]])
      expect(owed.body).toContain(`href="/progress/${f.second.slug}/${f.themeSlug}/${key}"`);

    const key = f.actionKeys[1];
    const answered = await postForm(app, contributor, `/progress/${f.second.slug}/${f.themeSlug}/${key}`, {
      version: await progressVersion(handle.db, f.themeId, key, f.second.id),
      intent: "submit",
      status: "on_track",
      narrative: "Two forums met in October and their advice is in the plan.",
      confidence: "evidenced",
    });
    expect(answered.statusCode).toBe(303);

    const page = await getPage(app, editor, path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      "33% complete: 1 of 3 updates given. 0 of 2 organisations have answered everything.",
    );
    expect(page.body).toContain("14 and 3 days before, and 1 and 7 days after the due date");
    const after = await getPage(app, contributor, `/progress/${f.second.slug}`);
    expect(after.body).toContain(`has given 1 of 2 updates (50%)`);
    const asked = after.body.slice(
      after.body.indexOf("Updates asked for"),
      after.body.indexOf('id="must-act"'),
    );
    expect(asked).toContain(`/${f.actionKeys[0]}"`);
    expect(asked).not.toContain(`/${key}"`);

    const api = await getPage(app, editor, `/api/v1/rounds/${id}`);
    expect(api.statusCode).toBe(200);
    const body = api.json() as {
      round: { totals: unknown };
      organisations: Array<{ slug: string; answered: number }>;
    };
    expect(body.round.totals).toEqual({
      owed: 3,
      answered: 1,
      percent: 33,
      organisations: 2,
      organisationsDone: 0,
    });
    expect(body.organisations.find((o) => o.slug === f.second.slug)?.answered).toBe(1);
    const list = await getPage(app, editor, "/api/v1/rounds");
    expect((list.json() as { rounds: Array<{ id: number }> }).rounds.map((r) => r.id)).toContain(id);
    expect((await getPage(app, undefined, "/api/v1/rounds")).statusCode).toBe(401);
    expect((await getPage(app, contributor, `/api/v1/rounds/${id}`)).statusCode).toBe(403);
    expect((await getPage(app, contributor, path)).statusCode).toBe(403);

    const closed = await postForm(app, editor, `${path}/close`, {});
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`${path}?saved=closed`);
    const closedPage = (await getPage(app, editor, `${path}?saved=closed`)).body;
    expect(closedPage).toContain("The round is closed");
    expect(closedPage).not.toContain(`action="${path}/close"`);
    expect((await getPage(app, contributor, `/progress/${f.second.slug}`)).body).not.toContain(
      "Updates asked for",
    );
    const audit = await handle.db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "reporting_round")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["round.open", "round.close"]);
  });
});
