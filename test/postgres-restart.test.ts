import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../src/db/migrate.ts";
import { createUser } from "../src/features/accounts/user.service.ts";
import { openPostgres } from "../src/platform/database.ts";
import { type RunningCli, startCli } from "./support/cli.ts";
import { serverUrl } from "./support/database.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres.ts";

// A real `waymark serve` on a PostgreSQL server of its own, which the test restarts and stops
// under it: a maintenance restart must cost at most the requests in flight. While the database is
// away every answer is a 503 with Retry-After; afterwards the server carries on by itself.

const EMAIL = "restart@example.test";
const PASSWORD = "a long test password";

/** A browser: keeps the cookies the server sets and sends them back. */
class Browser {
  private cookies = new Map<string, string>();
  private base: URL;
  constructor(base: URL) {
    this.base = base;
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(new URL(path, this.base), {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(init.form
        ? { body: new URLSearchParams({ ...init.form, _csrf: this.cookies.get("wm_csrf") ?? "" }).toString() }
        : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  async signIn(): Promise<void> {
    await this.request("/sign-in");
    const signedIn = await this.request("/sign-in", { form: { email: EMAIL, password: PASSWORD } });
    if (signedIn.status !== 303) throw new Error(`sign-in failed: ${signedIn.status} ${signedIn.body}`);
  }
}

describe.skipIf(!serverUrl)(
  "a PostgreSQL restart under a running server (PostgreSQL only: skipped on PGlite)",
  () => {
    let postgres: ThrowawayPostgres;
    let server: RunningCli;
    let browser: Browser;
    let visitor: Browser;
    let written = 0;

    beforeAll(async () => {
      postgres = await startThrowawayPostgres();
      const handle = openPostgres(postgres.url, 1);
      try {
        await migrateToLatest(handle.db);
        await createUser(handle.db, {
          email: EMAIL,
          name: "Rita Restart",
          grants: [{ role: "programme_editor" }],
          password: PASSWORD,
        });
      } finally {
        await handle.close();
      }
      server = startCli(["serve"], {
        DATABASE_URL: postgres.url,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        // The page cache is on, so its LISTEN connection (the change feed) goes through the restarts too.
        WAYMARK_REMINDER_MINUTES: "1",
      });
      const [, address] = await server.waitFor(/Waymark is ready at (http:\/\/[^\s"]+)/);
      browser = new Browser(new URL(address!));
      visitor = new Browser(new URL(address!));
      await browser.signIn();
    }, 180_000);

    afterAll(async () => {
      if (server && server.child.exitCode === null) {
        server.child.kill("SIGKILL");
        await server.exited;
      }
      await postgres?.remove();
    });

    /** Makes a token (a write) and reads the page that lists every token made so far (a read). */
    async function writeAndRead(): Promise<{ write: number; read: number; listed: boolean }> {
      const name = `token ${++written}`;
      const write = await browser.request("/account/tokens", { form: { name, expiresInDays: "7" } });
      const read = await browser.request("/account/tokens");
      return { write: write.status, read: read.status, listed: read.body.includes(name) };
    }

    /** Reads and writes until both work again, allowing only 503s meanwhile; fails after 20 tries. */
    async function recovered(): Promise<void> {
      for (let attempt = 0; attempt < 20; attempt++) {
        const result = await writeAndRead();
        expect([201, 503]).toContain(result.write);
        expect([200, 503]).toContain(result.read);
        if (result.write === 201 && result.read === 200 && result.listed) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error("reads and writes did not work again after the database came back");
    }

    function expectAlive(): void {
      expect(server.child.exitCode, server.output()).toBeNull();
      expect(server.child.signalCode).toBeNull();
    }

    /** A query no reader asked before: the page cache has no copy, so the read goes to the database. */
    let reads = 0;
    const uncached = (path: string) => `${path}?read=${++reads}`;

    async function expectUnavailable(): Promise<void> {
      const page = await visitor.request(uncached("/"));
      expect(page.status, page.body).toBe(503);
      expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.body).toContain("cannot reach its database");
      const api = await visitor.request(uncached("/api/v1/organisations"));
      expect(api.status).toBe(503);
      expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(JSON.parse(api.body)).toMatchObject({ error: { code: "unavailable" } });
      const signedIn = await writeAndRead();
      expect(signedIn).toMatchObject({ write: 503, read: 503 });
    }

    it("reads and writes before anything happens", async () => {
      expect(await writeAndRead()).toEqual({ write: 201, read: 200, listed: true });
      expect((await visitor.request(uncached("/api/v1/organisations"))).status).toBe(200);
    });

    it("survives an orderly restart (pg_ctl restart -m fast) and carries on reading and writing", async () => {
      await postgres.restart("fast");
      expectAlive();
      await recovered();
      expectAlive();
    }, 60_000);

    it("answers 503 with Retry-After while the server is stopped, then recovers by itself", async () => {
      await postgres.stop("fast");
      expectAlive();
      await expectUnavailable();
      expectAlive();
      await postgres.start();
      await recovered();
      expectAlive();
    }, 60_000);

    it("survives an immediate stop and start, as after a crash or a failover", async () => {
      await postgres.stop("immediate");
      expectAlive();
      await expectUnavailable();
      await postgres.start();
      await recovered();
      await postgres.restart("immediate");
      await recovered();
      expectAlive();
      expect((await visitor.request(uncached("/api/v1/organisations"))).status).toBe(200);
    }, 60_000);
  },
);
