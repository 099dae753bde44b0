import type { ColumnType, Generated } from "kysely";

// Commitments: the key actions of imported progress updates (migration 2026-11-22T1850_commitments).

export interface CommitmentTable {
  id: Generated<number>;
  imported_document_id: number;
  /** The update's title: "Keeping The Promise …: progress update 2024". */
  document_title: string | null;
  year: number | null;
  /** "3"; null when the document names no part. */
  part_number: string | null;
  part_title: string | null;
  /** Its place among the part's key actions, from 1. */
  ordinal: number;
  /** The number the document prints before it ("1."), when it numbers them. */
  number: number | null;
  text: string;
  /** The paragraphs under it, and a list it introduces. */
  details: ColumnType<string[], string | undefined, string>;
  sub_items: ColumnType<string[], string | undefined, string>;
  status: string | null;
}
