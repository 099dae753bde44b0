import type { Generated } from "kysely";
import type { Timestamp } from "./common.ts";

// Route maps: the programme, foundations, themes, sectors, editions and their items.

export interface ProgrammeTable {
  id: Generated<number>;
  slug: string;
  name: string;
  summary: Generated<string>;
  start_year: number;
  end_year: number;
}

export interface FoundationTable {
  id: Generated<number>;
  programme_id: number;
  slug: string;
  name: string;
  summary: Generated<string>;
  position: number;
}

export interface ThemeTable {
  id: Generated<number>;
  foundation_id: number;
  slug: string;
  name: string;
  summary: Generated<string>;
  position: number;
}

export interface SectorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
}

export type EditionStatus = "draft" | "published";
export type EditionLayout = "ambitions" | "outcomes";

export interface RouteMapEditionTable {
  id: Generated<number>;
  theme_id: number;
  status: Generated<EditionStatus>;
  layout: EditionLayout;
  label: string;
  /** "YYYY-MM-DD"; set when published. */
  last_updated: string | null;
  introduction: Generated<string>;
  state_of_play_title: string;
  state_of_play: Generated<string>;
  ambition_summary: Generated<string>;
  route_map_intro: Generated<string>;
  copied_from_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  published_at: Date | null;
  source: string | null;
}

export type Section = "outcome" | "action" | "milestone" | "sector" | "helping" | "what_matters" | "mapping";
export type Framework = "promise_report" | "plan_21_24" | "uncrc" | "shanarri";

export interface EditionItemTable {
  id: Generated<number>;
  edition_id: number;
  section: Section;
  key: Generated<string>;
  parent_id: number | null;
  position: number;
  text: Generated<string>;
  page_refs: Generated<string>;
  year: number | null;
  framework: Framework | null;
  sector_id: number | null;
}
