import { fullDate, parseIsoDate } from "../../platform/dates.ts";

// Dates on the timeline, pure. An item has a day, or a window of days (both ends inclusive), or
// an approximate date: words such as "autumn 2027", stored with the window they stand for so the
// load arithmetic can count them, and shown as the words, marked approximate, so nobody reads a
// firmer date into them than there is.

export const APPROXIMATE_PARTS = ["early", "spring", "summer", "autumn", "late", "winter", "year"] as const;
export type ApproximatePart = (typeof APPROXIMATE_PARTS)[number];

export const APPROXIMATE_LABELS: Record<ApproximatePart, string> = {
  early: "Early in the year (January to April)",
  spring: "Spring (March to May)",
  summer: "Summer (June to August)",
  autumn: "Autumn (September to November)",
  late: "Late in the year (September to December)",
  winter: "Winter (December to February)",
  year: "Some time in the year",
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The last day of a month (month 1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The window and words an approximate date stands for: "autumn", 2027 → 2027-09-01 to 2027-11-30. */
export function approximateWindow(
  part: ApproximatePart,
  year: number,
): { startsOn: string; endsOn: string; words: string } {
  const months: Record<ApproximatePart, [number, number, number]> = {
    // [first month, last month, years on for the last month]
    early: [1, 4, 0],
    spring: [3, 5, 0],
    summer: [6, 8, 0],
    autumn: [9, 11, 0],
    late: [9, 12, 0],
    winter: [12, 2, 1],
    year: [1, 12, 0],
  };
  const [first, last, on] = months[part];
  const endYear = year + on;
  return {
    startsOn: `${year}-${pad(first)}-01`,
    endsOn: `${endYear}-${pad(last)}-${pad(lastDay(endYear, last))}`,
    words: part === "year" ? String(year) : `${part} ${year}`,
  };
}

/** "autumn 2027" → { part: "autumn", year: 2027 }; undefined for words it did not write. */
export function readApproximate(words: string): { part: ApproximatePart; year: number } | undefined {
  const match = /^(?:([a-z]+) )?(\d{4})$/.exec(words);
  if (!match) return undefined;
  const part = (match[1] ?? "year") as ApproximatePart;
  return APPROXIMATE_PARTS.includes(part) ? { part, year: Number(match[2]) } : undefined;
}

/** When an item happens, in words: "8 July 2024", "1 July to 30 September 2024", "Autumn 2027 (approximate)". */
export function whenInWords(item: {
  startsOn: string;
  endsOn: string | null;
  approximate: string | null;
}): string {
  if (item.approximate) {
    const words = item.approximate;
    return `${words.charAt(0).toUpperCase()}${words.slice(1)} (approximate)`;
  }
  if (item.endsOn === null || item.endsOn === item.startsOn) return fullDate(item.startsOn);
  const start = parseIsoDate(item.startsOn);
  const end = parseIsoDate(item.endsOn);
  if (start && end && start.year === end.year) {
    const startWords = fullDate(item.startsOn).replace(/ \d{4}$/, "");
    return `${startWords} to ${fullDate(item.endsOn)}`;
  }
  return `${fullDate(item.startsOn)} to ${fullDate(item.endsOn)}`;
}

/** The last day an item covers. */
export function lastDayOf(item: { startsOn: string; endsOn: string | null }): string {
  return item.endsOn ?? item.startsOn;
}
