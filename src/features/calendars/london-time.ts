// Meetings are set in Scotland's clock time, Europe/London: a date and an "HH:MM" with no zone.
// ical-generator formats a JavaScript Date in the *server's* zone when given a named time zone, so
// we hand it a small date-time object that already knows its wall-clock reading (the shape of a
// Luxon DateTime, which ical-generator accepts), making the output the same on any server.

/** The VTIMEZONE for Europe/London (RFC 5545 §3.6.5): GMT, and BST from the last Sunday of March to the last Sunday of October. */
export const EUROPE_LONDON_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/London",
  "X-LIC-LOCATION:Europe/London",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "TZNAME:BST",
  "DTSTART:19700329T010000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0000",
  "TZNAME:GMT",
  "DTSTART:19701025T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

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

/** What ical-generator needs of a date-time: the Luxon DateTime shape. */
export interface WallClockTime {
  readonly isValid: boolean;
  setZone(zone?: string): WallClockTime;
  toFormat(format: string): string;
  toJSDate(): Date;
  toJSON(): string | null;
  zone: { type: string };
}

/** A London date and time (time "00:00" for a whole day) that formats as its own wall-clock reading. */
export function londonTime(date: string, time = "00:00"): WallClockTime {
  const instant = londonInstant(date, time);
  const compactDate = date.replace(/-/g, "");
  const compactTime = `${time.replace(":", "").slice(0, 4)}00`;
  const value: WallClockTime = {
    isValid: true,
    setZone: () => value,
    toFormat: (format) => {
      if (format === "yyyyLLdd") return compactDate;
      if (format === "HHmmss") return compactTime;
      throw new Error(`londonTime cannot format "${format}"`);
    },
    toJSDate: () => instant,
    toJSON: () => instant.toISOString(),
    zone: { type: "iana" },
  };
  return value;
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
