import type { EditionLayout, EditionStatus, Framework, Section } from "../../db/schema.ts";

// Domain types: what services hand out. Pages, the API and the CLI all read these, never rows.

export type { EditionLayout, EditionStatus, Framework, Section };

export const MILESTONE_YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;

export const FRAMEWORKS: ReadonlyArray<{ code: Framework; label: string }> = [
  { code: "promise_report", label: "Independent Care Review conclusions (the promise page numbers)" },
  { code: "plan_21_24", label: "Plan 21-24 priority areas" },
  { code: "uncrc", label: "UNCRC articles" },
  { code: "shanarri", label: "GIRFEC wellbeing indicators (SHANARRI)" },
];

export interface Counts {
  outcomes: number;
  actions: number;
  milestones: number;
}

export interface EditionSummary {
  id: number;
  status: EditionStatus;
  layout: EditionLayout;
  label: string;
  /** "YYYY-MM-DD", set when published. */
  lastUpdated: string | null;
  version: number;
}

export interface ThemeSummary {
  slug: string;
  name: string;
  summary: string;
  foundationSlug: string;
  /** The latest published edition, or null when the route map has none yet. */
  latest: (EditionSummary & { counts: Counts }) | null;
}

export interface FoundationView {
  slug: string;
  name: string;
  summary: string;
  themes: ThemeSummary[];
}

export interface ProgrammeView {
  slug: string;
  name: string;
  summary: string;
  startYear: number;
  endYear: number;
  foundations: FoundationView[];
}

export interface TextItem {
  id: number;
  /** Stable across editions: the same key in two editions is the same item, perhaps reworded. */
  key: string;
  text: string;
}

export interface OutcomeItem extends TextItem {
  /** Promise-report page references, e.g. "Pg 36; Pg 23"; empty for the outcome layout. */
  pageRefs: string;
}

export interface ActionItem extends TextItem {
  /** Sub-items, kept under their parent in order. */
  children: TextItem[];
}

export interface MilestoneYear {
  year: number;
  /** Empty is a real state: "no milestones identified for this year yet". */
  items: TextItem[];
}

export interface SectorItem {
  id: number;
  key: string;
  sectorId: number;
  slug: string;
  name: string;
}

export interface MappingGroup {
  framework: Framework;
  label: string;
  items: TextItem[];
}

export interface Edition extends EditionSummary {
  theme: { slug: string; name: string; foundationSlug: string; foundationName: string };
  introduction: string;
  stateOfPlayTitle: string;
  stateOfPlay: string;
  ambitionSummary: string;
  routeMapIntro: string;
  copiedFromId: number | null;
  updatedAt: Date;
  outcomes: OutcomeItem[];
  actions: ActionItem[];
  /** Always the six years 2025–2030, in order. */
  milestones: MilestoneYear[];
  sectors: SectorItem[];
  helping: TextItem[];
  whatMatters: TextItem[];
  /** Always the four frameworks, in order. */
  mappings: MappingGroup[];
}

export interface Sector {
  id: number;
  slug: string;
  name: string;
}
