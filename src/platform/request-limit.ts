import type { FastifyInstance } from "fastify";
import { DatabaseUnavailableError } from "./errors.ts";

// The embedded database (PGlite) takes one query at a time. Under more requests than it can
// serve, they used to queue without end and time out (38% of them with 100 people at once). Now
// at most `limit` requests are under way at once, being served or waiting for the database; the
// next is answered 503 with Retry-After at once, which a browser or a script can act on.
// PostgreSQL serves many at once and has no such limit.

const BUSY =
  "Waymark is busy: too many people are using it at once. Please try again in a few seconds; " +
  "if you were saving something, it was not saved.";

/** Answers 503 with Retry-After to requests beyond `limit` under way at once (static files aside). */
export function registerRequestLimit(app: FastifyInstance, limit: number): void {
  let underWay = 0;
  app.addHook("onRequest", async (request, reply) => {
    // Stylesheets, scripts and pictures never touch the database.
    if (request.url.startsWith("/assets/")) return;
    if (underWay >= limit) throw new DatabaseUnavailableError(BUSY, 2);
    underWay++;
    // "close" comes once the answer is sent or the client has gone, whichever is first.
    reply.raw.once("close", () => {
      underWay--;
    });
  });
}
