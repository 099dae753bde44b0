import net from "node:net";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postFrom } from "../../../test/support/accounts.ts";
import { testDeps } from "../../../test/support/app-deps.ts";
import { anonymousSession } from "../../../test/support/http.ts";
import { checkHtml, formatNuErrors } from "../../../test/support/nu-checker.ts";
import {
  browse,
  CookieJar,
  callback,
  countRows,
  HOST,
  invitedUser,
  type OidcSetup,
  oidcSetup,
  PROVIDER_NAME,
  startSignIn,
  userRow,
} from "../../../test/support/oidc-app.ts";
import { createApp } from "../../app.ts";
import { createUser } from "./user.service.ts";

// Single sign-on against a real OpenID Connect provider (oidc-provider) on a free port: Waymark
// is driven with app.inject, the provider with fetch, its login and consent pages filled in as a
// person would.

describe("single sign-on through OpenID Connect", () => {
  let s: OidcSetup;
  /** Every page single sign-on showed, for the HTML checker at the end. */
  const pages: Array<{ name: string; response: LightMyRequestResponse }> = [];
  const keep = (name: string, response: LightMyRequestResponse) => {
    pages.push({ name, response });
    return response;
  };
  beforeAll(async () => {
    s = await oidcSetup();
  });
  afterAll(async () => {
    await s.close();
  });

  /** Runs the whole journey as the provider's person `subject`; returns Waymark's last answer. */
  async function signInAs(subject: string, returnTo = "/sectors") {
    const jar = new CookieJar();
    const authorizationUrl = await startSignIn(s.app, jar, returnTo);
    const back = await s.provider.signInAt(authorizationUrl, subject);
    const response = await callback(s.app, jar, back);
    return { response, jar, back };
  }

  it("offers the provider's button on the sign-in page, keeping where the person was going", async () => {
    const page = keep(
      "sign-in with its button",
      await browse(s.app, new CookieJar(), "/sign-in?returnTo=%2Fsectors"),
    );
    expect(page.body).toContain(`Sign in with ${PROVIDER_NAME}`);
    expect(page.body).toContain('href="/sign-in/sso?returnTo=%2Fsectors"');
  });

  it("sends the browser to the provider with PKCE, a state and a nonce, remembered in an HttpOnly cookie", async () => {
    const jar = new CookieJar();
    const response = await browse(s.app, jar, "/sign-in/sso");
    expect(response.statusCode).toBe(303);
    const url = new URL(String(response.headers.location));
    expect(url.origin).toBe(s.provider.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("redirect_uri")).toBe(`http://${HOST}/sign-in/sso/callback`);
    for (const p of ["code_challenge", "state", "nonce"])
      expect(url.searchParams.get(p)?.length).toBeGreaterThan(20);
    const flow = response.cookies.find((c) => c.name === "wm_oidc")!;
    expect(flow.httpOnly).toBe(true);
    expect(flow.sameSite).toBe("Lax");
    expect(flow.path).toBe("/sign-in/sso");
    expect(response.headers["cache-control"]).toContain("no-store");
  });

  it("sends the provider WAYMARK_BASE_URL's return address whatever Host the request names", async () => {
    const response = await s.app.inject({
      method: "GET",
      url: "/sign-in/sso",
      headers: { host: "evil.example" },
    });
    expect(response.statusCode).toBe(303);
    const url = new URL(String(response.headers.location));
    expect(url.searchParams.get("redirect_uri")).toBe(`http://${HOST}/sign-in/sso/callback`);
  });

  it("an invited person signs in with their verified email in any case: the account becomes active, linked and audited", async () => {
    const user = await invitedUser(s.handle.db, "ann.invited@example.test");
    s.provider.people.set("ann-sub", { email: "Ann.Invited@EXAMPLE.test", email_verified: true });
    const audits = await countRows(s.handle.db, "audit_event");

    const { response, jar } = await signInAs("ann-sub", "/sectors");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/sectors");
    const session = response.cookies.find((c) => c.name === "wm_session")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    expect(jar.values.has("wm_oidc")).toBe(false);

    const signedIn = await browse(s.app, jar, "/sign-in");
    expect(signedIn.body).toContain(`Signed in as Invited ann.invited@example.test`);
    expect(await userRow(s.handle.db, user.id)).toEqual({ status: "active", oidc_subject: "ann-sub" });

    const events = await s.handle.db
      .selectFrom("audit_event")
      .select(["action", "entity_id", "actor_id", "before", "after", "request_id"])
      .where("entity_type", "=", "user")
      .where("entity_id", "=", String(user.id))
      .where("action", "in", ["user.link_single_sign_on", "user.sign_in"])
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["user.link_single_sign_on", "user.sign_in"]);
    expect(events[0]).toMatchObject({
      actor_id: user.id,
      before: { status: "invited", oidcSubject: null },
      after: { status: "active", oidcSubject: "ann-sub" },
    });
    expect(events[1]!.request_id).toBeTruthy();
    expect(await countRows(s.handle.db, "audit_event")).toBe(audits + 2);
  });

  it("afterwards the provider's subject finds the account, even when the email there has changed", async () => {
    const user = await createUser(s.handle.db, {
      email: "ben@example.test",
      name: "Ben Editor",
      grants: [{ role: "programme_editor" }],
      password: "ben's long password",
    });
    s.provider.people.set("ben-sub", { email: "ben@example.test", email_verified: true });
    expect((await signInAs("ben-sub")).response.statusCode).toBe(303);
    s.provider.people.set("ben-sub", { email: "benjamin@new.example.test", email_verified: false });
    const { response, jar } = await signInAs("ben-sub", "/manage");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/manage");
    expect((await browse(s.app, jar, "/manage")).statusCode).toBe(200);
    expect(await userRow(s.handle.db, user.id)).toEqual({ status: "active", oidc_subject: "ben-sub" });
  });

  it("someone refused for too many wrong passwords still signs in with single sign-on, which forgives their address", async () => {
    await createUser(s.handle.db, {
      email: "dot@example.test",
      name: "Dot Owner",
      grants: [{ role: "reader" }],
      password: "dot's long password",
    });
    s.provider.people.set("dot-sub", { email: "dot@example.test", email_verified: true });
    // Requests made with app.inject come from 127.0.0.1, the single sign-on journey's too.
    const tryPassword = async (password: string, address = "127.0.0.1") =>
      postFrom(
        s.app,
        await anonymousSession(s.app),
        "/sign-in",
        { email: "dot@example.test", password },
        address,
      );
    const stranger = "203.0.113.90";
    for (let i = 0; i < 5; i++) {
      await tryPassword(`a stranger's guess ${i}`, stranger);
      await tryPassword(`dot's try ${i}`);
    }
    const refused = keep("sign-in refused for too many attempts", await tryPassword("dot's long password"));
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(`Sign in with ${PROVIDER_NAME}`);

    const { response, jar } = await signInAs("dot-sub", "/account");
    expect(response.statusCode).toBe(303);
    expect((await browse(s.app, jar, "/account")).body).toContain("Dot Owner");
    // Signing in so forgave the failures from this address, and not the stranger's.
    expect((await tryPassword("dot's long password")).statusCode).toBe(303);
    expect((await tryPassword("dot's long password", stranger)).statusCode).toBe(429);
  });

  it("an email with no account is refused with a clear page, and nothing is stored", async () => {
    s.provider.people.set("stranger-sub", { email: "stranger@example.test", email_verified: true });
    const sessions = await countRows(s.handle.db, "user_session");
    const audits = await countRows(s.handle.db, "audit_event");
    const { response } = await signInAs("stranger-sub");
    keep("refused: no account", response);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("There is no Waymark account for <strong>stranger@example.test</strong>");
    expect(response.body).toContain("Ask the programme team to invite you");
    expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    expect(await countRows(s.handle.db, "user_session")).toBe(sessions);
    expect(await countRows(s.handle.db, "audit_event")).toBe(audits);
  });

  it("a deactivated account is refused, and is not linked", async () => {
    const user = await createUser(s.handle.db, {
      email: "cat@example.test",
      name: "Cat Gone",
      grants: [{ role: "reader" }],
      password: "cat's long password",
    });
    await s.handle.db
      .updateTable("app_user")
      .set({ status: "deactivated" })
      .where("id", "=", user.id)
      .execute();
    s.provider.people.set("cat-sub", { email: "cat@example.test", email_verified: true });
    const { response } = await signInAs("cat-sub");
    keep("refused: deactivated", response);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("Your Waymark account has been closed");
    expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    expect(await userRow(s.handle.db, user.id)).toEqual({ status: "deactivated", oidc_subject: null });
  });

  it("an email the provider has not verified is not matched to an account", async () => {
    const user = await invitedUser(s.handle.db, "dan@example.test");
    s.provider.people.set("dan-sub", { email: "dan@example.test", email_verified: false });
    const { response } = await signInAs("dan-sub");
    keep("refused: email not verified", response);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("has not confirmed that <strong>dan@example.test</strong>");
    expect(await userRow(s.handle.db, user.id)).toEqual({ status: "invited", oidc_subject: null });
  });

  it("an account linked to one person at the provider cannot be taken by another with the same email", async () => {
    const user = await invitedUser(s.handle.db, "eve@example.test");
    s.provider.people.set("eve-sub", { email: "eve@example.test", email_verified: true });
    expect((await signInAs("eve-sub")).response.statusCode).toBe(303);
    s.provider.people.set("other-eve-sub", { email: "eve@example.test", email_verified: true });
    const { response } = await signInAs("other-eve-sub");
    keep("refused: linked to someone else", response);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("already linked to a different");
    expect(await userRow(s.handle.db, user.id)).toEqual({ status: "active", oidc_subject: "eve-sub" });
  });

  it("a callback whose state was tampered with is refused, and signs nobody in", async () => {
    await invitedUser(s.handle.db, "fay@example.test");
    s.provider.people.set("fay-sub", { email: "fay@example.test", email_verified: true });
    const jar = new CookieJar();
    const back = await s.provider.signInAt(await startSignIn(s.app, jar), "fay-sub");
    back.searchParams.set("state", "forged-state-forged-state-forged-state-123");
    const sessions = await countRows(s.handle.db, "user_session");
    const response = keep("tampered state", await callback(s.app, jar, back));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Signing in did not work");
    expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    expect(await countRows(s.handle.db, "user_session")).toBe(sessions);
  });

  it("a callback replayed, with or without the browser's cookies, opens no second session", async () => {
    await invitedUser(s.handle.db, "gus@example.test");
    s.provider.people.set("gus-sub", { email: "gus@example.test", email_verified: true });
    const jar = new CookieJar();
    const before = new CookieJar();
    const back = await s.provider.signInAt(await startSignIn(s.app, jar), "gus-sub");
    for (const [k, v] of jar.values) before.values.set(k, v);
    expect((await callback(s.app, jar, back)).statusCode).toBe(303);
    const sessions = await countRows(s.handle.db, "user_session");

    // The same browser again: it no longer holds the flow.
    const again = await callback(s.app, jar, back);
    // An attacker who copied the request, flow cookie and all: the provider takes a code once.
    const copied = await callback(s.app, before, back);
    for (const response of [again, copied]) {
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain("Signing in did not work");
      expect(response.cookies.find((c) => c.name === "wm_session")).toBeUndefined();
    }
    expect(await countRows(s.handle.db, "user_session")).toBe(sessions);
  });

  it("a tampered flow cookie and a callback with no sign-in started get the same clear page", async () => {
    const forged = new CookieJar();
    forged.values.set("wm_oidc", "bm90IGEgZmxvdw");
    const response = await browse(s.app, forged, "/sign-in/sso/callback?code=abc&state=def");
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Signing in did not work");
    const bare = await browse(s.app, new CookieJar(), "/sign-in/sso/callback");
    expect(bare.statusCode).toBe(400);
  });

  it("someone who cancels at the provider is told so, and is not signed in", async () => {
    const jar = new CookieJar();
    const back = await s.provider.cancelAt(await startSignIn(s.app, jar));
    const response = keep("cancelled", await callback(s.app, jar, back));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("You cancelled signing in");
  });

  it("only ever returns to a page on this site", async () => {
    const user = await invitedUser(s.handle.db, "hal@example.test");
    s.provider.people.set("hal-sub", { email: "hal@example.test", email_verified: true });
    const { response } = await signInAs("hal-sub", "//evil.example/steal");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/manage");
    expect((await userRow(s.handle.db, user.id)).status).toBe("active");
  });

  it("a provider that does not answer gets a page saying so, not an error", async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const app = await createApp(
      testDeps(s.handle.db, {
        config: {
          oidc: {
            issuer: new URL(`http://127.0.0.1:${port}`),
            clientId: "waymark",
            clientSecret: "secret",
            name: "Nowhere ID",
          },
        },
      }),
    );
    const response = keep("provider unavailable", await browse(app, new CookieJar(), "/sign-in/sso"));
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain("Sorry, Nowhere ID is not available just now");
    expect(response.cookies.find((c) => c.name === "wm_oidc")).toBeUndefined();
    await app.close();
  });

  it("every page it showed passes the Nu HTML Checker", async ({ skip }) => {
    expect(pages.length).toBe(9);
    const check = await checkHtml(pages.map((p) => ({ name: p.name, html: p.response.body })));
    if ("skipped" in check) return skip(check.skipped);
    const report = formatNuErrors(check.results);
    expect(report, `Nu HTML Checker errors:\n${report}`).toBe("");
  }, 120_000);
});
