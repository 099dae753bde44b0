import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { DatabaseUnavailableError } from "./errors.ts";

// The embedded database (PGlite) runs inside this process and answers each query without giving
// the event loop a turn, so the server serves one request from start to finish before it reads
// the next: measured, never more than one was under way at once. Under more people than it can
// serve, the queue is not in the app but in the operating system (requests sent and not yet
// read), and with 100 people at once on the Scotland-scale data the last in that queue waited
// 30-40 s. A count of requests under way cannot see that queue; how long the event loop has been
// busy can.
//
// Each turn of the event loop reads the requests that had arrived when the turn began, then
// serves them in order. So a request read `t` ms after the first of its turn has waited at least
// `t` ms. Beyond `waitMs`, it is answered 503 with Retry-After at once, without touching the
// database, which a browser or a script can act on; the first of each turn is always served, so
// the server keeps making progress. The count still bounds work that does leave the event loop
// (password hashing, files, mail). PostgreSQL serves many at once and has no such limit.

export interface RequestLimit {
  /** Requests under way at once, being served or waiting. */
  underWay: number;
  /** How long a request may have waited behind others of its turn before it is turned away. */
  waitMs: number;
}

/** The limit for the embedded database, from the configuration. */
export function embeddedDatabaseLimit(config: Pick<Config, "pgliteQueue" | "pgliteWaitMs">): RequestLimit {
  return { underWay: config.pgliteQueue, waitMs: config.pgliteWaitMs };
}

const BUSY =
  "Waymark is busy: too many people are using it at once. Please try again in a few seconds; " +
  "if you were saving something, it was not saved.";

/** Answers 503 with Retry-After to requests beyond the limit (static files aside). */
export function registerRequestLimit(app: FastifyInstance, limit: RequestLimit): void {
  let underWay = 0;
  // When the first request of this turn of the event loop was read; cleared after the turn.
  let turnBegan: number | undefined;
  app.addHook("onRequest", async (request, reply) => {
    // Stylesheets, scripts and pictures never touch the database.
    if (request.url.startsWith("/assets/")) return;
    const now = performance.now();
    if (turnBegan === undefined) {
      turnBegan = now;
      // The check phase comes after the turn has read and served what it had.
      setImmediate(() => {
        turnBegan = undefined;
      });
    } else if (now - turnBegan > limit.waitMs) {
      throw new DatabaseUnavailableError(BUSY, 2);
    }
    if (underWay >= limit.underWay) throw new DatabaseUnavailableError(BUSY, 2);
    underWay++;
    // "close" comes once the answer is sent or the client has gone, whichever is first.
    reply.raw.once("close", () => {
      underWay--;
    });
  });
}
