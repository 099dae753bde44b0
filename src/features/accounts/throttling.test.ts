import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, postFrom } from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { unique } from "../../../test/support/factories.ts";
import { anonymousSession, type Session, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

describe("throttling repeated failed sign-ins", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let visitor: Session;
  beforeAll(async () => {
    handle = await createTestDatabase();
    app = await testApp(handle.db);
    visitor = await anonymousSession(app);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  const attempt = (email: string, password: string, address: string, headers?: Record<string, string>) =>
    postFrom(app, visitor, "/sign-in", { email, password, returnTo: "/account" }, address, headers);

  it("after five wrong passwords for an account from one address, even the right one from there gets 429 with Retry-After", async () => {
    const account = await createAccount(handle.db);
    for (let i = 0; i < 5; i++)
      expect((await attempt(account.email, "a wrong guess", "192.0.2.1")).statusCode).toBe(400);
    for (let i = 0; i < 2; i++) {
      const refused = await attempt(account.email, account.password, "192.0.2.1");
      expect(refused.statusCode).toBe(429);
      const retryAfter = Number(refused.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(refused.body).toContain("There have been too many attempts to sign in");
      expect(refused.body).toContain("Wait 15 minutes, then try again.");
      expect(refused.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    }
    // The email typed is kept; the error summary is there for screen readers.
    const page = await attempt(account.email, account.password, "192.0.2.1");
    expect(page.body).toContain("ds_error-summary");
    expect(page.body).toContain(`value="${account.email}"`);
    // From another address the account is not locked: the right password signs in.
    expect((await attempt(account.email, account.password, "192.0.2.2")).statusCode).toBe(303);
  });

  it("nobody can keep an owner out: wrong passwords from other addresses do not stop the right one from theirs", async () => {
    const owner = await createAccount(handle.db);
    // A stranger sends five wrong passwords from each of three addresses, as often as the
    // throttle lets them: every one of their addresses is refused for this account...
    const strangers = ["203.0.113.71", "203.0.113.72", "203.0.113.73"];
    for (const address of strangers) {
      for (let i = 0; i < 5; i++)
        expect((await attempt(owner.email, `guess ${i}`, address)).statusCode).toBe(400);
      expect((await attempt(owner.email, "guess 6", address)).statusCode).toBe(429);
    }
    // ...while the owner, from their own address, is told a wrong password is wrong, and signs in.
    expect((await attempt(owner.email, "a slip of the finger", "198.51.100.70")).statusCode).toBe(400);
    const signedIn = await attempt(owner.email, owner.password, "198.51.100.70");
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.cookies.find((c) => c.name === "wm_session")).toBeDefined();
    // The owner's sign-in forgives nobody else: the stranger's addresses stay refused, even with
    // the right password.
    for (const address of strangers)
      expect((await attempt(owner.email, owner.password, address)).statusCode).toBe(429);
  });

  it("Retry-After counts down to when the oldest failure leaves the 15 minutes", async () => {
    const account = await createAccount(handle.db);
    for (let i = 0; i < 5; i++) await attempt(account.email, "a wrong guess", "192.0.2.20");
    await handle.db
      .updateTable("throttle_event")
      .set({ at: sql<Date>`now() - interval '10 minutes'` })
      .where("account", "=", account.email)
      .execute();
    const refused = await attempt(account.email, account.password, "192.0.2.20");
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(4 * 60);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(5 * 60);
    expect(refused.body).toContain("Wait 5 minutes");
    // Fifteen minutes after the failures, the right password works again.
    await handle.db
      .updateTable("throttle_event")
      .set({ at: sql<Date>`now() - interval '16 minutes'` })
      .where("account", "=", account.email)
      .execute();
    expect((await attempt(account.email, account.password, "192.0.2.20")).statusCode).toBe(303);
  });

  it("twenty failures from one address throttle every account from it, but not from elsewhere", async () => {
    const account = await createAccount(handle.db);
    for (let i = 0; i < 20; i++)
      expect(
        (await attempt(`${unique("guess")}@example.test`, "a wrong guess", "192.0.2.30")).statusCode,
      ).toBe(400);
    expect((await attempt(account.email, account.password, "192.0.2.30")).statusCode).toBe(429);
    expect((await attempt(account.email, account.password, "192.0.2.31")).statusCode).toBe(303);
  });

  it("a client's own X-Forwarded-For is not believed: only a proxy on this machine may name the client", async () => {
    const account = await createAccount(handle.db);
    for (let i = 0; i < 20; i++) {
      const forwarded = { "x-forwarded-for": `198.51.100.${i + 1}` };
      const guess = `${unique("guess")}@example.test`;
      expect((await attempt(guess, "a wrong guess", "192.0.2.60", forwarded)).statusCode).toBe(400);
    }
    // Twenty failures from 192.0.2.60, whatever it claimed: throttled, with or without a new claim.
    const claim = { "x-forwarded-for": "198.51.100.99" };
    expect((await attempt(account.email, account.password, "192.0.2.60", claim)).statusCode).toBe(429);
    // Through a proxy on this machine, the address it forwards is the client's.
    for (let i = 0; i < 20; i++) {
      const guess = `${unique("guess")}@example.test`;
      const via = { "x-forwarded-for": "192.0.2.61" };
      expect((await attempt(guess, "a wrong guess", "127.0.0.1", via)).statusCode).toBe(400);
    }
    const other = { "x-forwarded-for": "192.0.2.62" };
    expect((await attempt(account.email, account.password, "127.0.0.1", other)).statusCode).toBe(303);
    const same = { "x-forwarded-for": "192.0.2.61" };
    expect((await attempt(account.email, account.password, "127.0.0.1", same)).statusCode).toBe(429);
  });

  it("a successful sign-in forgives the earlier failures from its address", async () => {
    const account = await createAccount(handle.db);
    for (let i = 0; i < 4; i++) await attempt(account.email, "a wrong guess", "192.0.2.40");
    expect((await attempt(account.email, account.password, "192.0.2.40")).statusCode).toBe(303);
    for (let i = 0; i < 4; i++) await attempt(account.email, "a wrong guess", "192.0.2.40");
    expect((await attempt(account.email, "a wrong guess", "192.0.2.40")).statusCode).toBe(400);
    for (let i = 0; i < 4; i++) await attempt(account.email, "a wrong guess", "192.0.2.41");
    expect((await attempt(account.email, "a wrong guess", "192.0.2.41")).statusCode).toBe(400);
  });

  it("failures are kept in the database, so every app instance shares the count", async () => {
    const account = await createAccount(handle.db);
    const other = await testApp(handle.db);
    try {
      const there = await anonymousSession(other);
      for (let i = 0; i < 5; i++)
        await postFrom(
          other,
          there,
          "/sign-in",
          { email: account.email, password: "a wrong guess" },
          "192.0.2.50",
        );
      expect((await attempt(account.email, account.password, "192.0.2.50")).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it("an email in another case or with spaces counts as the same account", async () => {
    const account = await createAccount(handle.db);
    for (let i = 0; i < 5; i++)
      await attempt(` ${account.email.toUpperCase()} `, "a wrong guess", "192.0.2.70");
    expect((await attempt(account.email, account.password, "192.0.2.70")).statusCode).toBe(429);
  });
});
