import type { Generated } from "kysely";
import type { Timestamp } from "./common.ts";

// Quality improvement: projects, their links, measures and data points
// (migration 2026-12-08T0140_improvement_projects).

export interface ImprovementProjectTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** The aim: what will improve, by how much, and by when ("YYYY-MM-DD"). */
  aim_what: string;
  aim_how_much: string;
  aim_by: string;
  team: Generated<string>;
  status: "planned" | "testing" | "spreading" | "sustained" | "stopped";
  learned: Generated<string>;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ImprovementProjectAreaTable {
  project_id: number;
  area_code: string;
}

export interface ImprovementProjectOrganisationTable {
  project_id: number;
  organisation_id: number;
}

export interface ImprovementProjectActionTable {
  project_id: number;
  theme_id: number;
  action_key: string;
}

export interface ImprovementProjectIndicatorTable {
  project_id: number;
  indicator_id: number;
}

export interface ImprovementMeasureTable {
  id: Generated<number>;
  project_id: number;
  kind: "outcome" | "process" | "balancing";
  name: string;
  unit: string;
  better: "up" | "down";
  /** How many of the first points the run chart's median is taken from. */
  baseline_points: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface ImprovementDataPointTable {
  id: Generated<number>;
  measure_id: number;
  date: string;
  value: number;
  annotation: Generated<string>;
}
