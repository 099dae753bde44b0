import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../../test/support/app-deps.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, signIn } from "../../../test/support/http.ts";
import { createApp } from "../../app.ts";
import type { DatabaseHandle } from "../database.ts";

// The API's rate limit, set small through the configuration so the test never waits.

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await createApp(testDeps(handle.db, { config: { apiRateLimitPerMinute: 3 } }));
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

function fromAddress(remoteAddress: string, url = "/api/v1", headers: Record<string, string> = {}) {
  return app.inject({ method: "GET", url, remoteAddress, headers });
}

describe("the API's rate limit", () => {
  it("answers 429 with the JSON error and Retry-After once a client address is over the limit", async () => {
    for (let i = 0; i < 3; i++) expect((await fromAddress("192.0.2.1")).statusCode).toBe(200);
    const over = await fromAddress("192.0.2.1");
    expect(over.statusCode).toBe(429);
    expect(over.json()).toEqual({
      error: { code: "rate_limited", message: expect.stringContaining("at most 3 a minute"), fields: {} },
    });
    const retryAfter = Number(over.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address has a limit of its own; pages are not limited at all.
    expect((await fromAddress("192.0.2.2")).statusCode).toBe(200);
    expect((await fromAddress("192.0.2.1", "/sign-in")).statusCode).toBe(200);
  });

  it("counts each API token's owner on their own, wherever they call from", async () => {
    const session = await signIn(app, handle.db, "reader");
    const made = await postForm(app, session, "/account/tokens", { name: "Limited", expiresInDays: 7 });
    const token = /id="new-token">([^<]+)</.exec(made.body)![1]!;
    const auth = { authorization: `Bearer ${token}` };
    // The address is already over its limit; the token is counted apart from it.
    for (let i = 0; i < 4; i++) await fromAddress("192.0.2.9");
    expect((await fromAddress("192.0.2.9")).statusCode).toBe(429);
    for (let i = 0; i < 3; i++)
      expect((await fromAddress("192.0.2.9", "/api/v1", auth)).statusCode).toBe(200);
    const over = await fromAddress("192.0.2.10", "/api/v1", auth);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe("rate_limited");
    expect((await getPage(app, session, "/account/tokens")).statusCode).toBe(200);
  });
});
