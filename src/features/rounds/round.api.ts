import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { API_ROOT, ErrorResponse } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { RoundDetail, RoundList, RoundParams } from "./round.schema.ts";
import { getRound, listRounds } from "./round.service.ts";
import type { RoundSummary as Summary } from "./round.types.ts";

// Reporting rounds under /api/v1, for the programme team (progress.review): signed in with a
// session or a personal API token. Registered inside the API (platform/api/api-shell.ts, through rounds.feature.ts).

const SECURITY: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];
const REFUSED = { 401: ErrorResponse, 403: ErrorResponse } as const;

function presentRound(r: Summary) {
  return {
    id: r.id,
    title: r.title,
    dueDate: r.dueDate,
    allRouteMaps: r.allRouteMaps,
    themes: r.themes,
    daysBefore: r.daysBefore,
    daysAfter: r.daysAfter,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    totals: r.totals,
    url: `${API_ROOT}/rounds/${r.id}`,
  };
}

export function roundApi(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/rounds",
    {
      schema: {
        operationId: "listRounds",
        summary: "Reporting rounds with how complete each is (programme team)",
        tags: ["Accountability"],
        security: SECURITY,
        response: { 200: RoundList, ...REFUSED },
      },
    },
    async (request) => ({ rounds: (await listRounds(deps.db, request.actor)).map(presentRound) }),
  );

  api.get<{ Params: Static<typeof RoundParams> }>(
    "/rounds/:id",
    {
      schema: {
        operationId: "getRound",
        summary: "One reporting round: who owes what and who has answered (programme team)",
        tags: ["Accountability"],
        security: SECURITY,
        params: RoundParams,
        response: { 200: RoundDetail, 400: ErrorResponse, 404: ErrorResponse, ...REFUSED },
      },
    },
    async (request) => {
      const round = await getRound(deps.db, request.actor, request.params.id);
      return {
        round: presentRound(round),
        organisations: round.organisations.map((o) => ({
          slug: o.slug,
          name: o.name,
          owed: o.owed,
          answered: o.answered,
          percent: o.percent,
          actions: o.items.map((i) => ({
            theme: { slug: i.themeSlug, name: i.themeName },
            key: i.key,
            text: i.text,
            role: i.role,
            answered: i.answered,
          })),
        })),
        reminders: round.reminders,
      };
    },
  );
}
