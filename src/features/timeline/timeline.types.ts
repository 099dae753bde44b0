// The forward timeline: what the programme and its partners plan to publish, ask and hold, and
// whom each thing asks. Services hand these out; rows never leave the repository.

export const TIMELINE_KINDS = [
  "bill",
  "strategy",
  "guidance",
  "consultation",
  "survey",
  "call_for_evidence",
  "report",
  "event",
  "deadline",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const KIND_LABELS: Record<TimelineKind, string> = {
  bill: "Bill (a proposed law)",
  strategy: "Strategy",
  guidance: "Guidance",
  consultation: "Consultation",
  survey: "Survey",
  call_for_evidence: "Call for evidence",
  report: "Report",
  event: "Event",
  deadline: "Deadline",
};

/** The kinds that ask people for their time and views: these make up an audience's load. */
export const ASK_KINDS: readonly TimelineKind[] = ["consultation", "survey", "call_for_evidence", "event"];

export const TIMELINE_STATUSES = ["planned", "open", "closed", "published", "withdrawn"] as const;
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number];

export const STATUS_LABELS: Record<TimelineStatus, string> = {
  planned: "Planned",
  open: "Open now",
  closed: "Closed",
  published: "Published",
  withdrawn: "Withdrawn",
};

export interface Audience {
  id: number;
  slug: string;
  name: string;
  description: string;
}

export interface NamedLink {
  id: number;
  slug: string;
  name: string;
}

export interface TimelineItem {
  id: number;
  title: string;
  summary: string;
  kind: TimelineKind;
  organisation: NamedLink;
  /** "YYYY-MM-DD": the day, or the first day of the window. */
  startsOn: string;
  /** "YYYY-MM-DD", inclusive; null for a single day. */
  endsOn: string | null;
  /** The words of an approximate date ("autumn 2027"); startsOn and endsOn are its window. */
  approximate: string | null;
  status: TimelineStatus;
  link: string | null;
  published: boolean;
  version: number;
  audiences: Audience[];
  themes: NamedLink[];
  groups: NamedLink[];
  updatedAt: Date;
}

/** What the add and change forms send, as text. */
export interface TimelineItemInput {
  title: string | undefined;
  summary: string | undefined;
  kind: string | undefined;
  organisation: string | undefined;
  /** "exact" (a day, or a window when an end is given) or "approximate". */
  dateKind: string | undefined;
  start: { day: string | undefined; month: string | undefined; year: string | undefined };
  end: { day: string | undefined; month: string | undefined; year: string | undefined };
  approximatePart: string | undefined;
  approximateYear: string | undefined;
  status: string | undefined;
  link: string | undefined;
  audiences: string[];
  themes: string[];
  groups: string[];
}

/** The filters of the public timeline (a GET form). */
export interface TimelineFilter {
  audience?: string | undefined;
  theme?: string | undefined;
  kind?: TimelineKind | undefined;
  organisation?: string | undefined;
  /** The first day shown; undefined: everything. */
  from?: string | undefined;
}
