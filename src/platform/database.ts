import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema.ts";

/** Postgres type ids whose text form we parse the same way on PGlite and on a server. */
const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;

/**
 * One parser table for both drivers: dates stay "YYYY-MM-DD" strings (no time zone shifts),
 * counts and bigints become numbers. pg and PGlite disagree on both by default.
 */
const parsers: Record<number, (value: string) => unknown> = {
  [DATE]: (value) => value,
  [INT8]: (value) => Number(value),
  [NUMERIC]: (value) => Number(value),
};

export type Db = Kysely<Database>;

/**
 * An open transaction. Services that change data take one (`trx: Trx`), so the type says the
 * change and its audit event commit together; the route or command that calls them opens it.
 */
export type Trx = Transaction<Database>;

/** Either: reads run on the database or inside the caller's transaction. */
export type Queryable = Db | Trx;

/**
 * `db` as the transaction it is, in a function that opened one when it was not (it checks
 * `db.isTransaction` first and calls itself inside `db.transaction()`).
 */
export function asTransaction(db: Queryable): Trx {
  if (!db.isTransaction) throw new Error("This must run inside a transaction.");
  return db as Trx;
}

/** Runs `work` in a transaction: the caller's, when `db` already is one, or a new one. */
export function inTransaction<T>(db: Queryable, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Trx) : db.transaction().execute(work);
}

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /** The server's address (PostgreSQL only), for a connection of its own such as LISTEN's. */
  connectionString?: string;
  /** Closes the pool or the embedded database and releases the data-folder lock. */
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data folder ${dataDir} is in use by another Waymark process (pid ${pid}). ` +
        "Stop that process first: two processes on one embedded database would corrupt it.",
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the data folder's lock file, or explains who holds it. A lock left behind by a process
 * that no longer runs (a crash, kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "waymark.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(lockPath, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}.`);
}

/** Opens an embedded PGlite database; `loadDataDir` starts it from a saved copy (used by tests). */
export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const pglite = await PGlite.create(dataDir, {
      parsers,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: "pglite",
      async close() {
        try {
          await db.destroy();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** PostgreSQL error codes for "the server is going away or not yet back": a restart, a failover. */
const SERVER_AWAY = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Node's socket errors when the server is not there or dropped the connection. */
const SOCKET_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** What pg and pg-pool say when a connection ends under them or cannot be made in time. */
// (The pool sets no connection timeout: pg-pool applies it to waiting for a free connection too,
// and under load that would refuse requests PostgreSQL would have served.)
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error means the database is away for now (connection refused or lost, the server
 * shutting down or starting up), not that the request or Waymark is wrong: such requests are
 * answered 503 with Retry-After, and the pool reconnects by itself once the server is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (SERVER_AWAY.has(code) || SOCKET_ERRORS.has(code) || code.startsWith("08")))
    return true;
  if (LOST_CONNECTION.test(error.message)) return true;
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  return error instanceof AggregateError && error.errors.some(isDatabaseUnavailable);
}

/** Logs a lost connection once per outage, not once per pooled connection. */
function outageLogger(log: (message: string) => void): (error: Error) => void {
  let lastLoggedAt = 0;
  return (error) => {
    if (Date.now() - lastLoggedAt < 10_000) return;
    lastLoggedAt = Date.now();
    const code = (error as { code?: unknown }).code;
    log(
      `Lost a connection to PostgreSQL (${typeof code === "string" ? `${code} ` : ""}${error.message}). ` +
        "Waymark answers 503 while the database is away and reconnects by itself when it is back.",
    );
  };
}

/**
 * A pool of connections to a PostgreSQL server that survives the server going away: connections
 * it ends are dropped and new ones made when asked for, so a restart costs at most the requests
 * in flight. `log` hears about lost connections (standard error by default).
 */
export function openPostgres(
  connectionString: string,
  max = 10,
  options: { log?: (message: string) => void } = {},
): DatabaseHandle {
  const logLost = outageLogger(options.log ?? ((message) => console.error(message)));
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((id: number, format?: string) =>
        parsers[id] ?? pg.types.getTypeParser(id, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // Without these listeners an ended connection's `error` event is unhandled and ends the process.
  // An idle connection's error reaches the pool's listener, and the pool drops that connection.
  pool.on("error", logLost);
  // A connection lent out to a query has no pool listener: the query itself fails with the error
  // (answered 503), and the pool drops the broken connection when it is given back.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", connectionString, close: () => db.destroy() };
}

/** The database the configuration names: a PostgreSQL server, or PGlite in the data folder. */
export function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  return config.databaseUrl ? Promise.resolve(openPostgres(config.databaseUrl)) : openPglite(config.dataDir);
}
