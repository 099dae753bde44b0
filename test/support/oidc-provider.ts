import crypto from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on a free port of this machine,
 * with its built-in login and consent pages, which `signInAt` fills in as a person would. Each
 * person is an account id with the claims the provider vouches for.
 */
export interface Person {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Add or change a person the provider knows, by their subject. */
  people: Map<string, Person>;
  /**
   * Follows the provider's pages from the authorization address (Waymark's redirect) as the
   * person with this subject: log in, consent. Returns where the provider sends the browser back.
   */
  signInAt(authorizationUrl: string, subject: string): Promise<URL>;
  /** Follows the authorization address and cancels at the login page. */
  cancelAt(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

/** A browser towards the provider: keeps its cookies, never follows redirects by itself. */
function providerBrowser(issuer: string) {
  const jar = new Map<string, string>();
  return async function go(url: string | URL, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(new URL(url, issuer), {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
}

function location(response: Response, issuer: string): URL {
  const to = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || !to)
    throw new Error(`the provider answered ${response.status} where a redirect was expected`);
  return new URL(to, issuer);
}

/** The form on one of the provider's interaction pages: its action address. */
async function formAction(response: Response): Promise<string> {
  const body = await response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(body)?.[1];
  if (response.status !== 200 || !action)
    throw new Error(`no form on the provider's page (${response.status}): ${body.slice(0, 300)}`);
  return action;
}

/** Starts a provider whose only client is Waymark, sending people back to `redirectUri`. */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "waymark-test";
  const clientSecret = crypto.randomBytes(32).toString("base64url");
  const people = new Map<string, Person>();
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, id) {
      const person = people.get(id);
      return person && { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
    cookies: { keys: [crypto.randomBytes(16).toString("hex")] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig" }] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
  });
  server.on("request", provider.callback());

  async function toLogin(authorizationUrl: string) {
    const go = providerBrowser(issuer);
    const login = await go(location(await go(authorizationUrl), issuer));
    return { go, action: await formAction(login) };
  }

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    async signInAt(authorizationUrl, subject) {
      const { go, action } = await toLogin(authorizationUrl);
      const afterLogin = await go(action, { prompt: "login", login: subject, password: "any" });
      const consent = await go(location(await go(location(afterLogin, issuer)), issuer));
      const afterConsent = await go(await formAction(consent), { prompt: "consent" });
      return location(await go(location(afterConsent, issuer)), issuer);
    },
    async cancelAt(authorizationUrl) {
      const { go, action } = await toLogin(authorizationUrl);
      const abort = new URL(action.replace(/\/?$/, "/abort"), issuer);
      return location(await go(location(await go(abort), issuer)), issuer);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
