// Times as people in Scotland read them: "22 November 2026 at 10:39", in UK time; a clock time
// the way minutes write it, "3.05 p.m.".

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

/** "15:05" → "3.05 p.m."; "12:00" → "12 noon". */
export function timeText(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  if (h === 12 && m === 0) return "12 noon";
  if (h === 0 && m === 0) return "midnight";
  const hour = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? "a.m." : "p.m.";
  return m === 0 ? `${hour} ${suffix}` : `${hour}.${String(m).padStart(2, "0")} ${suffix}`;
}
