import type { ChangeFeed } from "./change-feed.ts";
import type { Config } from "./config.ts";
import type { Db } from "./database.ts";
import type { Mailer } from "./mail.ts";
import type { RequestLimit } from "./request-limit.ts";

// The composition root's one type: what createApp (src/app.ts) is given and every feature's
// register function receives. It lives here, not in app.ts, so that features depend on platform
// only, and app.ts alone imports the features.

/** The configuration the app reads while answering requests, every value resolved (see config.ts). */
export type AppConfig = Pick<
  Config,
  | "production"
  | "logLevel"
  | "pageCacheSeconds"
  | "apiRateLimitPerMinute"
  | "oidc"
  | "trustProxy"
  | "staleAfterDays"
  | "timelineClashThreshold"
  | "baseUrl"
  | "contactEmail"
  | "operator"
> & {
  /** Set on the embedded database only: how many requests may be under way, and wait (request-limit.ts). */
  pgliteLimit?: RequestLimit | undefined;
};

/** How often the server looks for reporting-round reminders to send. */
export interface ReminderSchedule {
  /** Minutes between passes. */
  everyMinutes: number;
  /** The day a pass runs on, "YYYY-MM-DD": today unless given (tests fix it). */
  today?: () => string;
}

/** What every route needs: the composition root. Services are plain functions over `db`. */
export interface AppDeps {
  db: Db;
  /** `pageCacheSeconds` 0: no in-memory page cache (tests that write rows directly). */
  config: AppConfig;
  /** How emails go out, built once from the configuration (SMTP, or the log: platform/mail.ts). */
  mailer: Mailer;
  /** How instances on one PostgreSQL database tell each other of a change (empties page caches). */
  changes?: ChangeFeed;
  /** Send reporting-round reminders from this process (the server; tests that ask for it). */
  reminders?: ReminderSchedule;
  /** Where the log goes instead of the standard output as JSON (readable lines on a terminal). */
  logStream?: NodeJS.WritableStream | undefined;
}
