import { sql } from "kysely";
import pg from "pg";
import type { Db } from "./database.ts";

// Tells every Waymark instance on one PostgreSQL database that something changed, so each can
// empty what it keeps in memory (the page cache) within moments instead of a minute. PostgreSQL's
// LISTEN/NOTIFY carries the signal: no other server needed. A NOTIFY is delivered when its
// transaction commits; `announce` runs after the change's transaction has committed, on its own.
// With the embedded database there is one process, which empties its own cache; it needs no feed.

const CHANNEL = "waymark_changes";

/**
 * Tells every instance listening on this PostgreSQL database that something changed: for work done
 * outside a server (the command line's imports), which has no feed of its own. Throws on failure.
 */
export async function announceChange(db: Db): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, '')`.execute(db);
}

export interface ChangeFeed {
  /** Tells every instance listening (this one too) that something changed. Never throws. */
  announce(): Promise<void>;
  /** Calls `listener` when any instance announces a change, and after the feed reconnects. */
  subscribe(listener: () => void): void;
  /** Resolves once the first attempt to listen is over (tests wait for it before changing things). */
  ready: Promise<void>;
  /** Stops listening; `announce` does nothing afterwards. */
  close(): Promise<void>;
}

/**
 * Listens on one connection of its own (LISTEN needs a connection that stays open), reconnecting
 * after the server restarts; announces through `db`. `log` hears about lost connections.
 */
export function postgresChangeFeed(
  connectionString: string,
  db: Db,
  log: (message: string) => void = (message) => console.error(message),
): ChangeFeed {
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const listener of listeners) listener();
  };
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const reconnectLater = () => {
    if (closed || retry) return;
    // 0.5 s, 1 s, 2 s … at most 10 s between attempts while the server is away.
    const wait = Math.min(10_000, 500 * 2 ** Math.min(failures++, 5));
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, wait);
    retry.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    next.on("notification", tell);
    next.on("error", (error) => {
      if (failures === 0)
        log(`The page cache stopped hearing about changes (${error.message}); reconnecting.`);
      reconnectLater();
    });
    next.on("end", reconnectLater);
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
    } catch {
      next.removeAllListeners("end");
      await next.end().catch(() => {});
      reconnectLater();
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    // Changes announced while we were not listening were missed: forget everything once.
    if (failures > 0) tell();
    failures = 0;
    client = next;
  };
  const ready = connect();

  return {
    ready,
    async announce() {
      if (closed) return;
      try {
        await announceChange(db);
      } catch (error) {
        log(`Could not tell other instances about a change: ${(error as Error).message}`);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready;
      const last = client;
      client = undefined;
      if (last) {
        last.removeAllListeners("end");
        await last.end().catch(() => {});
      }
    },
  };
}
