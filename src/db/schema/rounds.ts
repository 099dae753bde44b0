import type { Generated } from "kysely";
import type { ResponsibilityRole } from "./accountability.ts";

// --- Reporting rounds and reminders: migration 2026-11-22T1830_reporting_rounds ---

export interface ReportingRoundTable {
  id: Generated<number>;
  title: string;
  /** "YYYY-MM-DD" */
  due_date: string;
  all_route_maps: boolean;
  days_before: Generated<number[]>;
  days_after: Generated<number[]>;
  opened_at: Generated<Date>;
  opened_by: number | null;
  closed_at: Date | null;
  closed_by: number | null;
}

export interface ReportingRoundThemeTable {
  round_id: number;
  theme_id: number;
}

export interface RoundObligationTable {
  round_id: number;
  organisation_id: number;
  theme_id: number;
  action_key: string;
  role: ResponsibilityRole;
}

export type ReminderOutcome = "sent" | "answered" | "superseded" | "no_contributors";

export interface RoundReminderTable {
  id: Generated<number>;
  round_id: number;
  organisation_id: number;
  /** "YYYY-MM-DD" */
  send_on: string;
  sent_at: Date | null;
  outcome: ReminderOutcome | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The pass sending it, until claimed_until: another pass leaves it alone till then. */
  claimed_by: string | null;
  claimed_until: Date | null;
}

export interface RoundReminderDeliveryTable {
  reminder_id: number;
  user_id: number;
  email: string;
  sent_at: Generated<Date>;
}
