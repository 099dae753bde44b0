import type { AppConfig, AppDeps, ReminderSchedule } from "../../src/platform/app-deps.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { Db } from "../../src/platform/database.ts";
import { logMailer, type Mailer } from "../../src/platform/mail.ts";

// The composition root as tests build it: the configuration the server would read from an empty
// environment, but quiet, with no page cache and no API rate limit (tests that want them say so),
// and emails written nowhere unless the test brings a mailer to read them.

/** Where tests' absolute links point (emails, downloads, calendars), as the server's own default. */
export const TEST_BASE_URL = "http://localhost:3000";

/** The app's configuration for a test: the defaults, then `overrides`. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    WAYMARK_PAGE_CACHE_SECONDS: "0",
    WAYMARK_API_RATE_LIMIT: "0",
    WAYMARK_BASE_URL: TEST_BASE_URL,
  });
  return { ...config, ...overrides };
}

/** Everything createApp needs, for a test on `db`. */
export function testDeps(
  db: Db,
  options: { config?: Partial<AppConfig>; mailer?: Mailer; reminders?: ReminderSchedule } = {},
): AppDeps {
  return {
    db,
    config: testConfig(options.config),
    mailer: options.mailer ?? logMailer(() => {}, TEST_BASE_URL),
    ...(options.reminders ? { reminders: options.reminders } : {}),
  };
}
