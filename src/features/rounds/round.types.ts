import type { ResponsibilityRole } from "../accountability/accountability.types.ts";

// Reporting rounds as services hand them out: a round, what each organisation owes in it and
// whether it has answered, and its reminders.

export interface RoundSummary {
  id: number;
  title: string;
  /** "YYYY-MM-DD" */
  dueDate: string;
  allRouteMaps: boolean;
  themes: Array<{ slug: string; name: string }>;
  daysBefore: number[];
  daysAfter: number[];
  openedAt: Date;
  closedAt: Date | null;
  totals: RoundTotals;
}

export interface RoundTotals {
  /** Updates owed (one per organisation and action) and how many have been given. */
  owed: number;
  answered: number;
  /** answered / owed, as a whole percentage. */
  percent: number;
  organisations: number;
  /** Organisations that have answered everything they owe. */
  organisationsDone: number;
}

export interface OwedItem {
  themeSlug: string;
  themeName: string;
  key: string;
  /** The action's words in its route map's latest published edition. */
  text: string;
  role: ResponsibilityRole;
  answered: boolean;
}

export interface RoundOrganisation {
  id: number;
  slug: string;
  name: string;
  owed: number;
  answered: number;
  percent: number;
  items: OwedItem[];
}

export interface ReminderDay {
  /** "YYYY-MM-DD" */
  sendOn: string;
  total: number;
  sent: number;
  /** Not needed: the organisation had answered, had nobody to write to, or a later one went. */
  skipped: number;
  /** Tried and failed; tried again on the next pass. */
  failing: number;
}

export interface RoundDetail extends RoundSummary {
  organisations: RoundOrganisation[];
  reminders: ReminderDay[];
}
