import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import { loadDemoData } from "../../src/features/demo/demo.service.ts";
import { type DatabaseHandle, openPglite, openPostgres } from "../../src/platform/database.ts";

/**
 * Test databases. Creating and migrating a PGlite folder takes seconds, so the global setup does
 * it once and saves two copies (empty, and with the demo data); each test file starts from a copy
 * in memory. With TEST_DATABASE_URL set, the same happens on a real PostgreSQL server with
 * template databases.
 */
export const serverUrl = process.env.TEST_DATABASE_URL;
const cacheDir = path.resolve(import.meta.dirname, "../../.test-cache");
const templates = { empty: "waymark_template_empty", demo: "waymark_template_demo" } as const;
export type Template = keyof typeof templates;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function build(db: Kysely<Database>, template: Template): Promise<void> {
  await migrateToLatest(db);
  if (template === "demo") await loadDemoData(db);
}

/** Run once per test run, before any test file. */
export async function prepareTemplates(): Promise<void> {
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      for (const [template, name] of Object.entries(templates) as [Template, string][]) {
        await admin.query(`drop database if exists ${name}`);
        await admin.query(`create database ${name}`);
        const handle = openPostgres(withDatabase(serverUrl, name), 2);
        try {
          await build(handle.db, template);
        } finally {
          await handle.close();
        }
      }
    } finally {
      await admin.end();
    }
    return;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  for (const template of Object.keys(templates) as Template[]) {
    const pglite = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await build(db, template);
    const dump = await pglite.dumpDataDir("gzip");
    fs.writeFileSync(path.join(cacheDir, `${template}.tar.gz`), Buffer.from(await dump.arrayBuffer()));
    await db.destroy();
  }
}

/** A fresh database of its own for one test file (or one test), from a saved template. */
export async function createTestDatabase(template: Template = "empty"): Promise<DatabaseHandle> {
  if (serverUrl) {
    const name = `waymark_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${templates[template]}`);
    const handle = openPostgres(withDatabase(serverUrl, name), 4);
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  const dump = fs.readFileSync(path.join(cacheDir, `${template}.tar.gz`));
  return openPglite(undefined, { loadDataDir: new Blob([dump]) });
}
