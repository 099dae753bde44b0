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
export type Template = "empty" | "demo";
const TEMPLATES: Template[] = ["empty", "demo"];

/**
 * Where one test run keeps its templates: a folder for PGlite copies, a name prefix for server
 * template databases. Unique per run, so two runs at once (two terminals, CI) never collide.
 */
export interface TemplateLocation {
  cacheDir: string;
  prefix: string;
}

export function newTemplateLocation(): TemplateLocation {
  const runId = `${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  return {
    cacheDir: path.resolve(import.meta.dirname, "../../.test-cache", runId),
    prefix: `waymark_tpl_${runId}`,
  };
}

let location: TemplateLocation | undefined;

/** Test files learn the run's template location from the global setup (see vitest `provide`). */
export function useTemplateLocation(value: TemplateLocation): void {
  location = value;
}

function current(): TemplateLocation {
  if (!location) throw new Error("Test templates are not prepared: run tests through vitest (globalSetup).");
  return location;
}

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
export async function prepareTemplates({ cacheDir, prefix }: TemplateLocation): Promise<void> {
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      for (const template of TEMPLATES) {
        const name = `${prefix}_${template}`;
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
  for (const template of TEMPLATES) {
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
    await admin.query(`create database ${name} template ${current().prefix}_${template}`);
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
  const dump = fs.readFileSync(path.join(current().cacheDir, `${template}.tar.gz`));
  return openPglite(undefined, { loadDataDir: new Blob([dump]) });
}

/** Run once after the whole run: drops the run's template databases and saved copies. */
export async function removeTemplates({ cacheDir, prefix }: TemplateLocation): Promise<void> {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const template of TEMPLATES) await admin.query(`drop database if exists ${prefix}_${template}`);
  } finally {
    await admin.end();
  }
}
