import type { FastifyInstance } from "fastify";
import { createApp } from "./app.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { type ChangeFeed, postgresChangeFeed } from "./platform/change-feed.ts";
import type { Config } from "./platform/config.ts";
import { type DatabaseHandle, openDatabase } from "./platform/database.ts";
import { mailerFromConfig } from "./platform/mail.ts";
import { embeddedDatabaseLimit } from "./platform/request-limit.ts";

export interface RunningServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  url: string;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates it, fills an empty one with demo data when asked, and listens.
 * `seedIfEmpty` is how `npm start` gives a new user something to read on first start.
 */
export async function startServer(
  config: Config,
  options: {
    seedIfEmpty?: (handle: DatabaseHandle) => Promise<void>;
    /** Where the log goes instead of the standard output as JSON (the command line's terminal). */
    logStream?: NodeJS.WritableStream | undefined;
  } = {},
): Promise<RunningServer> {
  const handle = await openDatabase(config);
  let changes: ChangeFeed | undefined;
  try {
    await migrateToLatest(handle.db);
    await options.seedIfEmpty?.(handle);
    // Without SMTP, emails go to the log, where whoever runs the demo can copy their links.
    const mailer = mailerFromConfig(config, (text) => console.log(text));
    // Several instances may share a PostgreSQL database: each must hear of the others' changes.
    if (handle.connectionString && config.pageCacheSeconds > 0)
      changes = postgresChangeFeed(handle.connectionString, handle.db);
    const app = await createApp({
      db: handle.db,
      // The embedded database takes one query at a time: bound how many requests wait for it, and how long.
      config: {
        ...config,
        pgliteLimit: handle.kind === "pglite" ? embeddedDatabaseLimit(config) : undefined,
      },
      mailer,
      changes,
      reminders: { everyMinutes: config.reminderEveryMinutes },
      logStream: options.logStream,
    });
    app.addHook("onClose", async () => {
      await mailer.close();
      await changes?.close();
    });
    const url = await app.listen({ port: config.port, host: config.host });
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        try {
          await app.close();
        } finally {
          await handle.close();
        }
      })();
      return stopping;
    };
    return { app, handle, url, stop };
  } catch (error) {
    await changes?.close();
    await handle.close();
    throw error;
  }
}
