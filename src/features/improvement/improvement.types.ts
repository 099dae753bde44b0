// What the improvement services hand out: projects, their measures and data points.

export const PROJECT_STATUSES = ["planned", "testing", "spreading", "sustained", "stopped"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planned: "Planned",
  testing: "Testing changes",
  spreading: "Spreading to more places",
  sustained: "Sustained",
  stopped: "Stopped",
};

export const MEASURE_KINDS = ["outcome", "process", "balancing"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  outcome: "Outcome measure",
  process: "Process measure",
  balancing: "Balancing measure",
};

/** What each kind of measure is for, in plain words. */
export const MEASURE_KIND_HINTS: Record<MeasureKind, string> = {
  outcome: "Shows whether things are getting better for people.",
  process: "Shows whether the changes are being made as planned.",
  balancing: "Checks that the changes are not making something else worse.",
};

export type Better = "up" | "down";

export interface ProjectSummary {
  id: number;
  slug: string;
  title: string;
  status: ProjectStatus;
  published: boolean;
  aim: { what: string; howMuch: string; by: string };
}

export interface DataPoint {
  id: number;
  date: string;
  value: number;
  annotation: string;
}

export interface Measure {
  id: number;
  kind: MeasureKind;
  name: string;
  unit: string;
  better: Better;
  baselinePoints: number;
  version: number;
  /** In date order. */
  points: DataPoint[];
}

export interface Project extends ProjectSummary {
  team: string;
  learned: string;
  version: number;
  areas: Array<{ code: string; name: string }>;
  organisations: Array<{ id: number; slug: string; name: string }>;
  actions: Array<{ themeId: number; themeSlug: string; themeName: string; key: string; text: string }>;
  indicators: Array<{ id: number; slug: string; title: string; published: boolean }>;
  measures: Measure[];
  /** Whether the one asking may change it. */
  editable: boolean;
}

/** The choices a project's form offers. */
export interface ProjectChoices {
  areas: Array<{ code: string; name: string }>;
  organisations: Array<{ id: number; name: string }>;
  actions: Array<{ value: string; themeName: string; text: string }>;
  indicators: Array<{ id: number; slug: string; title: string }>;
}
