// Dates as Waymark stores and shows them. An edition's "last updated" date is a calendar date
// with no time or zone, stored as "YYYY-MM-DD"; pages write it out in words, the way the route
// maps themselves do. Meetings are set in Scotland's clock time, Europe/London: a date and an
// "HH:MM" with no zone; "today" is London's today. Plain functions, so services and views both
// use them.

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2025-12-01" → { year: 2025, month: 12, day: 1 }; null for anything not written YYYY-MM-DD. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "2025-12-01" → "December 2025", the way route maps give their "last updated" date. */
export function monthYear(iso: string): string {
  const p = parseIsoDate(iso);
  return p ? `${MONTHS[p.month - 1] ?? ""} ${p.year}`.trim() : iso;
}

/** "2025-12-01" → "1 December 2025". */
export function fullDate(iso: string): string {
  const p = parseIsoDate(iso);
  return p ? `${p.day} ${MONTHS[p.month - 1] ?? ""} ${p.year}` : iso;
}

export const LONDON = "Europe/London";

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The instant when London's clocks read this date and time ("2024-06-11", "15:05"). */
export function londonInstant(date: string, time: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // London is UTC or UTC+1: read the clock at that instant and shift by the difference.
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(asUtc)).map((p) => [p.type, p.value]));
  const read = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(asUtc - (read - asUtc));
}

/**
 * The first instant after the day `iso` ("YYYY-MM-DD") ends in Scotland: what was done before it
 * counts "as at" that day (reports, earlier editions, `?as_at=`).
 */
export function endOfLondonDay(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso)!;
  return londonInstant(new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10), "00:00");
}

const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: LONDON,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Scotland, "YYYY-MM-DD". */
export function londonToday(now: Date = new Date()): string {
  return londonDate.format(now);
}

/** A moment as its calendar day in Scotland, in words: "21 May 2024". */
export function londonDayInWords(moment: Date): string {
  return fullDate(londonToday(moment));
}
