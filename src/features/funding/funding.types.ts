import type { FundYearStatus } from "../../db/schema.ts";

// What funding's services hand out. Amounts are whole pence; years are the calendar year a
// Scottish financial year starts in (2022 for "2022-23").

export type { FundYearStatus };

export const FUND_YEAR_STATUSES: readonly FundYearStatus[] = ["committed", "paid", "underspent"];

export const FUND_YEAR_STATUS_LABELS: Record<FundYearStatus, string> = {
  committed: "Committed",
  paid: "Paid",
  underspent: "Underspent",
};

export interface Fund {
  id: number;
  slug: string;
  name: string;
  description: string;
  owner: { id: number; name: string; slug: string } | null;
  commitmentPence: number;
  firstYear: number;
  lastYear: number;
  published: boolean;
  version: number;
}

export interface FundYear {
  id: number;
  year: number;
  plannedPence: number;
  actualPence: number | null;
  status: FundYearStatus;
  version: number;
}

/** Who an allocation goes to: an organisation of the register, or a council area. */
export type Recipient =
  | { kind: "organisation"; id: number; name: string; slug: string }
  | { kind: "area"; code: string; name: string };

export interface Allocation {
  id: number;
  recipient: Recipient;
  year: number;
  plannedPence: number;
  actualPence: number | null;
  /** How many years the award it belongs to covers: 1 is a single-year award. */
  awardYears: number;
  purpose: string;
  published: boolean;
  version: number;
}

export interface LinkedAction {
  themeId: number;
  themeSlug: string;
  themeName: string;
  key: string;
  text: string;
}

/** A key action of an imported progress update (features/commitments) the fund pays for. */
export interface LinkedCommitment {
  id: number;
  text: string;
  /** The progress update it is from. */
  source: string | null;
}

export interface FundDetail extends Fund {
  years: FundYear[];
  /** Published allocations only, unless read for editing. */
  allocations: Allocation[];
  actions: LinkedAction[];
  commitments: LinkedCommitment[];
}

/** A fund in the list: with how much of its commitment is allocated so far (published allocations). */
export interface FundSummary extends Fund {
  allocatedPence: number;
}
