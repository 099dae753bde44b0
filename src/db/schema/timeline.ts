import type { Generated } from "kysely";
import type { Timestamp } from "./common.ts";

// The forward timeline (migration 2026-12-08T0120_timeline).

export interface AudienceTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  position: number;
}

export interface TimelineItemTable {
  id: Generated<number>;
  title: string;
  summary: Generated<string>;
  kind: string;
  organisation_id: number;
  /** "YYYY-MM-DD" */
  starts_on: string;
  /** "YYYY-MM-DD", inclusive; null for a single day. */
  ends_on: string | null;
  /** The words of an approximate date ("autumn 2027"); the window is what it stands for. */
  approximate: string | null;
  status: string;
  link: string | null;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TimelineItemAudienceTable {
  item_id: number;
  audience_id: number;
}

export interface TimelineItemThemeTable {
  item_id: number;
  theme_id: number;
}

export interface TimelineItemGroupTable {
  item_id: number;
  group_id: number;
}
