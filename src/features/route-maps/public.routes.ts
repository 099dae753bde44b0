import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";
import { html } from "../../platform/html.ts";
import { page } from "../../platform/views/layout.ts";

/** Public pages: programme home, foundations, route maps, editions, comparisons, sectors (stub). */
export function publicRoutes(app: FastifyInstance, _deps: AppDeps): void {
  app.get("/", async (request, reply) =>
    reply.type("text/html; charset=utf-8").send(
      page({
        title: "Route maps",
        actor: request.actor,
        csrfToken: request.csrfToken,
        content: html`<h1>Waymark</h1>`,
      }).value,
    ),
  );
}
