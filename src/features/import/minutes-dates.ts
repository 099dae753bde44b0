// Dates and times as minutes write them: "21 May 2024", "Tuesday 10 September", "10th Sept 2024",
// "3.05 p.m.", "15:05", "noon". Pure and forgiving: what cannot be read is null, never a guess.

const MONTH_STEMS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "September", "Sept", "Septmber" → 9; undefined for a word that is no month. */
function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return undefined;
  const index = MONTH_STEMS.indexOf(w.slice(0, 3));
  if (index < 0) return undefined;
  // "March" but not "Marching": a month's name, its abbreviation, or a near spelling of it.
  return w.length <= 10 ? index + 1 : undefined;
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1990 || year > 2100) {
    return null;
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface FoundDate {
  /** "YYYY-MM-DD", or null when the year is neither given nor known. */
  date: string | null;
  yearGiven: boolean;
  /** Where in the text the date was found, and its words. */
  index: number;
  text: string;
}

const DAY_MONTH = /\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]{3,10}\.?)(?:,?\s+(\d{4}))?\b/g;
const MONTH_DAY = /\b([A-Za-z]{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b/g;
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;

/**
 * The first date written in `text`. A date without a year takes it from `after` (a "YYYY-MM-DD"
 * it follows, such as the meeting date): the same year, or the next when that would be earlier.
 */
export function findDate(text: string, after: string | null = null): FoundDate | null {
  const found: FoundDate[] = [];
  const resolve = (day: number, month: number, year: string | undefined, index: number, words: string) => {
    let date: string | null = null;
    if (year) {
      date = iso(Number(year), month, day);
    } else if (after) {
      const y = Number(after.slice(0, 4));
      date = iso(y, month, day);
      if (date && date < after) date = iso(y + 1, month, day);
    }
    if (year && !date) return; // "31 February 2024": not a date
    if (!year && !iso(2000, month, day)) return;
    found.push({ date, yearGiven: year !== undefined, index, text: words });
  };
  for (const m of text.matchAll(DAY_MONTH)) {
    const month = monthNumber(m[2]!);
    if (month) resolve(Number(m[1]), month, m[3], m.index, m[0]);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = monthNumber(m[1]!);
    if (month) resolve(Number(m[2]), month, m[3], m.index, m[0]);
  }
  for (const m of text.matchAll(NUMERIC)) {
    resolve(Number(m[1]), Number(m[2]), m[3], m.index, m[0]);
  }
  found.sort((a, b) => a.index - b.index);
  return found[0] ?? null;
}

interface FoundTime {
  hour: number;
  minute: number;
  /** "am", "pm", or null when the document did not say. */
  half: "am" | "pm" | null;
}

const TIME =
  /\b(?:(noon|midday)|(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|am|pm|hrs|hours)?)/gi;

function readTimes(text: string): FoundTime[] {
  const times: FoundTime[] = [];
  for (const m of text.matchAll(TIME)) {
    if (m[1]) {
      times.push({ hour: 12, minute: 0, half: "pm" });
      continue;
    }
    const hour = Number(m[2]);
    const minute = m[3] === undefined ? 0 : Number(m[3]);
    const suffix = m[4]?.toLowerCase().replace(/[^ap]/g, "") ?? "";
    // A bare number ("10 September", "2024") is no time: a time has minutes or a.m./p.m.
    if (m[3] === undefined && !suffix) continue;
    if (hour > 23 || minute > 59) continue;
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    const afterText = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (/[\d/]/.test(before) || /^[./]\d/.test(afterText)) continue;
    const half = suffix.startsWith("a") ? "am" : suffix.startsWith("p") ? "pm" : null;
    if (half && (hour === 0 || hour > 12)) continue;
    times.push({ hour, minute, half });
  }
  return times;
}

function to24(t: FoundTime): string {
  let hour = t.hour;
  if (t.half === "pm" && hour < 12) hour += 12;
  if (t.half === "am" && hour === 12) hour = 0;
  return `${String(hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

/** The start and end times in `text` ("between 3.05 p.m. and 4.30 p.m.", "from 15:05 to 16:30"). */
export function findTimes(text: string): { start: string | null; end: string | null } {
  const [first, second] = readTimes(text);
  if (!first) return { start: null, end: null };
  // "3.05 to 4.30pm": the start shares the end's half of the day when that keeps it earlier.
  if (
    first.half === null &&
    second?.half === "pm" &&
    first.hour < 12 &&
    first.hour + 12 <= to24Hour(second)
  ) {
    first.half = "pm";
  }
  // A time written without a.m./p.m. between 1 and 7 is, in a working day, afternoon.
  if (first.half === null && first.hour >= 1 && first.hour <= 7) first.half = "pm";
  if (second && second.half === null && second.hour >= 1 && second.hour <= 7) second.half = "pm";
  return { start: to24(first), end: second ? to24(second) : null };
}

function to24Hour(t: FoundTime): number {
  return Number(to24(t).slice(0, 2));
}
