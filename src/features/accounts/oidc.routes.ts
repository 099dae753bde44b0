import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { page } from "../../platform/views/layout.ts";
import { clientAddress, safeReturnTo, sessionCookie } from "./account.http.ts";
import {
  createOidcClient,
  type OidcClient,
  OidcFailedError,
  type OidcFlow,
  OidcUnavailableError,
} from "./oidc.client.ts";
import { signInWithOidc } from "./oidc.service.ts";
import { failedView, refusedView, unavailableView } from "./views/oidc.view.ts";

/** Holds the flow (state, nonce, PKCE verifier) between leaving for the provider and coming back. */
export const OIDC_COOKIE = "wm_oidc";
const FLOW_SECONDS = 10 * 60;
const COOKIE_PATH = "/sign-in/sso";

function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString("base64url");
}

/** The kept flow, or nothing for a missing, expired or tampered-with cookie. */
function decodeFlow(value: string | undefined): OidcFlow | undefined {
  if (!value || value.length > 4000) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Record<string, unknown>;
    const keys = ["state", "nonce", "codeVerifier", "redirectUri", "returnTo"] as const;
    if (!keys.every((k) => typeof parsed[k] === "string" && parsed[k].length > 0)) return undefined;
    const flow = parsed as unknown as OidcFlow;
    if (!/^https?:\/\//.test(flow.redirectUri)) return undefined;
    return { ...flow, returnTo: safeReturnTo(flow.returnTo) };
  } catch {
    return undefined;
  }
}

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  content: SafeHtml,
): FastifyReply {
  return reply
    .status(status)
    .header("cache-control", "private, no-store")
    .type("text/html; charset=utf-8")
    .send(page({ title, actor: request.actor, csrfToken: request.csrfToken, content }).value);
}

/**
 * The address the provider sends people back to: it must be registered with the provider. From
 * WAYMARK_BASE_URL, never the request's Host, so a forged Host cannot send a sign-in elsewhere.
 */
function callbackUri(config: AppDeps["config"]): string {
  return `${config.baseUrl}${COOKIE_PATH}/callback`;
}

/**
 * Single sign-on through OpenID Connect, when configured (WAYMARK_OIDC_*); otherwise both
 * addresses answer 404 and the sign-in page shows no button.
 */
export function oidcRoutes(app: FastifyInstance, deps: AppDeps): void {
  const oidc: OidcClient | undefined = deps.config.oidc ? createOidcClient(deps.config.oidc) : undefined;
  const session = sessionCookie(deps.config.baseUrl);

  app.get("/sign-in/sso", async (request, reply) => {
    if (!oidc) throw new NotFoundError();
    const { returnTo } = request.query as { returnTo?: unknown };
    let started: Awaited<ReturnType<OidcClient["start"]>>;
    try {
      started = await oidc.start(callbackUri(deps.config), safeReturnTo(returnTo));
    } catch (error) {
      if (!(error instanceof OidcUnavailableError)) throw error;
      request.log.warn({ err: error }, "single sign-on provider unavailable");
      return render(request, reply, 503, "Sign-in not available", unavailableView(oidc.name));
    }
    reply.setCookie(OIDC_COOKIE, encodeFlow(started.flow), {
      path: COOKIE_PATH,
      httpOnly: true,
      // Lax, not Strict: the browser must send it on the provider's top-level redirect back.
      sameSite: "lax",
      secure: request.protocol === "https",
      maxAge: FLOW_SECONDS,
    });
    return reply.header("cache-control", "private, no-store").redirect(started.url, 303);
  });

  app.get("/sign-in/sso/callback", async (request, reply) => {
    if (!oidc) throw new NotFoundError();
    // A flow is used once: whatever happens next, the browser forgets it.
    const flow = decodeFlow(request.cookies[OIDC_COOKIE]);
    reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
    const failed = (cancelled: boolean) =>
      render(
        request,
        reply,
        400,
        cancelled ? "Sign-in cancelled" : "Sign-in did not work",
        failedView(oidc.name, cancelled),
      );
    if (!flow) {
      request.log.info("single sign-on callback without a flow (expired, replayed or forged)");
      return failed(false);
    }
    const question = request.url.indexOf("?");
    const query = question === -1 ? "" : request.url.slice(question + 1);
    let identity: Awaited<ReturnType<OidcClient["finish"]>>;
    try {
      identity = await oidc.finish(flow, query);
    } catch (error) {
      if (error instanceof OidcFailedError) {
        request.log.info({ reason: error.message }, "single sign-on did not complete");
        return failed(error.providerError === "access_denied");
      }
      if (error instanceof OidcUnavailableError) {
        request.log.warn({ err: error }, "single sign-on provider unavailable");
        return render(request, reply, 503, "Sign-in not available", unavailableView(oidc.name));
      }
      throw error;
    }
    const outcome = await signInWithOidc(deps.db, identity, {
      address: clientAddress(request),
      requestId: request.id,
    });
    if (outcome.kind === "refused") {
      request.log.info({ reason: outcome.reason }, "single sign-on refused");
      return render(
        request,
        reply,
        403,
        "You cannot sign in",
        refusedView(oidc.name, outcome.reason, outcome.email),
      );
    }
    session.signIn(request, reply, outcome.token);
    return reply.header("cache-control", "private, no-store").redirect(flow.returnTo, 303);
  });
}
