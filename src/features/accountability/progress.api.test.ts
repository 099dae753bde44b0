import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountabilityFixture,
  makeAccountability,
} from "../../../test/support/accountability-fixtures.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import {
  anonymousSession,
  getPage,
  postForm,
  type Session,
  signIn,
  testApp,
} from "../../../test/support/http.ts";
import { checkAnswer, type OpenApiDocument, strictAjv } from "../../../test/support/openapi-check.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// Writing progress updates through the API, as a contributor's script would: with a personal API
// token, or a browser session and its CSRF token. Same rules as the update page.

describe("POST /api/v1/organisations/:slug/updates", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let doc: OpenApiDocument;
  let f: AccountabilityFixture;
  let contributor: Session;
  let token: string;
  const ajv = strictAjv();

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    f = await makeAccountability(handle.db);
    contributor = await signIn(app, handle.db, [
      { role: "organisation_contributor", organisationId: f.first.id },
    ]);
    const made = await postForm(app, contributor, "/account/tokens", {
      name: "Update script",
      expiresInDays: 30,
    });
    token = /<code class="wm-token" id="new-token">([^<]+)<\/code>/.exec(made.body)![1]!;
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const path = (slug: string) => `/api/v1/organisations/${slug}/updates`;

  /** Sends an update; checks the answer against the OpenAPI document. */
  async function send(
    body: Record<string, unknown>,
    as: { token?: string; session?: Session; csrf?: boolean } = {},
    slug = f.first.slug,
  ) {
    const headers: Record<string, string> = {};
    if (as.token) headers.authorization = `Bearer ${as.token}`;
    if (as.session) {
      headers.cookie = as.session.cookie;
      if (as.csrf !== false) headers["x-csrf-token"] = as.session.csrf;
    }
    const response = await app.inject({ method: "POST", url: path(slug), headers, payload: body });
    const json = response.json();
    expect(checkAnswer(doc, ajv, path(slug), response.statusCode, json, "post")).toBe("");
    return { status: response.statusCode, body: json, headers: response.headers };
  }

  async function versionOf(key: string): Promise<number> {
    const page = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${f.first.slug}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const entry = page.json().actions.find((a: { action: { key: string } }) => a.action.key === key);
    return entry.version;
  }

  async function auditActions(): Promise<string[]> {
    const rows = await handle.db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "progress_update")
      .orderBy("id")
      .execute();
    return rows.map((r) => r.action);
  }

  it("saves a draft, refuses a stale version, then submits with evidence for the public to read", async () => {
    const key = f.actionKeys[0];
    const before = await versionOf(key);
    const draft = await send(
      { theme: f.themeSlug, key, version: before, status: "in_progress", confidence: "self_assessed" },
      { token },
    );
    expect(draft.status).toBe(200);
    expect(draft.headers["cache-control"]).not.toContain("public");
    expect(draft.body).toMatchObject({
      state: "draft",
      key,
      version: before + 1,
      status: "in_progress",
      percent: 25,
      narrative: "",
      organisation: { slug: f.first.slug },
    });
    expect(await versionOf(key)).toBe(before + 1);
    expect((await auditActions()).at(-1)).toBe("progress.draft");
    const publicAction = await getPage(app, undefined, `/api/v1/themes/${f.themeSlug}/actions/${key}`);
    expect(publicAction.json().updates).toEqual([]);

    // Someone else's change came first: the old version is refused and nothing moves.
    const stale = await send(
      {
        theme: f.themeSlug,
        key,
        version: before,
        status: "delayed",
        narrative: "Late.",
        confidence: "evidenced",
      },
      { token },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.message).toContain(`after version ${before}`);
    expect(await versionOf(key)).toBe(before + 1);

    // Submitting needs a narrative; a bad link is named by its place in the body.
    const incomplete = await send(
      {
        theme: f.themeSlug,
        key,
        version: before + 1,
        submit: true,
        status: "on_track",
        confidence: "evidenced",
        evidence: { link: { url: "not a link" } },
      },
      { token },
    );
    expect(incomplete.status).toBe(400);
    expect(Object.keys(incomplete.body.error.fields).sort()).toEqual(["evidence.link.url", "narrative"]);
    expect(await versionOf(key)).toBe(before + 1);

    const submitted = await send(
      {
        theme: f.themeSlug,
        key,
        version: before + 1,
        submit: true,
        status: "on_track",
        percent: 60,
        narrative: "Three councils have agreed the promise keeper model.",
        confidence: "evidenced",
        evidence: {
          link: { url: "https://example.org/promise-keepers", title: "The agreement" },
          voice: "Young people chose the keepers' name.",
        },
      },
      { token },
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      id: draft.body.id,
      state: "submitted",
      percent: 60,
      version: before + 2,
    });
    expect((await auditActions()).at(-1)).toBe("progress.submit");
    const story = (await getPage(app, undefined, `/api/v1/themes/${f.themeSlug}/actions/${key}`)).json();
    expect(story.updates).toHaveLength(1);
    expect(story.updates[0]).toMatchObject({
      status: "on_track",
      percent: 60,
      narrative: "Three councils have agreed the promise keeper model.",
      evidence: expect.arrayContaining([
        expect.objectContaining({
          kind: "link",
          url: "https://example.org/promise-keepers",
          title: "The agreement",
        }),
        expect.objectContaining({ kind: "voice", body: "Young people chose the keepers' name." }),
      ]),
    });
  });

  it("applies the update page's roles: the public, readers and other organisations cannot write", async () => {
    const key = f.actionKeys[0];
    const body = {
      theme: f.themeSlug,
      key,
      version: await versionOf(key),
      status: "delayed",
      confidence: "self_assessed",
    };
    const events = (await auditActions()).length;

    // Without a token or a session: refused, with a message saying what to send.
    const bare = await send(body);
    expect(bare.status).toBe(403);
    expect(bare.body.error.message).toMatch(/token/i);
    expect((await send(body, { session: await anonymousSession(app) })).status).toBe(401);
    const reader = await signIn(app, handle.db, "reader");
    expect((await send(body, { session: reader })).status).toBe(403);
    const other = await signIn(app, handle.db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
    expect((await send(body, { session: other })).status).toBe(403);
    // On its own organisation, an action it is not named on is not there to update.
    const unnamed = await send({ ...body, key: f.actionKeys[2] }, { session: other }, f.second.slug);
    expect(unnamed.status).toBe(404);
    // A browser session must send its CSRF token.
    expect((await send(body, { session: contributor, csrf: false })).status).toBe(403);
    expect(await auditActions()).toHaveLength(events);

    const bySession = await send(body, { session: contributor });
    expect(bySession.status).toBe(200);
    expect(bySession.body.state).toBe("draft");
  });

  it("answers bad bodies with the field at fault, and saves nothing", async () => {
    const key = f.actionKeys[0];
    const version = await versionOf(key);
    const good = { theme: f.themeSlug, key, version, status: "on_track", confidence: "evidenced" };
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...good, status: "finished" }, "status"],
      [{ ...good, percent: 140 }, "percent"],
      [{ ...good, key: "not-a-key" }, "key"],
      [{ ...good, narrative: "x".repeat(10_001) }, "narrative"],
    ];
    for (const [body, field] of bad) {
      const answer = await send(body, { token });
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.code).toBe("validation");
      expect(JSON.stringify(answer.body.error.fields), field).toContain(field);
    }
    expect(await versionOf(key)).toBe(version);
    expect((await send({ ...good, theme: "no-such-map" }, { token })).status).toBe(404);
  });

  /** A personal API token for this session, made as its owner would on the account page. */
  async function tokenOf(session: Session): Promise<string> {
    const made = await postForm(app, session, "/account/tokens", {
      name: "Update script",
      expiresInDays: 30,
    });
    return /<code class="wm-token" id="new-token">([^<]+)<\/code>/.exec(made.body)![1]!;
  }

  /** The version an organisation's entry for an action carries, read with a bearer token. */
  async function versionFor(bearer: string, slug: string, key: string): Promise<number> {
    const page = await app.inject({
      method: "GET",
      url: `/api/v1/organisations/${slug}`,
      headers: { authorization: `Bearer ${bearer}` },
    });
    return page.json().actions.find((a: { action: { key: string } }) => a.action.key === key).version;
  }

  it("two organisations named on one action write at once with their tokens: both are accepted; the same organisation twice is a 409", async () => {
    const g = await makeAccountability(handle.db);
    const key = g.actionKeys[0];
    const mine = await tokenOf(
      await signIn(app, handle.db, [{ role: "organisation_contributor", organisationId: g.first.id }]),
    );
    const theirs = await tokenOf(
      await signIn(app, handle.db, [{ role: "organisation_contributor", organisationId: g.second.id }]),
    );
    const colleague = await tokenOf(
      await signIn(app, handle.db, [{ role: "organisation_contributor", organisationId: g.first.id }]),
    );
    const body = (version: number, narrative: string) => ({
      theme: g.themeSlug,
      key,
      version,
      submit: true,
      status: "on_track",
      narrative,
      confidence: "evidenced",
    });
    // Each reads its organisation first, then both write.
    const mineSeen = await versionFor(mine, g.first.slug, key);
    const theirsSeen = await versionFor(theirs, g.second.slug, key);
    const colleagueSeen = await versionFor(colleague, g.first.slug, key);
    const first = await send(body(mineSeen, "Promise Partners' news."), { token: mine }, g.first.slug);
    expect(first.status).toBe(200);
    const second = await send(body(theirsSeen, "Care Voices' news."), { token: theirs }, g.second.slug);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.state).toBe("submitted");
    // A colleague in the first organisation sends what it read before the first write: refused.
    const stale = await send(body(colleagueSeen, "A colleague's news."), { token: colleague }, g.first.slug);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    const story = (await getPage(app, undefined, `/api/v1/themes/${g.themeSlug}/actions/${key}`)).json();
    expect(story.updates.map((u: { narrative: string }) => u.narrative).sort()).toEqual([
      "Care Voices' news.",
      "Promise Partners' news.",
    ]);
    expect(await versionFor(colleague, g.first.slug, key)).toBe(first.body.version);
  });
});
