// Dates as Waymark stores and shows them. An edition's "last updated" date is a calendar date
// with no time or zone, stored as "YYYY-MM-DD"; pages write it out in words, the way the route
// maps themselves do. Plain functions, so services and views both use them.

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
