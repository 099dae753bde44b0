import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { withDatabase } from "../src/cli/support.ts";
import { type ChangeFeed, postgresChangeFeed } from "../src/platform/change-feed.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type DatabaseHandle, openPostgres } from "../src/platform/database.ts";
import { testDeps } from "./support/app-deps.ts";
import { createTestDatabase, serverUrl } from "./support/database.ts";
import { unique } from "./support/factories.ts";
import { anonymousSession, getPage, postForm, signIn } from "./support/http.ts";

describe("the in-memory page cache", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await createApp(testDeps(handle.db, { config: { pageCacheSeconds: 60 } }));
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("serves a public page again from memory, byte for byte, with the same headers", async () => {
    const first = await app.inject({ url: "/themes/leadership" });
    const second = await app.inject({ url: "/themes/leadership" });
    expect(first.headers["x-waymark-cache"]).toBeUndefined();
    expect(second.headers["x-waymark-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    for (const name of ["content-type", "cache-control", "vary", "content-security-policy"]) {
      expect(second.headers[name], name).toBe(first.headers[name]);
    }
    expect(second.headers["set-cookie"]).toBeUndefined();
  });

  it("never serves a signed-in reader the anonymous copy, nor keeps theirs", async () => {
    await app.inject({ url: "/sectors" });
    const editor = await signIn(app, handle.db, "programme_editor");
    const page = await getPage(app, editor, "/sectors");
    expect(page.headers["x-waymark-cache"]).toBeUndefined();
    expect(page.body).toContain("Signed in as");
    expect((await app.inject({ url: "/sectors" })).body).not.toContain("Signed in as");
  });

  it("keeps no error pages and no forms", async () => {
    await app.inject({ url: "/themes/no-such-route-map" });
    expect(
      (await app.inject({ url: "/themes/no-such-route-map" })).headers["x-waymark-cache"],
    ).toBeUndefined();
    await app.inject({ url: "/sign-in" });
    expect((await app.inject({ url: "/sign-in" })).headers["x-waymark-cache"]).toBeUndefined();
  });

  it("forgets everything as soon as something changes, so a published edition shows at once", async () => {
    const before = await app.inject({ url: "/themes/leadership" });
    expect((await app.inject({ url: "/themes/leadership" })).headers["x-waymark-cache"]).toBe("hit");
    const editor = await signIn(app, handle.db, "programme_editor");
    const started = await postForm(app, editor, "/manage/themes/leadership/drafts", {});
    expect(started.statusCode).toBe(303);
    const after = await app.inject({ url: "/themes/leadership" });
    expect(after.headers["x-waymark-cache"]).toBeUndefined();
    expect(after.body).toBe(before.body);
  });

  it("cannot be poisoned through the Host header: the copy kept has nothing from it", async () => {
    const forged = await app.inject({ url: "/groups", headers: { host: "evil.example" } });
    const next = await app.inject({ url: "/groups" });
    expect(next.headers["x-waymark-cache"]).toBe("hit");
    expect(next.body).toBe(forged.body);
    expect(next.body).not.toContain("evil.example");
  });

  it("is not emptied by visitors without an account, whatever they post", async () => {
    await app.inject({ url: "/foundations/people" });
    const visitor = await anonymousSession(app);
    const refused = await postForm(app, visitor, "/manage/themes/leadership/drafts", {});
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toMatch(/^\/sign-in/);
    await postForm(app, visitor, "/sign-in", { email: "nobody@example.test", password: "wrong wrong wrong" });
    expect((await app.inject({ url: "/foundations/people" })).headers["x-waymark-cache"]).toBe("hit");
  });
});

describe.skipIf(!serverUrl)("the page caches of two instances on one PostgreSQL database", () => {
  let handle: DatabaseHandle;
  let second: DatabaseHandle;
  const feeds: ChangeFeed[] = [];
  let one: FastifyInstance;
  let two: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    // Each instance has its own pool, its own cache and its own LISTEN connection.
    second = openPostgres(handle.connectionString!, 2);
    const instance = async (db: DatabaseHandle["db"]) => {
      const changes = postgresChangeFeed(handle.connectionString!, db);
      feeds.push(changes);
      await changes.ready;
      return createApp({ ...testDeps(db, { config: { pageCacheSeconds: 60 } }), changes });
    };
    one = await instance(handle.db);
    two = await instance(second.db);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    for (const feed of feeds) await feed.close();
    await second.close();
    await handle.close();
  });

  it("a change made through one instance shows on the other's next anonymous read", async () => {
    await two.inject({ url: "/organisations" });
    const cached = await two.inject({ url: "/organisations" });
    expect(cached.headers["x-waymark-cache"]).toBe("hit");
    const name = unique("Orkney Islands Trust");
    const editor = await signIn(one, handle.db, "programme_editor");
    const added = await postForm(one, editor, "/manage/organisations", { name, type: "third_sector" });
    expect(added.statusCode).toBe(303);
    // The other instance hears of it through NOTIFY: wait for that in short steps, a bounded number.
    let shown = false;
    for (let attempt = 0; attempt < 50 && !shown; attempt++) {
      shown = (await two.inject({ url: "/organisations" })).body.includes(name);
      if (!shown) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(shown).toBe(true);
  });

  it("a change made on the command line (an import, a data load) shows on a running instance too", async () => {
    await two.inject({ url: "/organisations" });
    expect((await two.inject({ url: "/organisations" })).headers["x-waymark-cache"]).toBe("hit");
    const name = unique("Shetland Islands Collective");
    const config = loadConfig({ DATABASE_URL: handle.connectionString!, LOG_LEVEL: "silent" });
    await withDatabase(
      config,
      async ({ db }) => {
        await db
          .insertInto("organisation")
          .values({ name, slug: name.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-"), type: "third_sector" })
          .execute();
      },
      { changes: true },
    );
    let shown = false;
    for (let attempt = 0; attempt < 50 && !shown; attempt++) {
      shown = (await two.inject({ url: "/organisations" })).body.includes(name);
      if (!shown) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(shown).toBe(true);
  });
});
