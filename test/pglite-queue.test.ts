import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { DatabaseHandle } from "../src/platform/database.ts";
import { testDeps } from "./support/app-deps.ts";
import { createTestDatabase } from "./support/database.ts";

// The embedded database takes one query at a time. Under more requests than it can take, at most
// WAYMARK_PGLITE_QUEUE wait for it; the rest are answered 503 with Retry-After at once, never a
// 500 and never a timeout. No timings: the bound is small and the requests many. (The server sets
// the bound on PGlite only; the app honours it on either database, so this runs on both.)

describe("the embedded database under more requests than it takes", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    // No page cache: every request goes to the database.
    app = await createApp(testDeps(handle.db, { config: { pgliteQueue: 4 } }));
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("answers those beyond the bound 503 with Retry-After at once, and all the others 200", async () => {
    const urls = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0 ? "/themes/leadership" : "/api/v1/themes/leadership",
    );
    const answers = await Promise.all(urls.map((url) => app.inject({ url })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    for (const [i, answer] of answers.entries()) {
      if (answer.statusCode !== 503) continue;
      expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
      if (urls[i]!.startsWith("/api/")) {
        expect(answer.json()).toMatchObject({ error: { code: "unavailable" } });
      } else {
        expect(answer.headers["content-type"]).toMatch(/^text\/html/);
        expect(answer.body).toContain("too many people are using it at once");
      }
    }
  });

  it("serves everyone again once the rush is over", async () => {
    for (const url of ["/themes/leadership", "/api/v1/themes/leadership"])
      expect((await app.inject({ url })).statusCode).toBe(200);
  });
});
