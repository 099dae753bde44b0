import { foldName } from "./import-names.ts";
import type { AttendanceStatus, AttendeeEntry } from "./minutes.types.ts";
import { clip } from "./route-map-text.parser.ts";

// The attendance list of minutes: "Louise Long(Co-Chair), SOLACE", "Mary Glasgow,, CCPS",
// "Jane Scott (CELCIS)", "Present: A. Person (chair), B. Person", an "Apologies" sub-list.
// Every entry is kept once; a person listed twice is reported, not counted twice.

const ROLE =
  /\(\s*(joint[\s-]*chair|co[\s-]*chair(?:person)?|chair(?:person)?|convener|vice[\s-]*chair)\s*\)/i;
const ROLE_PART = /^(joint[\s-]*chair|co[\s-]*chair(?:person)?|chair(?:person)?|convener|vice[\s-]*chair)$/i;
const APOLOGY_MARK = /\(\s*apolog(?:y|ies)\s*\)/i;
const DEPUTY =
  /\(\s*((?:deputising|deputizing|substituting|standing in|on behalf of|for)\b[^)]*|deputy)\s*\)/i;
const PARENTHESIS = /\(([^)]{1,120})\)/;
const INLINE_LIST =
  /^(present|attendees|attendance|in attendance|members present|apologies(?: received)?(?: from)?)\s*[:\-–—]\s*(.+)$/i;
const NO_APOLOGIES = /^(there were )?no apologies\b/i;

function roleOf(text: string): AttendeeEntry["role"] {
  return /co|joint/i.test(text) ? "co-chair" : "chair";
}

/** One entry of the list, or null when the line names nobody. */
export function parseAttendee(line: string, status: AttendanceStatus): AttendeeEntry | null {
  let text = line
    .replace(/\s+/g, " ")
    .replace(/\s*,[\s,]*/g, ", ")
    .replace(/[\s,;.]+$/, "")
    .trim();
  let role: AttendeeEntry["role"] = null;
  let note: string | null = null;
  let organisation: string | null = null;

  // A marker ends the name, so it is read as a comma: "Louise Long (co-chair) SOLACE".
  const roleMatch = ROLE.exec(text);
  if (roleMatch) {
    role = roleOf(roleMatch[1]!);
    text = text.replace(ROLE, ", ");
  }
  if (APOLOGY_MARK.test(text)) {
    status = "apologies";
    text = text.replace(APOLOGY_MARK, ", ");
  }
  const deputy = DEPUTY.exec(text);
  if (deputy) {
    status = "deputised";
    note = deputy[1]!.trim();
    text = text.replace(DEPUTY, ", ");
  }
  const inParentheses = PARENTHESIS.exec(text);
  if (inParentheses) {
    organisation = inParentheses[1]!.trim();
    text = text.replace(PARENTHESIS, " ");
  }

  const parts = text
    .split(/\s*,\s*(?:[-–—]\s+)?|\s+[-–—]\s+/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => {
      if (ROLE_PART.test(p)) {
        role = roleOf(p);
        return false;
      }
      return p !== "";
    });
  const name = parts.shift();
  if (!name || !/\p{L}/u.test(name) || name.length > 80) return null;
  if (parts.length > 0) {
    const last = parts.pop()!;
    if (organisation) note = [note, ...parts, last].filter(Boolean).join(", ");
    else {
      organisation = last;
      if (parts.length) note = [note, ...parts].filter(Boolean).join(", ");
    }
  }
  return { name, organisation, role, status, note };
}

/** Collects the entries of an attendance section, each person once. */
export class AttendanceList {
  readonly entries: AttendeeEntry[] = [];
  private readonly byName = new Map<string, AttendeeEntry>();
  private readonly warnings: string[];
  status: AttendanceStatus = "present";

  constructor(warnings: string[]) {
    this.warnings = warnings;
  }

  private add(entry: AttendeeEntry | null, line: string): void {
    if (!entry) {
      this.warnings.push(`A line of the attendance list names nobody and was left out: “${clip(line)}”.`);
      return;
    }
    const key = foldName(entry.name);
    const earlier = this.byName.get(key);
    if (earlier) {
      earlier.organisation ??= entry.organisation;
      earlier.role ??= entry.role;
      earlier.note ??= entry.note;
      this.warnings.push(`${entry.name} is listed twice in the attendance list and was kept once.`);
      return;
    }
    this.byName.set(key, entry);
    this.entries.push(entry);
  }

  /** One line of the section: an entry, an inline list, or an "Apologies" sub-heading. */
  addLine(line: string): void {
    const bare = line.replace(/[:.]$/, "").trim();
    if (/^apolog(y|ies)( received| for absence)?$/i.test(bare)) {
      this.status = "apologies";
      return;
    }
    if (/^(present|attendees|in attendance|members present|attending)$/i.test(bare)) {
      this.status = "present";
      return;
    }
    if (NO_APOLOGIES.test(line)) return;
    const inline = INLINE_LIST.exec(line);
    if (inline) {
      const status: AttendanceStatus = /^apolog/i.test(inline[1]!) ? "apologies" : "present";
      const list = inline[2]!;
      if (NO_APOLOGIES.test(list) || /^none\.?$/i.test(list.trim())) return;
      // "A (Org); B (Org)" or "A (chair), B, C and D": entries are split on ";" when there are
      // any, else on commas and a final "and".
      const pieces = list.includes(";") ? list.split(";") : list.split(/\s*,\s*|\s+and\s+(?=[^,]+$)/);
      for (const piece of pieces) {
        if (piece.trim()) this.add(parseAttendee(piece, status), piece);
      }
      return;
    }
    if (line.endsWith(":") || (line.length > 200 && !line.includes(";"))) {
      return; // a lead-in ("The following members attended:") or prose, not an entry
    }
    // Under a heading, several entries on one line are kept apart by semicolons.
    for (const piece of line.split(";")) {
      if (piece.trim()) this.add(parseAttendee(piece, this.status), piece);
    }
  }
}
