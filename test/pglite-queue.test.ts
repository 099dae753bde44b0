import net from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { DatabaseHandle } from "../src/platform/database.ts";
import { testDeps } from "./support/app-deps.ts";
import { createTestDatabase, serverUrl } from "./support/database.ts";

// The embedded database takes one query at a time. Under more requests than it can take, at most
// WAYMARK_PGLITE_QUEUE are under way, and none is served after waiting longer than
// WAYMARK_PGLITE_WAIT_MS behind the others; the rest are answered 503 with Retry-After, never a
// 500 and never a timeout. No timings: the bounds are small and the requests many. (The server sets the bounds
// on PGlite only; the app honours the count on either database, so that part runs on both.)

function expectBusyAnswers(
  answers: Array<{ status: number; headers: Record<string, unknown>; body: string }>,
) {
  for (const answer of answers.filter((a) => a.status === 503)) {
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect(answer.body).toContain("too many people are using it at once");
  }
}

describe("the embedded database under more requests than it takes", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    // No page cache: every request goes to the database. Waiting is not bounded here.
    app = await createApp(testDeps(handle.db, { config: { pgliteLimit: { underWay: 4, waitMs: 600_000 } } }));
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
    expectBusyAnswers(answers.map((a) => ({ status: a.statusCode, headers: a.headers, body: a.body })));
    for (const [i, answer] of answers.entries()) {
      if (answer.statusCode !== 503) continue;
      if (urls[i]!.startsWith("/api/")) {
        expect(answer.json()).toMatchObject({ error: { code: "unavailable" } });
      } else {
        expect(answer.headers["content-type"]).toMatch(/^text\/html/);
      }
    }
  });

  it("serves everyone again once the rush is over", async () => {
    for (const url of ["/themes/leadership", "/api/v1/themes/leadership"])
      expect((await app.inject({ url })).statusCode).toBe(200);
  });
});

/**
 * Sends raw GET requests on `count` connections at once, once the server has taken every one of
 * them in (so all are read in its same turn); the answers, in order.
 */
async function sendAtOnce(app: FastifyInstance, path: string, count: number) {
  const { port } = app.server.address() as net.AddressInfo;
  let taken = 0;
  const allTaken = new Promise<void>((resolve) => {
    const onConnection = () => {
      if (++taken < count) return;
      app.server.off("connection", onConnection);
      resolve();
    };
    app.server.on("connection", onConnection);
  });
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
          socket.once("error", reject);
        }),
    ),
  );
  const answers = sockets.map(
    (socket) =>
      new Promise<string>((resolve) => {
        let text = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => {
          text += chunk;
        });
        socket.once("end", () => resolve(text));
      }),
  );
  await allTaken;
  // All written in one go: the server finds them all waiting on its next turn.
  for (const socket of sockets)
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  return (await Promise.all(answers)).map((raw) => {
    const [head = "", body = ""] = raw.split("\r\n\r\n");
    const [statusLine = "", ...lines] = head.split("\r\n");
    const headers = Object.fromEntries(
      lines.map((line) => [
        line.slice(0, line.indexOf(":")).toLowerCase(),
        line.slice(line.indexOf(":") + 1).trim(),
      ]),
    );
    return { status: Number(statusLine.split(" ")[1]), headers, body };
  });
}

// On PGlite only: on PostgreSQL a request gives way while it waits for its queries, so twenty are
// all read before any is served and none has waited (the server sets no limit there).
describe.skipIf(serverUrl)(
  "the embedded database over real connections, when requests wait behind each other",
  () => {
    let handle: DatabaseHandle;
    let app: FastifyInstance;
    beforeAll(async () => {
      handle = await createTestDatabase("demo");
      // Any count; a wait of 1 ms: a page from the database takes longer than that to serve, so
      // every request read in the same turn after the first has waited too long.
      app = await createApp(testDeps(handle.db, { config: { pgliteLimit: { underWay: 1000, waitMs: 1 } } }));
      await app.listen({ host: "127.0.0.1", port: 0 });
    });
    afterAll(async () => {
      await app.close();
      await handle.close();
    });

    it("serves the first in the queue and turns those that waited too long behind it away with 503 and Retry-After", async () => {
      const answers = await sendAtOnce(app, "/themes/leadership", 20);
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expectBusyAnswers(answers);
    });

    it("serves a request that waits behind no one", async () => {
      for (let i = 0; i < 3; i++)
        expect((await sendAtOnce(app, "/themes/leadership", 1))[0]!.status).toBe(200);
    });
  },
);
