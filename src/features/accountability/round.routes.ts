import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, field, many } from "../../platform/http-params.ts";
import { parseId } from "../../platform/validation.ts";
import { sendPage } from "./accountability.http.ts";
import { closeRound, getRound, getRoundForm, listRounds, openRound } from "./round.service.ts";
import { roundView } from "./views/round.view.ts";
import { roundPath } from "./views/round-parts.ts";
import { newRoundTitle, newRoundView, roundsView } from "./views/rounds.view.ts";

// Reporting rounds, for the programme team (progress.review): the list, the form that opens a
// round, each round's page (who has answered), and closing it. Contributors see the open rounds
// on their organisation's progress page (accountability.routes.ts).

type Params = Record<string, string | undefined>;

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
    const redirect = signInFirst(request, reply, "/rounds/new");
    if (redirect) return redirect;
    const body = bodyOf(request);
    const values = {
      title: field(body, "title"),
      "due-day": field(body, "due-day"),
      "due-month": field(body, "due-month"),
      "due-year": field(body, "due-year"),
      scope: field(body, "scope"),
      themes: many(body, "themes"),
      daysBefore: field(body, "daysBefore"),
      daysAfter: field(body, "daysAfter"),
    };
    let id: number;
    try {
      id = await db.transaction().execute((trx) =>
        openRound(trx, request.actor, {
          ...values,
          dueDay: values["due-day"],
          dueMonth: values["due-month"],
          dueYear: values["due-year"],
        }),
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const model = {
        form: await getRoundForm(db, request.actor),
        csrfToken: request.csrfToken,
        values,
        errors: error.fields,
      };
      return sendPage(request, reply, {
        title: newRoundTitle(model),
        status: error.status,
        breadcrumbs: crumbs,
        content: newRoundView(model),
      });
    }
    return reply.redirect(`${roundPath(id)}?saved=opened`, 303);
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

  app.post("/rounds/:id/close", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    const id = roundId((request.params as Params).id);
    await db.transaction().execute((trx) => closeRound(trx, request.actor, id));
    return reply.redirect(`${roundPath(id)}?saved=closed`, 303);
  });
}
