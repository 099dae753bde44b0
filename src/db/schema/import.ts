import type { Generated } from "kysely";

// Imported documents: every source kept, with its text and content hash.

export interface ImportedDocumentTable {
  id: Generated<number>;
  /** 'minutes' and 'progress_update' from migration 2026-11-22T1730_import_minutes_and_updates. */
  kind: "route_map" | "minutes" | "progress_update";
  file_name: string;
  content_hash: string;
  text: string;
  imported_at: Generated<Date>;
  edition_id: number | null;
  details: unknown;
  /** The web address the document was saved from, when known (migration T1730). */
  source_address: Generated<string | null>;
  /** The meeting imported minutes became (migration T1730). */
  meeting_id: Generated<number | null>;
}
