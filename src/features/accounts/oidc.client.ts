import * as client from "openid-client";
import type { OidcConfig } from "../../platform/config.ts";

/**
 * The OpenID Connect relying party: sends people to the provider (authorization code flow with
 * PKCE, state and nonce) and reads who they are from its answer. All the protocol checks (the
 * state, the ID token's signature, issuer, audience, expiry and nonce, the PKCE verifier) are
 * openid-client's; this file only keeps what a sign-in needs between the two legs.
 */

/** What the browser keeps between leaving for the provider and coming back (in an HttpOnly cookie). */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where the provider sends the browser back to; the token request must repeat it exactly. */
  redirectUri: string;
  /** The page on this site to land on after signing in. */
  returnTo: string;
}

/** Who the provider says the person is. */
export interface OidcIdentity {
  /** The provider's unchanging id for the person. */
  subject: string;
  email: string | undefined;
  /** Only a verified email may be matched to an account. */
  emailVerified: boolean;
}

/** The provider could not be reached or did not answer as a provider should. */
export class OidcUnavailableError extends Error {}

/** The sign-in did not complete: cancelled, expired, tampered with or replayed. */
export class OidcFailedError extends Error {
  /** The provider's own error code when it sent one ("access_denied" when the person cancelled). */
  readonly providerError: string | undefined;
  constructor(message: string, providerError?: string) {
    super(message);
    this.providerError = providerError;
  }
}

const SCOPE = "openid email";

export interface OidcClient {
  readonly name: string;
  /** Starts a sign-in: the provider's address to send the browser to, and what to keep until it returns. */
  start(redirectUri: string, returnTo: string): Promise<{ url: string; flow: OidcFlow }>;
  /** Finishes a sign-in from the query string the provider sent back, checked against the kept flow. */
  finish(flow: OidcFlow, query: string): Promise<OidcIdentity>;
}

function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === "http:";
}

/** A client for one provider. Discovery happens on first use and is tried again after a failure. */
export function createOidcClient(config: OidcConfig): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(
        config.issuer,
        config.clientId,
        config.clientSecret,
        undefined,
        // config.ts allows http only for a provider on this machine (trying it out, tests).
        isLoopbackHttp(config.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcUnavailableError(`Could not read the provider's configuration: ${String(error)}`);
      });
    return discovered;
  }

  return {
    name: config.name,

    async start(redirectUri, returnTo) {
      const server = await configuration();
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        redirectUri,
        returnTo,
      };
      const url = client.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        response_type: "code",
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url: url.href, flow };
    },

    async finish(flow, query) {
      const server = await configuration();
      const current = new URL(flow.redirectUri);
      current.search = query;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(server, current, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw failure(error);
      }
      const claims = tokens.claims();
      if (!claims) throw new OidcFailedError("The provider sent no ID token.");
      let email = claims.email;
      let verified = claims.email_verified;
      if (typeof email !== "string") {
        // Many providers put the email in the user-info answer only.
        try {
          const info = await client.fetchUserInfo(server, tokens.access_token, claims.sub);
          email = info.email;
          verified = info.email_verified;
        } catch (error) {
          throw failure(error);
        }
      }
      return {
        subject: claims.sub,
        email: typeof email === "string" ? email : undefined,
        emailVerified: verified === true || verified === "true",
      };
    },
  };
}

/** Sorts openid-client's errors: the provider refusing or a check failing, or the provider unreachable. */
function failure(error: unknown): Error {
  if (error instanceof client.AuthorizationResponseError)
    return new OidcFailedError(`The provider answered ${error.error}`, error.error);
  if (error instanceof client.ResponseBodyError)
    return new OidcFailedError(`The provider refused: ${error.error}`, error.error);
  if (error instanceof client.ClientError) return new OidcFailedError(error.message);
  if (error instanceof OidcFailedError || error instanceof OidcUnavailableError) return error;
  return new OidcUnavailableError(`Could not reach the provider: ${String(error)}`);
}
