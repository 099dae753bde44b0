import { fullDate } from "../../../platform/dates.ts";
import type { SafeHtml } from "../../../platform/html.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import type { RoundSummary } from "../round.types.ts";

// What the reporting-round pages share: addresses, the round's state, its reminder days in words.

export function roundPath(id: number): string {
  return `/rounds/${id}`;
}

export function roundState(round: { closedAt: Date | null }): SafeHtml {
  return round.closedAt ? tag("Closed", "grey") : tag("Open", "green");
}

/** "14 and 3 days before, and 1 and 7 days after the due date", or "No reminders". */
export function reminderWords(round: Pick<RoundSummary, "daysBefore" | "daysAfter">): string {
  const list = (days: number[]) =>
    days.length === 1 ? String(days[0]) : `${days.slice(0, -1).join(", ")} and ${days.at(-1)}`;
  const plural = (days: number[]) => (days.length === 1 && days[0] === 1 ? "day" : "days");
  const before =
    round.daysBefore.length > 0
      ? round.daysBefore.length === 1 && round.daysBefore[0] === 0
        ? "on the due date"
        : `${list(round.daysBefore)} ${plural(round.daysBefore)} before`
      : "";
  const after = round.daysAfter.length > 0 ? `${list(round.daysAfter)} ${plural(round.daysAfter)} after` : "";
  if (!before && !after) return "No reminders";
  if (before && after) return `${before}, and ${after} the due date`;
  return before === "on the due date" ? "On the due date" : `${before || after} the due date`;
}

export function scopeWords(round: Pick<RoundSummary, "allRouteMaps" | "themes">): string {
  return round.allRouteMaps ? "Every route map" : round.themes.map((t) => t.name).join(", ");
}

export function dueWords(round: { dueDate: string }): string {
  return fullDate(round.dueDate);
}
