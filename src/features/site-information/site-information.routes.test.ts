import type { FastifyInstance } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../../test/support/app-deps.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { createApp } from "../../app.ts";
import { ConfigError, loadConfig } from "../../platform/config.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// The pages every public-sector site has (issue 21): an accessibility statement, a privacy notice,
// a cookies page and a way to give feedback, linked from every page's footer and phase banner; and
// what browsers and crawlers ask for by name (robots.txt, favicon.ico).

describe("the pages about the site", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await createApp(
      testDeps(handle.db, {
        config: { contactEmail: "promise-team@example.test", operator: "the Example Promise Team" },
      }),
    );
    bare = await createApp(testDeps(handle.db));
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    await handle.close();
  });

  const document = async (target: FastifyInstance, url: string) => {
    const response = await target.inject({ url });
    expect(response.statusCode, url).toBe(200);
    return parseHTML(response.body).document;
  };

  it.each([
    ["/accessibility", "Accessibility statement", "Equality Advisory and Support Service"],
    ["/privacy", "Privacy notice", "Information Commissioner's Office"],
    ["/feedback", "Tell us what you think", "what you could not find"],
  ])("%s names who runs the site and how to write to them", async (url, title, text) => {
    const page = await document(app, url);
    expect(page.querySelector("h1")?.textContent).toBe(title);
    const main = page.querySelector("main")!.textContent!;
    expect(main).toContain(text);
    expect(main).toContain("the Example Promise Team");
    const mail = page.querySelector('main a[href^="mailto:"]');
    expect(mail?.getAttribute("href")).toBe("mailto:promise-team@example.test");
  });

  it("without a contact address, names who to contact rather than showing an address", async () => {
    const page = await document(bare, "/accessibility");
    expect(page.querySelector('main a[href^="mailto:"]')).toBeNull();
    expect(page.querySelector("main")!.textContent).toContain("contact the team that runs this Waymark site");
  });

  it("lists the cookies Waymark really sets, and no others", async () => {
    const page = await document(app, "/cookies");
    const names = [...page.querySelectorAll("main tbody tr th, main tbody tr td:first-child")].map(
      (cell) => cell.textContent,
    );
    expect(names.sort()).toEqual(["wm_csrf", "wm_session"]);
    // A page with a form sets the form's cookie: it is one of those listed.
    const signIn = await app.inject({ url: "/sign-in" });
    for (const cookie of signIn.cookies) expect(["wm_csrf", "wm_session"]).toContain(cookie.name);
  });

  it("every page has the phase banner's feedback link, the footer's links and licence, and a description", async () => {
    for (const url of ["/", "/cookies", "/sign-in", "/no-such-page"]) {
      const response = await app.inject({ url });
      const page = parseHTML(response.body).document;
      expect(page.querySelector(".ds_phase-banner a")?.getAttribute("href"), url).toBe("/feedback");
      const footer = [...page.querySelectorAll("footer a")].map((a) => a.getAttribute("href"));
      for (const href of ["/accessibility", "/privacy", "/cookies", "/feedback"])
        expect(footer, url).toContain(href);
      expect(page.querySelector('footer a[rel="license"]')?.textContent).toBe("Open Government Licence v3.0");
      expect(
        page.querySelector('meta[name="description"]')?.getAttribute("content")?.length,
        url,
      ).toBeGreaterThan(40);
    }
    const own = await document(app, "/privacy");
    expect(own.querySelector('meta[name="description"]')?.getAttribute("content")).toContain(
      "What Waymark publishes about people",
    );
  });

  it("tells crawlers to leave the signed-in parts alone", async () => {
    const response = await app.inject({ url: "/robots.txt" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const rules = response.body.split("\n").filter(Boolean);
    expect(rules[0]).toBe("User-agent: *");
    for (const path of ["/manage", "/admin", "/account", "/sign-in", "/progress"])
      expect(rules).toContain(`Disallow: ${path}`);
    expect(rules).not.toContain("Disallow: /");
  });

  it("answers /favicon.ico with an icon an independent reader recognises", async () => {
    const response = await app.inject({ url: "/favicon.ico" });
    expect(response.statusCode).toBe(200);
    expect((await fileTypeFromBuffer(response.rawPayload))?.ext).toBe("ico");
  });

  it("refuses a contact address that is not an email address, naming the variable", () => {
    expect(() => loadConfig({ WAYMARK_CONTACT_EMAIL: "the promise team" })).toThrow(ConfigError);
    expect(() => loadConfig({ WAYMARK_CONTACT_EMAIL: "the promise team" })).toThrow(/WAYMARK_CONTACT_EMAIL/);
  });
});
