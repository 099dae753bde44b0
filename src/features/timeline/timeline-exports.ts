import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { type Cell, toCsv } from "../../platform/csv.ts";
import { timelineItemPath } from "./timeline.paths.ts";
import { KIND_LABELS, STATUS_LABELS, type TimelineItem } from "./timeline.types.ts";
import { whenInWords } from "./timeline-dates.ts";

// The timeline as files, pure: an iCalendar feed (RFC 5545, published per RFC 5546) and a CSV.
//   UID:       "timeline-<id>@<domain>", the domain from WAYMARK_BASE_URL (never the request's
//              Host), so a calendar app updates an item rather than duplicating it.
//   Dates:     whole days; DTEND is the day after the last (RFC 5545 §3.6.1). An approximate
//              date is its whole window, marked TENTATIVE and "(approximate date)".
//   ORGANIZER: the owner organisation, with a placeholder address in the reserved ".invalid"
//              domain (RFC 2606), as a published feed needs one and nobody should be written to.
//   No attendees: a published feed invites nobody.

export interface TimelineFeed {
  name: string;
  description: string;
  /** "https://waymark.example", for links. */
  origin: string;
  /** "waymark.example", for UIDs. */
  uidDomain: string;
  items: TimelineItem[];
}

function utcDay(iso: string, daysOn = 0): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + daysOn));
}

export function organisationAddress(organisationId: number): string {
  return `organisation-${organisationId}@organisations.waymark.invalid`;
}

/** The feed as iCalendar text. */
export function timelineCalendar(feed: TimelineFeed): string {
  const calendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: "Waymark", product: "Waymark timeline", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const item of feed.items) {
    const url = `${feed.origin}${timelineItemPath(item.id)}`;
    calendar.createEvent({
      id: `timeline-${item.id}@${feed.uidDomain}`,
      summary: item.approximate ? `${item.title} (approximate date)` : item.title,
      start: utcDay(item.startsOn),
      end: utcDay(item.endsOn ?? item.startsOn, 1),
      allDay: true,
      timezone: "UTC",
      status:
        item.status === "withdrawn"
          ? ICalEventStatus.CANCELLED
          : item.approximate
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      description: [
        `${KIND_LABELS[item.kind]} by ${item.organisation.name}.`,
        `When: ${whenInWords(item)}.`,
        `Status: ${STATUS_LABELS[item.status]}.`,
        item.audiences.length > 0 ? `For: ${item.audiences.map((a) => a.name).join(", ")}.` : "",
        item.summary,
        `Details: ${url}`,
      ]
        .filter(Boolean)
        .join("\n"),
      organizer: { name: item.organisation.name, email: organisationAddress(item.organisation.id) },
      url,
      // An edited item is a newer version of the same event (RFC 5545 §3.8.7.4).
      sequence: item.version,
    });
  }
  return calendar.toString();
}

export const TIMELINE_CSV_HEADER = [
  "id",
  "title",
  "kind",
  "organisation",
  "starts_on",
  "ends_on",
  "approximate_date",
  "when",
  "status",
  "audiences",
  "route_maps",
  "groups",
  "link",
  "page",
];

/** The items as CSV, one row each, through the shared writer. */
export function timelineCsv(items: TimelineItem[], origin: string): string {
  const rows: Cell[][] = items.map((item) => [
    item.id,
    item.title,
    KIND_LABELS[item.kind],
    item.organisation.name,
    item.startsOn,
    item.endsOn ?? item.startsOn,
    item.approximate,
    whenInWords(item),
    STATUS_LABELS[item.status],
    item.audiences.map((a) => a.name).join("; "),
    item.themes.map((t) => t.name).join("; "),
    item.groups.map((g) => g.name).join("; "),
    item.link,
    `${origin}${timelineItemPath(item.id)}`,
  ]);
  return toCsv(TIMELINE_CSV_HEADER, rows);
}
