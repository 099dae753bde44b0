// Times as people in Scotland read them: "22 November 2026 at 10:39", in UK time.

const FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = Object.fromEntries(FORMAT.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** The same as a machine-readable attribute value for <time datetime>. */
export function isoDateTime(value: Date | string): string {
  return (typeof value === "string" ? new Date(value) : value).toISOString();
}
