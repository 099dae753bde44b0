import path from "node:path";

/** Everything Waymark reads from its environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database; unused when `databaseUrl` is set. */
  dataDir: string;
  /** A PostgreSQL connection string; when set, Waymark uses that server instead of PGlite. */
  databaseUrl: string | undefined;
  logLevel: string;
  production: boolean;
  /** How long anonymous pages stay in the in-memory page cache; 0 turns it off. */
  pageCacheSeconds: number;
  /**
   * How many requests may be under way at once on the embedded database (served or waiting for it);
   * the next is answered 503 with Retry-After. Unused with PostgreSQL.
   */
  pgliteQueue: number;
  /**
   * How long, in milliseconds, a request may wait behind others for the embedded database before it
   * is answered 503 with Retry-After instead. Unused with PostgreSQL.
   */
  pgliteWaitMs: number;
  /** Requests a minute the API answers for each API token or client address; 0 turns the limit off. */
  apiRateLimitPerMinute: number;
  /** `smtp://user:password@host:port` or `smtps://…`; unset: emails are written to the log instead. */
  smtpUrl: string | undefined;
  /** The sender of Waymark's emails: `Waymark <waymark@example.org>`. */
  mailFrom: string;
  /** Where people reach this Waymark, for links in emails: `https://waymark.example.org`. */
  baseUrl: string;
  /** Where people write about the site (feedback, accessibility, their data); unset: no address shown. */
  contactEmail: string | undefined;
  /** Who runs this Waymark and controls its data, as the privacy notice names them. */
  operator: string;
  /** An action with no submitted update for this many days counts as stale (no recent update). */
  staleAfterDays: number;
  /** An audience with more open asks than this in one week has a clash on the timeline. */
  timelineClashThreshold: number;
  /** How often, in minutes, the server looks for reporting-round reminders to send; 0 turns it off. */
  reminderEveryMinutes: number;
  /** Single sign-on through OpenID Connect; unset unless WAYMARK_OIDC_ISSUER and its client are set. */
  oidc: OidcConfig | undefined;
  /**
   * Which proxies may say who the client is and whether it came over https (X-Forwarded-For and
   * X-Forwarded-Proto): Fastify's trustProxy. By default only a proxy on this machine.
   */
  trustProxy: boolean | string;
}

/** An OpenID Connect provider Waymark may send people to for signing in. */
export interface OidcConfig {
  /** The provider's issuer identifier: https, or http on this machine only (for trying it out). */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** What the button says after "Sign in with": "Scottish Government account". */
  name: string;
}

export class ConfigError extends Error {}

/** `WAYMARK_TRUST_PROXY`: true, false, or addresses, ranges and proxy-addr names (loopback…). */
function trustProxy(env: NodeJS.ProcessEnv): boolean | string {
  const raw = env.WAYMARK_TRUST_PROXY?.trim() ?? "";
  if (raw === "") return "loopback";
  if (raw === "true" || raw === "false") return raw === "true";
  if (/^[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*$/.test(raw)) return raw;
  throw new ConfigError(
    `WAYMARK_TRUST_PROXY must be true, false, or addresses such as "loopback, 10.0.0.0/8"; it is "${raw}".`,
  );
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return value;
}

/** Reads and checks the configuration, failing with a message that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must start with postgres:// or postgresql://.");
  }
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; it is "${logLevel}".`,
    );
  }
  const port = integer(env, "PORT", 3000, 0, 65535);
  const smtpUrl = env.WAYMARK_SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new ConfigError("WAYMARK_SMTP_URL must look like smtp://user:password@host:587 or smtps://…");
  }
  const baseUrl = (env.WAYMARK_BASE_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(baseUrl)) {
    throw new ConfigError(`WAYMARK_BASE_URL must be an http:// or https:// address; it is "${baseUrl}".`);
  }
  const mailFrom = env.WAYMARK_MAIL_FROM?.trim() || "Waymark <waymark@localhost>";
  if (!/^[^\r\n]*@[^\r\n]+$/.test(mailFrom)) {
    throw new ConfigError(`WAYMARK_MAIL_FROM must be an email address; it is "${mailFrom}".`);
  }
  const contactEmail = env.WAYMARK_CONTACT_EMAIL?.trim() || undefined;
  if (contactEmail && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(contactEmail)) {
    throw new ConfigError(`WAYMARK_CONTACT_EMAIL must be an email address; it is "${contactEmail}".`);
  }
  return {
    port,
    host: env.HOST?.trim() || "localhost",
    dataDir: path.resolve(env.WAYMARK_DATA_DIR?.trim() || "data"),
    databaseUrl,
    logLevel,
    production: env.NODE_ENV === "production",
    pageCacheSeconds: integer(env, "WAYMARK_PAGE_CACHE_SECONDS", 60, 0, 3600),
    apiRateLimitPerMinute: integer(env, "WAYMARK_API_RATE_LIMIT", 600, 0, 1_000_000),
    pgliteQueue: integer(env, "WAYMARK_PGLITE_QUEUE", 64, 1, 100_000),
    pgliteWaitMs: integer(env, "WAYMARK_PGLITE_WAIT_MS", 3000, 1, 600_000),
    smtpUrl,
    mailFrom,
    baseUrl,
    contactEmail,
    operator: env.WAYMARK_OPERATOR?.trim() || "the team that runs this Waymark site",
    oidc: oidcConfig(env),
    trustProxy: trustProxy(env),
    staleAfterDays: integer(env, "WAYMARK_STALE_AFTER_DAYS", 180, 1, 3650),
    timelineClashThreshold: integer(env, "WAYMARK_CLASH_THRESHOLD", 2, 1, 100),
    reminderEveryMinutes: integer(env, "WAYMARK_REMINDER_MINUTES", 5, 0, 1440),
  };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Single sign-on is on when the issuer is set; its client id and secret must then be set too. */
function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const raw = env.WAYMARK_OIDC_ISSUER?.trim();
  if (!raw) return undefined;
  let issuer: URL;
  try {
    issuer = new URL(raw);
  } catch {
    throw new ConfigError(`WAYMARK_OIDC_ISSUER must be the provider's address, https://…; it is "${raw}".`);
  }
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname))) {
    throw new ConfigError(
      `WAYMARK_OIDC_ISSUER must start with https:// (http:// only for a provider on this machine); it is "${raw}".`,
    );
  }
  const clientId = env.WAYMARK_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.WAYMARK_OIDC_CLIENT_SECRET?.trim();
  if (!clientId) throw new ConfigError("WAYMARK_OIDC_CLIENT_ID must be set when WAYMARK_OIDC_ISSUER is.");
  if (!clientSecret)
    throw new ConfigError("WAYMARK_OIDC_CLIENT_SECRET must be set when WAYMARK_OIDC_ISSUER is.");
  const name = env.WAYMARK_OIDC_NAME?.trim() || "single sign-on";
  if (name.length > 60) throw new ConfigError("WAYMARK_OIDC_NAME must be at most 60 characters.");
  return { issuer, clientId, clientSecret, name };
}
