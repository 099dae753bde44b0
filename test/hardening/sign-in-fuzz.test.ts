import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/features/accounts/user.service.ts";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { anonymousSession, type Session, testApp } from "../support/http.ts";
import { countSessions } from "../support/table-digest.ts";

// Issue 3: bad input on the sign-in form (malformed email, a 10,000-character password, NUL
// bytes, arrays and objects where strings belong, broken bodies) gets a clear answer, never a 500,
// and signs nobody in. A password that cannot be right gets the same message as a wrong one
// (naming neither field on purpose: no user enumeration); a missing field is named, and so is a
// malformed email address (a NUL in it, say), which says nothing about who has an account.

const EMAIL = "fuzz@example.test";
const PASSWORD = "the fuzzing password";
/** The one message for a wrong email or password: it names neither, so accounts cannot be found out. */
const NOT_RIGHT = "The email address or password is not right";
/** The email field's own message for an address that is not one. */
const MALFORMED = "Enter an email address in the correct format";

interface Case {
  name: string;
  contentType: string;
  /** The body without the CSRF token; the token is added as the form's `_csrf` field. */
  body: (csrf: string) => string;
  /** What the answer must be; 400 by default. */
  status?: number;
  /** A field the answer must name (its label on the form or in the message). */
  names?: string;
}

const urlencoded = "application/x-www-form-urlencoded";
const json = "application/json";
const form = (csrf: string, fields: Array<[string, string]>) =>
  new URLSearchParams([["_csrf", csrf], ...fields]).toString();
const asJson = (csrf: string, fields: Record<string, unknown>) => JSON.stringify({ _csrf: csrf, ...fields });

const CASES: Case[] = [
  ...[
    "not-an-email",
    "@",
    "a@",
    "@b",
    "a@@b",
    " ",
    "<script>alert(1)</script>",
    "' or 1=1 --",
    "é@ü.test",
  ].map(
    (email): Case => ({
      name: `malformed email ${JSON.stringify(email)}`,
      contentType: urlencoded,
      body: (csrf) =>
        form(csrf, [
          ["email", email],
          ["password", PASSWORD],
        ]),
    }),
  ),
  {
    name: "a 10,000-character password",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", EMAIL],
        ["password", "p".repeat(10_000)],
      ]),
  },
  {
    name: "a 10,000-character email",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", `${"e".repeat(10_000)}@example.test`],
        ["password", PASSWORD],
      ]),
  },
  {
    name: "a NUL byte in the email",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", `fuzz\u0000@example.test`],
        ["password", PASSWORD],
      ]),
    names: MALFORMED,
  },
  {
    name: "a NUL byte in the password",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", EMAIL],
        ["password", `the fuzzing\u0000password`],
      ]),
    names: NOT_RIGHT,
  },
  {
    name: "a NUL byte in where to go next",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", EMAIL],
        ["password", "wrong"],
        ["returnTo", "/\u0000"],
      ]),
    names: NOT_RIGHT,
  },
  {
    name: "the email twice (an array)",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", EMAIL],
        ["email", "other@example.test"],
        ["password", PASSWORD],
      ]),
    names: "Enter your email address",
  },
  {
    name: "the password twice (an array)",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", EMAIL],
        ["password", PASSWORD],
        ["password", PASSWORD],
      ]),
    names: "Enter your password",
  },
  {
    name: "bracketed names",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email[]", EMAIL],
        ["password[x]", PASSWORD],
      ]),
  },
  { name: "nothing but the token", contentType: urlencoded, body: (csrf) => form(csrf, []) },
  {
    name: "JSON arrays instead of strings",
    contentType: json,
    body: (csrf) => asJson(csrf, { email: [EMAIL], password: [PASSWORD] }),
  },
  {
    name: "JSON objects instead of strings",
    contentType: json,
    body: (csrf) => asJson(csrf, { email: { $ne: "" }, password: { toString: "x" }, returnTo: { a: 1 } }),
  },
  {
    name: "JSON numbers, booleans and null",
    contentType: json,
    body: (csrf) => asJson(csrf, { email: 1, password: true, returnTo: null }),
  },
  {
    name: "JSON with __proto__",
    contentType: json,
    body: (csrf) => `{"_csrf":"${csrf}","__proto__":{"email":"${EMAIL}"},"password":"${PASSWORD}"}`,
  },
  {
    name: "a NUL byte in JSON",
    contentType: json,
    body: (csrf) => asJson(csrf, { email: "fuzz\u0000@example.test", password: PASSWORD }),
    names: MALFORMED,
  },
  { name: "malformed JSON", contentType: json, body: (csrf) => `{"_csrf":"${csrf}", "email": `, status: 400 },
  {
    // Read as one string, so the form's token is nowhere to be found.
    name: "a body as plain text",
    contentType: "text/plain",
    body: (csrf) => `_csrf=${csrf}&email=${EMAIL}`,
    status: 403,
  },
  {
    name: "a body in a type Waymark does not read",
    contentType: "application/xml",
    body: (csrf) => `<form><_csrf>${csrf}</_csrf></form>`,
    status: 415,
  },
  {
    name: "a body over the size limit",
    contentType: urlencoded,
    body: (csrf) =>
      form(csrf, [
        ["email", EMAIL],
        ["password", "p".repeat(1_100_000)],
      ]),
    status: 413,
  },
  {
    name: "broken %-escapes",
    contentType: urlencoded,
    body: (csrf) => `_csrf=${csrf}&email=%E0%A4%A&password=%`,
  },
];

describe("bad input on the sign-in form", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let visitor: Session;

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    visitor = await anonymousSession(app);
    await createUser(handle.db, {
      email: EMAIL,
      name: "Fuzz",
      grants: [{ role: "reader" }],
      password: PASSWORD,
    });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("is answered clearly, never with a 500, and signs nobody in", async () => {
    const wrong: string[] = [];
    for (const [i, c] of CASES.entries()) {
      const response = await app.inject({
        method: "POST",
        url: "/sign-in",
        // Each case from its own address, so throttling of repeated failures does not answer for it.
        remoteAddress: `10.0.${i}.1`,
        headers: { cookie: visitor.cookie, "content-type": c.contentType },
        payload: c.body(visitor.csrf),
      });
      const expected = c.status ?? 400;
      const html = String(response.headers["content-type"]).startsWith("text/html");
      if (response.statusCode !== expected)
        wrong.push(`${c.name}: ${response.statusCode}, expected ${expected}`);
      else if (!html) wrong.push(`${c.name}: answered ${response.headers["content-type"]}, not a page`);
      else if (!/There is a problem/.test(response.body)) wrong.push(`${c.name}: no "There is a problem"`);
      else if (c.names && !response.body.includes(c.names)) wrong.push(`${c.name}: does not name ${c.names}`);
      if (response.cookies.some((cookie) => cookie.name === "wm_session")) wrong.push(`${c.name}: signed in`);
    }
    expect(wrong).toEqual([]);
    expect(await countSessions(handle.db)).toBe(0);
  }, 120_000);

  it("a right sign-in sent somewhere odd next lands on a page of this site, never a 500", async () => {
    const wrong: string[] = [];
    for (const [i, returnTo] of [
      "/\u0000",
      "/themes/\u20ac",
      "/a\r\nSet-Cookie: x=y",
      "//evil.example",
      "/\\evil",
    ].entries()) {
      const response = await app.inject({
        method: "POST",
        url: "/sign-in",
        remoteAddress: `10.1.${i}.1`,
        headers: { cookie: visitor.cookie, "content-type": urlencoded },
        payload: form(visitor.csrf, [
          ["email", EMAIL],
          ["password", PASSWORD],
          ["returnTo", returnTo],
        ]),
      });
      if (response.statusCode !== 303 || response.headers.location !== "/manage")
        wrong.push(`${JSON.stringify(returnTo)}: ${response.statusCode} → ${response.headers.location}`);
      if (response.headers["set-cookie"]?.toString().includes("x=y"))
        wrong.push(`${JSON.stringify(returnTo)}: header injected`);
    }
    expect(wrong).toEqual([]);
  });

  it("the right email and password still sign in (the cases above are refused for what they hold)", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/sign-in",
      headers: { cookie: visitor.cookie, "content-type": urlencoded },
      payload: form(visitor.csrf, [
        ["email", EMAIL],
        ["password", PASSWORD],
      ]),
    });
    expect(response.statusCode).toBe(303);
  });
});
