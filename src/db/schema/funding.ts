import type { Generated } from "kysely";
import type { Timestamp } from "./common.ts";

// Funding lines (features/funding, migration 2026-12-08T0130_funding). Money is whole pence
// (bigint, read as a number); a year is the calendar year its financial year starts in.

export type FundYearStatus = "committed" | "paid" | "underspent";

export interface FundTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  owner_organisation_id: number | null;
  commitment_pence: number;
  first_year: number;
  last_year: number;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface FundYearTable {
  id: Generated<number>;
  fund_id: number;
  year: number;
  planned_pence: number;
  actual_pence: number | null;
  status: FundYearStatus;
  version: Generated<number>;
}

export interface FundAllocationTable {
  id: Generated<number>;
  fund_id: number;
  organisation_id: number | null;
  /** A council area's official code ("S12000047"), when the allocation is to an area. */
  area_code: string | null;
  year: number;
  planned_pence: number;
  actual_pence: number | null;
  award_years: Generated<number>;
  purpose: Generated<string>;
  published: Generated<boolean>;
  version: Generated<number>;
}

export interface FundActionTable {
  fund_id: number;
  theme_id: number;
  action_key: string;
}

export interface FundCommitmentTable {
  fund_id: number;
  commitment_id: number;
}
