import { fullDate } from "../../../platform/dates.ts";
import { timeText } from "../../../platform/views/when.ts";
import type { MeetingSummary } from "../governance.types.ts";

// How governance pages write times and places: the way the group's own minutes do
// ("11 June 2024, 3.05 p.m. to 4.30 p.m., online").

/** "3.05 p.m. to 4.30 p.m.", "from 10 a.m.", or "" when no time is set. */
export function timesText(meeting: Pick<MeetingSummary, "startTime" | "endTime">): string {
  if (meeting.startTime && meeting.endTime)
    return `${timeText(meeting.startTime)} to ${timeText(meeting.endTime)}`;
  if (meeting.startTime) return `from ${timeText(meeting.startTime)}`;
  if (meeting.endTime) return `until ${timeText(meeting.endTime)}`;
  return "";
}

/** "online", "Edinburgh", "Edinburgh and online", or "". */
export function placeText(meeting: Pick<MeetingSummary, "place" | "online">): string {
  if (meeting.place && meeting.online) return `${meeting.place} and online`;
  if (meeting.online) return "online";
  return meeting.place;
}

/** "11 June 2024, 3.05 p.m. to 4.30 p.m., online". */
export function meetingWhen(
  meeting: Pick<MeetingSummary, "date" | "startTime" | "endTime" | "place" | "online">,
): string {
  return [fullDate(meeting.date), timesText(meeting), placeText(meeting)]
    .filter((part) => part !== "")
    .join(", ");
}
