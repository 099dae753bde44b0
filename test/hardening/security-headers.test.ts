import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { getPage, type Session, signIn, testApp } from "../support/http.ts";
import { routeSamples } from "../support/route-samples.ts";
import { listRoutes } from "../support/routes.ts";

// Security headers on every answer. Every GET route the router has (so
// a new one cannot be missed) is fetched as the public and as an administrator, over http and as
// if over https behind the proxy, with a not-found page, an asset and a refused POST beside them.

interface Fetched {
  name: string;
  response: LightMyRequestResponse;
  https: boolean;
}

/** The directives of a Content-Security-Policy, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** What is wrong with one answer's headers; empty when nothing is. */
function problems({ response, https }: Fetched): string[] {
  const found: string[] = [];
  const h = response.headers;
  const csp = String(h["content-security-policy"] ?? "");
  if (!csp) found.push("no Content-Security-Policy");
  const policy = directives(csp);
  if (/unsafe-inline|unsafe-eval|unsafe-hashes/i.test(csp)) found.push(`CSP allows unsafe code: ${csp}`);
  if (policy.get("frame-ancestors")?.join(" ") !== "'none'") found.push("CSP frame-ancestors is not 'none'");
  if (policy.get("object-src")?.join(" ") !== "'none'") found.push("CSP object-src is not 'none'");
  if (!policy.get("default-src")) found.push("CSP has no default-src");
  for (const name of ["script-src", "style-src"]) {
    const sources = policy.get(name) ?? policy.get("default-src") ?? [];
    if (sources.some((s) => s === "*" || s.endsWith(":"))) found.push(`CSP ${name} allows any source`);
  }
  if (h["x-content-type-options"] !== "nosniff") found.push("no X-Content-Type-Options: nosniff");
  if (h["x-frame-options"] !== "DENY") found.push("no X-Frame-Options: DENY");
  if (!h["referrer-policy"]) found.push("no Referrer-Policy");
  const hsts = h["strict-transport-security"];
  if (https && !/max-age=(\d{8,})/.test(String(hsts ?? "")))
    found.push(`HSTS missing or short over https: ${hsts}`);
  if (!https && hsts !== undefined) found.push("HSTS sent over plain http");
  if (response.statusCode >= 500) found.push(`answered ${response.statusCode}`);
  return found;
}

/** Inline script, inline style or event-handler attributes, which the CSP would block in a browser. */
function inlineCode(body: string): string[] {
  const found: string[] = [];
  for (const tag of body.match(/<script\b[^>]*>/gi) ?? [])
    if (!/\bsrc=/.test(tag)) found.push(`inline script: ${tag}`);
  if (/<style\b/i.test(body)) found.push("inline <style> element");
  for (const tag of body.match(/<[a-z][^>]*>/gi) ?? [])
    for (const attribute of tag.match(/\s(style|on[a-z]+)\s*=/gi) ?? [])
      found.push(`inline ${attribute.trim()} in ${tag.slice(0, 80)}`);
  return found;
}

describe("security headers on every answer", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let administrator: Session;
  const fetched: Fetched[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    await app.ready();
    administrator = await signIn(app, handle.db, "administrator");
    const samples = await routeSamples(handle.db);
    const gets = listRoutes(app).filter((r) => r.method === "GET");
    for (const route of gets) {
      const url = samples
        .fill(route.url)
        .replace("/assets/ds/*", "/assets/ds/css/design-system.min.css")
        .replace("/assets/*", "/assets/app.css");
      for (const [who, session] of [
        ["the public", undefined],
        ["an administrator", administrator],
      ] as const) {
        for (const https of [false, true]) {
          const response = await app.inject({
            method: "GET",
            url,
            headers: {
              ...(session ? { cookie: session.cookie } : {}),
              ...(https ? { "x-forwarded-proto": "https" } : {}),
            },
          });
          fetched.push({ name: `GET ${url} as ${who}${https ? " over https" : ""}`, response, https });
        }
      }
    }
    fetched.push({
      name: "a page not found",
      response: await getPage(app, undefined, "/no-such-page"),
      https: false,
    });
    fetched.push({
      name: "a POST refused for want of a CSRF token",
      response: await app.inject({
        method: "POST",
        url: "/sign-out",
        headers: { cookie: administrator.cookie },
      }),
      https: false,
    });
    fetched.push({
      name: "a malformed address",
      response: await app.inject({ method: "GET", url: "/themes/%E0%A4%A" }),
      https: false,
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("went through every GET route, pages, API and assets", () => {
    const names = fetched.map((f) => f.name);
    expect(names.some((n) => n.startsWith("GET /api/v1/openapi.json"))).toBe(true);
    expect(names.some((n) => n.startsWith("GET /assets/"))).toBe(true);
    expect(names.some((n) => n.startsWith("GET /manage "))).toBe(true);
    expect(fetched.length).toBeGreaterThan(4 * 20);
  });

  it("a strict CSP with frame-ancestors 'none', no sniffing, no framing, and HSTS only over https", () => {
    const report = fetched.flatMap((f) => problems(f).map((p) => `${f.name}: ${p}`));
    expect(report).toEqual([]);
  });

  it("no page holds inline script or style, which the CSP would block", () => {
    const report = fetched
      .filter((f) => String(f.response.headers["content-type"] ?? "").startsWith("text/html"))
      .flatMap((f) => inlineCode(f.response.body).map((p) => `${f.name}: ${p}`));
    expect(report).toEqual([]);
  });

  it("the checks themselves catch a weak policy", () => {
    const weak = {
      https: true,
      name: "weak",
      response: {
        statusCode: 200,
        headers: { "content-security-policy": "default-src * 'unsafe-inline'" },
      } as unknown as LightMyRequestResponse,
    };
    expect(problems(weak)).toEqual(
      expect.arrayContaining([
        "CSP allows unsafe code: default-src * 'unsafe-inline'",
        "CSP frame-ancestors is not 'none'",
        "no X-Frame-Options: DENY",
        "HSTS missing or short over https: undefined",
      ]),
    );
    expect(inlineCode('<p style="color:red" onclick="x()"><script>alert(1)</script>')).toHaveLength(3);
  });
});
