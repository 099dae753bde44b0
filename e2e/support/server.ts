import type { FastifyInstance } from "fastify";
import { createApp } from "../../src/app.ts";
import type { OidcConfig } from "../../src/platform/config.ts";
import type { DatabaseHandle, Db } from "../../src/platform/database.ts";
import type { Mailer } from "../../src/platform/mail.ts";
import { testDeps } from "../../test/support/app-deps.ts";
import { createTestDatabase, type Template } from "../../test/support/database.ts";

export interface TestServer {
  /** Where the app listens, e.g. "http://127.0.0.1:41234" (no trailing slash). */
  url: string;
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The real app on a free port of its own, on a fresh copy of the demo database (PGlite in memory,
 * or a database of its own on the server named by TEST_DATABASE_URL). One per test file. Pass
 * `mailer` (a mail catcher's, from test/support/smtp.ts) to read the emails the app sends;
 * `oidc` (what WAYMARK_OIDC_* would configure) and a `port` chosen beforehand for single sign-on,
 * whose provider must know the address it sends people back to.
 */
export async function startServer(
  template: Template = "demo",
  options: { mailer?: Mailer; oidc?: OidcConfig; port?: number } = {},
): Promise<TestServer> {
  const handle: DatabaseHandle = await createTestDatabase(template);
  let app: FastifyInstance | undefined;
  try {
    // The page cache is on, as in `waymark serve`: browser tests see what readers see.
    app = await createApp(
      testDeps(handle.db, {
        config: {
          pageCacheSeconds: 60,
          oidc: options.oidc,
          // Absolute addresses (the single sign-on return address) name where this server listens.
          ...(options.port ? { baseUrl: `http://127.0.0.1:${options.port}` } : {}),
        },
        ...(options.mailer ? { mailer: options.mailer } : {}),
      }),
    );
    const url = await app.listen({ host: "127.0.0.1", port: options.port ?? 0 });
    const running = app;
    return {
      url,
      db: handle.db,
      app: running,
      async close() {
        try {
          await running.close();
        } finally {
          await handle.close();
        }
      },
    };
  } catch (error) {
    await app?.close();
    await handle.close();
    throw error;
  }
}
