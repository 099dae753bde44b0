import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ValidationError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, idParam, queryOf } from "../../platform/http-params.ts";
import { createToken, listTokens, revokeToken } from "./token.service.ts";
import { type TokensModel, tokensView } from "./views/tokens.view.ts";

// The signed-in person's own API tokens at /account/tokens. A new token is shown in the answer
// to the POST itself (never in an address, never cached), once.

export function tokenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Omit<TokensModel, "tokens" | "csrfToken"> & { status?: number } = {},
  ): Promise<FastifyReply> {
    const tokens = await listTokens(db, request.actor);
    return sendPrivatePage(request, reply, {
      title: extra.form ? "Error: Your API tokens" : "Your API tokens",
      status: extra.status,
      content: tokensView({ tokens, csrfToken: request.csrfToken, ...extra }),
    });
  }

  app.get("/account/tokens", async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    const saved =
      queryOf(request).saved === "revoked" ? "The token has been revoked. It no longer works." : undefined;
    return render(request, reply, { saved });
  });

  // Not runChange: a new token is shown once, on a 201 page, not behind a redirect.
  app.post("/account/tokens", async (request, reply) => {
    const redirect = signInFirst(request, reply, "/account/tokens");
    if (redirect) return redirect;
    const body = bodyOf(request);
    const input = { name: field(body, "name"), expiresInDays: field(body, "expiresInDays") };
    try {
      const made = await db.transaction().execute((trx) => createToken(trx, request.actor, input));
      return render(request, reply, {
        status: 201,
        created: { token: made.token, name: made.apiToken.name },
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = Object.fromEntries(
        Object.entries(input).filter((e): e is [string, string] => e[1] !== undefined),
      );
      return render(request, reply, { status: 400, form: { values, errors: error.fields } });
    }
  });

  app.post("/account/tokens/:id/revoke", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: "/account/tokens",
      ids: (params) => ({ tokenId: idParam(params.id, "token") }),
      fields: [],
      change: async (trx, actor, _form, { ids }) => {
        await revokeToken(trx, actor, ids.tokenId);
        return "/account/tokens?saved=revoked";
      },
    }),
  );
}
