import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, many } from "../../platform/http-params.ts";
import { parseId } from "../../platform/validation.ts";
import { sendPage } from "../accountability/accountability.http.ts";
import { closeRound, getRound, getRoundForm, listRounds, openRound } from "./round.service.ts";
import { roundView } from "./views/round.view.ts";
import { roundPath } from "./views/round-parts.ts";
import { newRoundTitle, newRoundView, roundsView } from "./views/rounds.view.ts";

// Reporting rounds, for the programme team (progress.review): the list, the form that opens a
// round, each round's page (who has answered), and closing it. Contributors see the open rounds
// on their organisation's progress page (accountability.routes.ts).

type Params = Record<string, string | undefined>;

/** The round form's text fields, as posted. */
function posted(request: FastifyRequest) {
  const body = bodyOf(request);
  const text = (name: string) => field(body, name);
  return {
    title: text("title"),
    "due-day": text("due-day"),
    "due-month": text("due-month"),
    "due-year": text("due-year"),
    scope: text("scope"),
    daysBefore: text("daysBefore"),
    daysAfter: text("daysAfter"),
  };
}

function roundId(value: string | undefined): number {
  const id = parseId(value);
  if (id === null) throw new NotFoundError("There is no reporting round at this address.");
  return id;
}

export function roundRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const crumbs = [{ href: "/rounds", text: "Reporting rounds" }];

  app.get("/rounds", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const rounds = await listRounds(db, request.actor);
    return sendPage(request, reply, { title: "Reporting rounds", content: roundsView(rounds) });
  });

  app.get("/rounds/new", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const model = { form: await getRoundForm(db, request.actor), csrfToken: request.csrfToken };
    return sendPage(request, reply, {
      title: newRoundTitle(model),
      breadcrumbs: crumbs,
      content: newRoundView(model),
    });
  });

  app.post("/rounds", async (request, reply) => {
    // The themes are checkboxes, so they repeat: read from the body, beside the text fields.
    const values = { ...posted(request), themes: many(bodyOf(request), "themes") };
    return runChange(db, request, reply, {
      returnTo: "/rounds/new",
      fields: [],
      change: async (trx, actor) => {
        const id = await openRound(trx, actor, {
          ...values,
          dueDay: values["due-day"],
          dueMonth: values["due-month"],
          dueYear: values["due-year"],
        });
        return `${roundPath(id)}?saved=opened`;
      },
      refused: async (_state, status, _posted, error) => {
        const model = {
          form: await getRoundForm(db, request.actor),
          csrfToken: request.csrfToken,
          values,
          errors: error.fields,
        };
        return sendPage(request, reply, {
          title: newRoundTitle(model),
          status,
          breadcrumbs: crumbs,
          content: newRoundView(model),
        });
      },
    });
  });

  app.get("/rounds/:id", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const round = await getRound(db, request.actor, roundId((request.params as Params).id));
    const saved = (request.query as Record<string, unknown>).saved;
    return sendPage(request, reply, {
      title: round.title,
      breadcrumbs: crumbs,
      content: roundView({
        round,
        csrfToken: request.csrfToken,
        saved: typeof saved === "string" ? saved : undefined,
      }),
    });
  });

  app.post("/rounds/:id/close", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: request.url,
      ids: (params) => ({ id: roundId(params.id) }),
      fields: [],
      change: async (trx, actor, _form, { ids }) => {
        await closeRound(trx, actor, ids.id);
        return `${roundPath(ids.id)}?saved=closed`;
      },
    }),
  );
}
