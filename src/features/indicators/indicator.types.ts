import type { BetterDirection, ObservationFlag, PeriodType } from "../../db/schema.ts";
import type { StatusResult } from "./progress-status.ts";

// Domain types every reader of the progress framework shares. Values are as the reader may see
// them: for the public, suppressed values are already null (see indicator-read.service.ts).

export interface IndicatorMeta {
  id: number;
  slug: string;
  title: string;
  definition: string;
  unit: string;
  better: BetterDirection;
  kind: "core" | "contextual";
  measure: "process" | "outcome";
  source: string;
  sourceUrl: string | null;
  publisher: string;
  lastUpdated: string | null;
  nextUpdate: string | null;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  targetDate: string | null;
  story: string;
  breakdowns: string[];
  suppressBelow: number | null;
  published: boolean;
  outcome: { id: number; slug: string; title: string };
  vision: { id: number; slug: string; title: string };
}

export interface ObservationView {
  period: string;
  periodType: PeriodType;
  geography: string;
  geographyName: string;
  breakdown: Record<string, string>;
  /** Null when suppressed for this reader. */
  value: number | null;
  flag: ObservationFlag | null;
  /** Hidden from the public: by the source, or by the small-number rule. */
  suppressed: boolean;
}

export interface IndicatorSummary {
  slug: string;
  title: string;
  kind: "core" | "contextual";
  measure: "process" | "outcome";
  unit: string;
  published: boolean;
  status: StatusResult;
}

export interface FrameworkOutcome {
  slug: string;
  title: string;
  indicators: IndicatorSummary[];
}

export interface FrameworkVision {
  slug: string;
  title: string;
  summary: string;
  outcomes: FrameworkOutcome[];
}

export interface Evidence {
  kind: "quote" | "survey_finding";
  text: string;
  attribution: string;
  source: string;
}

export interface LinkedAction {
  text: string;
  themeSlug: string;
  themeName: string;
  editionId: number;
  editionLabel: string;
}
