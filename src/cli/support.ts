import fs from "node:fs";
import path from "node:path";
import { announceChange } from "../platform/change-feed.ts";
import type { Config } from "../platform/config.ts";
import { ConfigError } from "../platform/config.ts";
import { type DatabaseHandle, DataDirLockedError, openDatabase } from "../platform/database.ts";
import { ANSWERS_NEED_CORRECTING, DomainError, ValidationError } from "../platform/errors.ts";

// What every command shares: one way to report failure (a clear line, never a stack trace unless
// asked for), progress lines on stderr (stdout stays clean for JSON), and opening the database.

/** A failure the user can fix, explained in the message. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** One line of progress on stderr, so `waymark export > file.json` still writes clean JSON. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Turns any error into a sentence for the terminal. */
export function explain(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = Object.entries(error.fields);
    // A message written for this one answer already says it: not twice.
    if (fields.length === 1 && error.message !== ANSWERS_NEED_CORRECTING) return error.message;
    return `${error.message}${fields.map(([field, message]) => `\n  ${field}: ${message}`).join("")}`;
  }
  if (
    error instanceof CliError ||
    error instanceof DomainError ||
    error instanceof ConfigError ||
    error instanceof DataDirLockedError
  ) {
    return error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  switch (errorCode(error)) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
      return `Could not reach the PostgreSQL server named in DATABASE_URL (${message || errorCode(error)}).`;
    case "28P01":
    case "28000":
      return "The PostgreSQL server refused the user name or password in DATABASE_URL.";
    case "3D000":
      return `The database named in DATABASE_URL does not exist: ${message}.`;
    case "42P01":
      return "This database has not been set up yet: run `npx waymark migrate` (or `npx waymark demo`) first.";
    case "EADDRINUSE":
      return `Another program is already listening on that address (${message}). Set PORT to a free port.`;
    case "EACCES":
    case "EPERM":
      return `Waymark was not allowed to do that: ${message}.`;
    default:
      return `${message} (run with WAYMARK_DEBUG=1 to see where it happened)`;
  }
}

/**
 * Wraps a command's action: a failure prints `waymark: <why>` and sets a non-zero exit code,
 * without a stack trace unless WAYMARK_DEBUG is set.
 */
export function action<A extends unknown[]>(
  run: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.stderr.write(`waymark: ${explain(error)}\n`);
      if (process.env.WAYMARK_DEBUG && error instanceof Error && error.stack) {
        process.stderr.write(`${error.stack}\n`);
      }
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    }
  };
}

/** Opens the configured database, runs `work`, and always closes it (releasing the data-folder lock). */
export async function withDatabase<T>(
  config: Config,
  work: (handle: DatabaseHandle) => Promise<T>,
  options: { changes?: boolean } = {},
): Promise<T> {
  const handle = await openDatabase(config);
  try {
    return await work(handle);
  } finally {
    // Servers running on the same PostgreSQL database empty their page caches at once rather than
    // a minute later; even after a failure, since a command may have saved part of its work (one
    // file of several). The embedded database is locked while a server holds it: no one to tell.
    if (options.changes && handle.kind === "postgres")
      await announceChange(handle.db).catch((error: Error) =>
        progress(`Servers on this database will show the change within a minute (${error.message}).`),
      );
    await handle.close();
  }
}

/** A PostgreSQL data folder has this file; an empty folder or any other folder does not. */
export function holdsDatabase(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

/** For commands that only read: never create an empty database as a side effect of a typo. */
export function requireExistingDatabase(config: Config): void {
  if (config.databaseUrl || holdsDatabase(config.dataDir)) return;
  throw new CliError(
    `There is no Waymark database in ${config.dataDir} yet. ` +
      "Run `npx waymark demo` to create one with the demo data, or `npx waymark serve` to start an empty one " +
      "(or set WAYMARK_DATA_DIR to the folder you meant).",
  );
}

/** Where the data is, for messages: never prints a password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `the embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `the PostgreSQL database "${decodeURIComponent(url.pathname.slice(1)) || url.username}" on ${url.host}`;
}
