import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccountability } from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

describe("accountability's open data", () => {
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

  it("publishes organisations, what they must act on and submitted updates; drafts only to those who may read them", async () => {
    const db = handle.db;
    const f = await makeAccountability(db);
    const first = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    const second = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.second.id }]);
    const form = `/progress/${f.first.slug}/${f.themeSlug}/${f.actionKeys[0]}`;
    expect(
      (
        await postForm(app, first, form, {
          version: 0,
          intent: "submit",
          status: "on_track",
          narrative: "Submitted: the model is being tested.",
          confidence: "evidenced",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await postForm(app, first, form, {
          version: 1,
          intent: "draft",
          status: "delayed",
          narrative: "A private draft about a delay.",
          confidence: "self_assessed",
        })
      ).statusCode,
    ).toBe(303);

    for (const who of [undefined, first, second]) {
      const organisation = await getPage(app, who, `/api/v1/organisations/${f.first.slug}`);
      expect(organisation.statusCode).toBe(200);
      const body = organisation.json();
      expect(body.organisation.name).toBe(f.first.name);
      expect(body.actions[0].action.latest.narrative).toBe("Submitted: the model is being tested.");
      const action = await getPage(app, who, `/api/v1/themes/${f.themeSlug}/actions/${f.actionKeys[0]}`);
      expect(action.json().updates.map((u: { status: string }) => u.status)).toEqual(["on_track"]);
      expect(action.body).not.toContain("A private draft");
      if (who === first) continue;
      // The public and another organisation's contributor: no drafts, not even the field.
      expect(organisation.body).not.toContain("A private draft");
      expect(body.actions.every((a: object) => !("draft" in a))).toBe(true);
    }
    // Its own contributor reads its draft; an organisation with none gets null for each action.
    const own = (await getPage(app, first, `/api/v1/organisations/${f.first.slug}`)).json();
    const byKey = new Map(own.actions.map((a: { action: { key: string } }) => [a.action.key, a]));
    expect(byKey.get(f.actionKeys[0])).toMatchObject({
      draft: { status: "delayed", narrative: "A private draft about a delay.", confidence: "self_assessed" },
    });
    const theirs = (await getPage(app, second, `/api/v1/organisations/${f.second.slug}`)).json();
    expect(theirs.actions.map((a: { draft: unknown }) => a.draft)).toEqual([null, null]);
    // The same through a personal API token, as a script would read it.
    const made = await postForm(app, first, "/account/tokens", { name: "Weekly check", expiresInDays: 30 });
    const token = /<code class="wm-token" id="new-token">([^<]+)<\/code>/.exec(made.body)![1]!;
    const withToken = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${f.first.slug}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.headers["cache-control"]).not.toContain("public");
    expect(withToken.body).toContain("A private draft about a delay.");
    const list = (await getPage(app, undefined, "/api/v1/organisations")).json();
    expect(list.organisations.map((o: { slug: string }) => o.slug)).toContain(f.second.slug);
    const bad = await getPage(app, undefined, `/api/v1/themes/${f.themeSlug}/actions/not-a-key`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("key");
    const openapi = (await getPage(app, undefined, "/api/v1/openapi.json")).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/themes/{slug}/actions/{key}",
      ]),
    );
  });
});
