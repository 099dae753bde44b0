import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { DatabaseUnavailableError } from "./errors.ts";

// The embedded database (PGlite) runs inside this process and answers each query without giving
// the event loop a turn, so left to itself the server serves every request it has read from start
// to finish before it reads again, and takes in only about one new connection between. Measured
// with 100 people at once on the Scotland-scale data, the last waited 30-40 s, unseen: the queue
// was in the operating system, where no bound could reach it.
//
// So requests queue here, in the order they were read, and one is let through per turn of the
// event loop: between two, the server takes in new connections and reads what has arrived, which
// joins the queue. At most `underWay` requests are queued or being served; the next is answered
// 503 with Retry-After at once. A request that has waited in the queue longer than `waitMs`
// while others were served is answered 503 too when its turn comes, without touching the
// database; one that waited behind no one is always served, so the server keeps making
// progress. PostgreSQL serves many at once and has no such limit.

export interface RequestLimit {
  /** Requests under way at once: queued or being served. */
  underWay: number;
  /** How long a request may wait in the queue behind others before it is turned away. */
  waitMs: number;
}

/** The limit for the embedded database, from the configuration. */
export function embeddedDatabaseLimit(config: Pick<Config, "pgliteQueue" | "pgliteWaitMs">): RequestLimit {
  return { underWay: config.pgliteQueue, waitMs: config.pgliteWaitMs };
}

const BUSY =
  "Waymark is busy: too many people are using it at once. Please try again in a few seconds; " +
  "if you were saving something, it was not saved.";

/** Queues requests (static files aside), one let through per turn of the event loop, within the limit. */
export function registerRequestLimit(app: FastifyInstance, limit: RequestLimit): void {
  let underWay = 0;
  let served = 0;
  const queue: Array<() => void> = [];
  let pumping = false;
  // Lets the first in the queue through. Its work runs before anything else (the database does
  // not give way); the next goes in the next turn's check phase, after the poll phase has read
  // what arrived meanwhile.
  const pump = () => {
    const next = queue.shift();
    if (!next) {
      pumping = false;
      return;
    }
    next();
    setImmediate(pump);
  };

  app.addHook("onRequest", async (request, reply) => {
    // Stylesheets, scripts and pictures never touch the database.
    if (request.url.startsWith("/assets/")) return;
    if (underWay >= limit.underWay) throw new DatabaseUnavailableError(BUSY, 2);
    underWay++;
    // "close" comes once the answer is sent or the client has gone, whichever is first.
    reply.raw.once("close", () => {
      underWay--;
    });
    const readAt = performance.now();
    const servedBefore = served;
    await new Promise<void>((resolve) => {
      queue.push(resolve);
      if (pumping) return;
      pumping = true;
      setImmediate(pump);
    });
    if (served > servedBefore && performance.now() - readAt > limit.waitMs)
      throw new DatabaseUnavailableError(BUSY, 2);
    served++;
  });
}
