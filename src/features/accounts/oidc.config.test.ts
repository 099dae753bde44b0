import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { testApp } from "../../../test/support/http.ts";
import { browse, CookieJar } from "../../../test/support/oidc-app.ts";
import { ConfigError, loadConfig } from "../../platform/config.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

describe("single sign-on configuration", () => {
  const full = {
    WAYMARK_OIDC_ISSUER: "https://login.example.org/realms/waymark",
    WAYMARK_OIDC_CLIENT_ID: "waymark",
    WAYMARK_OIDC_CLIENT_SECRET: "a secret",
  };

  it("is off unless the issuer is set, and names the provider 'single sign-on' unless told", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const oidc = loadConfig(full).oidc!;
    expect(oidc.issuer.href).toBe("https://login.example.org/realms/waymark");
    expect(oidc.name).toBe("single sign-on");
    expect(loadConfig({ ...full, WAYMARK_OIDC_NAME: " Scottish Government account " }).oidc!.name).toBe(
      "Scottish Government account",
    );
  });

  it("stops the app with a message naming the variable that is missing or wrong", () => {
    expect(() => loadConfig({ ...full, WAYMARK_OIDC_CLIENT_ID: "" })).toThrow(/WAYMARK_OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...full, WAYMARK_OIDC_CLIENT_SECRET: " " })).toThrow(
      /WAYMARK_OIDC_CLIENT_SECRET/,
    );
    expect(() => loadConfig({ ...full, WAYMARK_OIDC_ISSUER: "not a url" })).toThrow(ConfigError);
    // Tokens and the client secret must not cross the network in clear: http only on this machine.
    expect(() => loadConfig({ ...full, WAYMARK_OIDC_ISSUER: "http://login.example.org" })).toThrow(
      /WAYMARK_OIDC_ISSUER must start with https:\/\//,
    );
    expect(loadConfig({ ...full, WAYMARK_OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc).toBeDefined();
  });
});

describe("single sign-on switched off", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
  });
  afterAll(async () => {
    await handle.close();
  });

  it("without configuration there is no button and both addresses are not found", async () => {
    const app = await testApp(handle.db);
    const page = await browse(app, new CookieJar(), "/sign-in");
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("/sign-in/sso");
    expect((await browse(app, new CookieJar(), "/sign-in/sso")).statusCode).toBe(404);
    expect((await browse(app, new CookieJar(), "/sign-in/sso/callback?code=x&state=y")).statusCode).toBe(404);
    await app.close();
  });
});
