import type { OrganisationType, ResponsibilityRole, UpdateState } from "../../db/schema.ts";
import type { Confidence, EvidenceKind, ProgressStatus } from "./progress-status.ts";

// Domain types that services hand out; pages (and later the API) read these, never rows.

export type { OrganisationType, ResponsibilityRole, UpdateState };

export interface OrganisationSummary {
  id: number;
  slug: string;
  name: string;
  type: OrganisationType;
  areaCode: string | null;
  sectors: Array<{ id: number; slug: string; name: string }>;
}

/** An action of a route map, named by its theme and its stable key. */
export interface ActionRef {
  themeId: number;
  themeSlug: string;
  themeName: string;
  foundationSlug: string;
  foundationName: string;
  key: string;
  text: string;
}

/** Who must act: an organisation or a whole sector, as lead or partner. */
export interface Party {
  kind: "organisation" | "sector";
  id: number;
  slug: string;
  name: string;
  role: ResponsibilityRole;
}

/** When an action is due: a year, a date, or not said. */
export interface Due {
  year: number | null;
  /** "YYYY-MM-DD" */
  date: string | null;
}

export interface Evidence {
  kind: EvidenceKind;
  title: string;
  url: string | null;
  body: string;
}

export interface ProgressUpdate {
  id: number;
  themeId: number;
  actionKey: string;
  organisation: { id: number; slug: string; name: string };
  state: UpdateState;
  status: ProgressStatus;
  percent: number;
  narrative: string;
  confidence: Confidence;
  authorName: string;
  updatedAt: Date;
  submittedAt: Date | null;
  evidenceRequestedAt: Date | null;
  evidenceRequest: string | null;
  evidence: Evidence[];
}

/** One action as someone must account for it: who, by when, and how it is going. */
export interface ActionAccount {
  action: ActionRef;
  parties: Party[];
  due: Due;
  weight: number;
  outcomeKey: string | null;
  /** The newest submitted update, from whichever organisation. */
  latest: ProgressUpdate | null;
  /** Due date passed and not complete or superseded. */
  overdue: boolean;
  /** No submitted update within the stale period (and not complete or superseded). */
  stale: boolean;
}
