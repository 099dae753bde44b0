import type { Db } from "../../platform/database.ts";

/** Fills an empty, migrated database with the demo programme (stub). */
export async function loadDemoData(_db: Db): Promise<void> {}
