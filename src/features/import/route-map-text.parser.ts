import type { Block, PageSection, RouteMapFormat } from "./route-map-page.types.ts";

// The text handling both layouts share: lines and blocks, headings matched despite typos,
// navigation noise, and paragraphs the pages print twice.

interface HeadingRule {
  section: PageSection;
  /** Only one format prints this heading; undefined when both do. */
  format?: RouteMapFormat;
  text: string;
}

// Headings matched whole, tolerating small misspellings (see sameHeading).
const HEADINGS: HeadingRule[] = [
  { section: "stateOfPlay", format: "2025", text: "Where is Scotland now?" },
  { section: "ambitions", text: "Where does Scotland need to be by 2030?" },
  { section: "routeMap", text: "The route map to get there" },
  { section: "helping", format: "2024", text: "What is helping?" },
  { section: "sectors", format: "2024", text: "Who must act?" },
  { section: "sectors", format: "2025", text: "Who needs to work on this:" },
  { section: "whatMatters", format: "2024", text: "Here is what matters to children and families" },
  {
    section: "whatMatters",
    format: "2025",
    text: "What matters to children, families, and care experienced adults",
  },
  { section: "mapping", format: "2024", text: "Mapping" },
];

const NOISE = [
  /^skip to (the )?main content$/i,
  /^(read|show) (more|less)\W*$/i,
  /^find out more\b/i,
  /^also connected to this theme$/i,
  /^this is how plan 24-30 relates to/i,
  /^these statements and the page numbers referenced/i,
  // Site chrome a page copied from a browser brings with it: breadcrumbs, cookie banners, footers.
  /^home\s*[>›»|/]/i,
  /\bwe use (some )?(essential )?cookies\b/i,
  /^(accept|reject)( all| additional| optional)? cookies\b/i,
  /^(privacy( policy| notice)?|cookies?( policy| settings)?|accessibility( statement)?|terms (and|&) conditions|contact us|back to top|sitemap|print this page|share this page)$/i,
  /^(©|\(c\)\s|copyright\b)/i,
  /^download (this|the) route map\b/i,
];

const BULLET = /^[•·▪◦*–-]\s*/;

/** Navigation and boilerplate lines that are no part of the route map. */
export function isNoise(line: string): boolean {
  return NOISE.some((n) => n.test(line));
}

/** Lowercase letters, digits and single spaces: what two spellings of a heading share. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Folded text `a` is heading `b` (folded), allowing a typo or two. */
export function closeTo(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 0 || Math.abs(a.length - b.length) > Math.max(2, b.length * 0.2)) return false;
  const limit = Math.max(1, Math.floor(b.length * 0.15));
  return editDistance(a, b, limit) <= limit;
}

/** A heading, allowing a typo or two ("Wher does Scotland need to be by 2030"). */
export function sameHeading(line: string, heading: string): boolean {
  return line.length <= 90 && closeTo(fold(line), fold(heading));
}

const FOLDED_HEADINGS = HEADINGS.map((rule) => ({ rule, folded: fold(rule.text) }));

// The same headings in the other wordings another theme's page may use ("What matters to
// children and families", "Who needs to act?", "What's helping"), matched on the folded line.
// Neither layout owns these, so they cast no vote.
const HEADING_WORDINGS: Array<{ section: PageSection; pattern: RegExp }> = [
  {
    section: "whatMatters",
    pattern: /^(here is )?what matters( to (children|young people|families)[a-z ]{0,60})?$/,
  },
  {
    section: "sectors",
    pattern: /^who (must|needs? to|should|will) (act|take action|work on this|do this)$/,
  },
  { section: "helping", pattern: /^what (is |s )?(already )?help(ing|s)$/ },
];

/** The section heading this line is, exactly or nearly; undefined when it is none. */
export function findHeading(line: string): HeadingRule | undefined {
  if (line.length > 90 || /\.$/.test(line)) return undefined;
  const a = fold(line);
  const exact = FOLDED_HEADINGS.find((h) => h.folded === a)?.rule;
  if (exact) return exact;
  const worded = HEADING_WORDINGS.find((h) => h.pattern.test(a));
  if (worded) return { section: worded.section, text: line };
  return FOLDED_HEADINGS.find((h) => closeTo(a, h.folded))?.rule;
}

/** How far a line is indented, a tab counting as four spaces. */
function indentOf(line: string): number {
  const lead = /^[\s\u00a0]*/.exec(line)![0];
  return lead.length + 3 * (lead.match(/\t/g)?.length ?? 0);
}

/**
 * Lines of the document, trimmed and never empty; a heading split over two lines is joined again.
 * A list item indented further than the list it follows is a sub-item, marked "◦ ".
 */
export function toLines(text: string): string[] {
  let listIndent: number | null = null;
  const raw = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => {
      const line = l
        .replace(/\u00ad/g, "")
        .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
        .trim();
      if (!line) return line;
      if (!isListLine(line)) {
        listIndent = null;
        return line;
      }
      const indent = indentOf(l);
      listIndent ??= indent;
      if (indent <= listIndent + 1 || LETTERED.test(line)) return line;
      return `◦ ${line.replace(BULLET, "").replace(NUMBERED, "")}`;
    });
  const lines: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const next = raw[i + 1];
    if (line && next && line.length < 40 && next.length < 60 && !findHeading(line)) {
      const joined = `${line} ${next}`;
      if (findHeading(joined)) {
        lines.push(joined);
        i++;
        continue;
      }
    }
    lines.push(line);
  }
  return lines.filter((l) => l !== "");
}

const NUMBERED = /^(\d{1,2})[.)]\s+(?=\S)/;
// "a. …", "b) …", "(i) …", "iv. …": lower-case letters and roman numerals mark sub-items.
const LETTERED = /^(?:\((?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})[.)])\s+(?=\S)/;
const NESTED_BULLET = /^◦\s*/;

/**
 * A line of a route-map page as a block: as toBlock, and also telling a numbered item ("1. …",
 * "2) …") and a sub-item ("◦ …", "a. …", "(i) …") from a plain list item, without their markers.
 */
export function toRouteMapBlock(line: string): Block {
  if (NUMBERED.test(line)) return { text: line.replace(NUMBERED, ""), bullet: true, list: "numbered" };
  if (LETTERED.test(line)) return { text: line.replace(LETTERED, ""), bullet: true, list: "nested" };
  if (NESTED_BULLET.test(line))
    return { text: line.replace(NESTED_BULLET, "").trim(), bullet: true, list: "nested" };
  return toBlock(line);
}

/** Is this trimmed line an item of a list (of any marker)? */
function isListLine(line: string): boolean {
  return (BULLET.test(line) && !/^[-–]\d/.test(line)) || NUMBERED.test(line) || LETTERED.test(line);
}

export function toBlock(line: string): Block {
  if (BULLET.test(line) && !/^[-–]\d/.test(line)) {
    return { text: line.replace(BULLET, "").trim(), bullet: true };
  }
  return { text: line, bullet: false };
}

export function paragraphs(blocks: Block[] | undefined): string[] {
  return (blocks ?? []).map((b) => b.text);
}

/** The start of a long text, for a warning. */
export function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The key two copies of one paragraph share, whatever their punctuation. */
function sameTextKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A list of paragraphs that keeps each once (the fuller copy), warning about repeats. */
export class OnceList {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly warnings: string[];

  constructor(warnings: string[]) {
    this.warnings = warnings;
  }

  /** `where` names the section, for the warning. */
  add(text: string, where: string): boolean {
    const key = sameTextKey(text);
    const at = this.index.get(key);
    if (at === undefined) {
      this.index.set(key, this.items.length);
      this.items.push(text);
      return true;
    }
    if (text.length > this.items[at]!.length) this.items[at] = text;
    this.warnings.push(`A paragraph in ${where} appears twice and was kept once: “${clip(text)}”.`);
    return false;
  }
}
