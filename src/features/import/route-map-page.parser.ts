import { ValidationError } from "../../platform/errors.ts";
import { EDITION_DOCUMENT_FORMAT, type EditionDocument } from "../route-maps/edition-document.ts";
import { MILESTONE_YEARS } from "../route-maps/route-map.types.ts";
import { htmlToText, looksLikeHtml } from "./html-to-text.ts";

// Reads the text of a published route-map page (saved as text, or as an HTML page) into a draft
// edition document. Pure: no database. Two page formats exist: the June 2024 narrative page and
// the December 2025 outcome-based page. Real pages repeat paragraphs, carry navigation noise and
// are sometimes cut off; the parser keeps what it can read, says what it could not, and never
// reports a section it did not see as empty. It throws only the one ValidationError below.

/** Larger than any real route-map page by far; anything bigger is refused unread. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export type RouteMapFormat = "2024" | "2025";

/** The sections a route-map page can have, in the order the pages print them. */
export type PageSection =
  | "title"
  | "introduction"
  | "stateOfPlay"
  | "ambitions"
  | "routeMap"
  | "helping"
  | "sectors"
  | "whatMatters"
  | "mapping";

export interface RouteMapPageResult {
  kind: "route-map";
  format: RouteMapFormat;
  /** The theme's name as the page prints it, e.g. "Leadership"; null when the title is missing. */
  themeName: string | null;
  /** A draft edition; `theme` is the theme name made into a slug. */
  draft: EditionDocument;
  /** Milestone years the page says have none yet ("There are no milestones identified…"). */
  emptyMilestoneYears: number;
  warnings: string[];
  /** Sections this format has that the document does not: unknown, not empty. */
  missing: PageSection[];
  /** The document looks cut off part-way. */
  truncated: boolean;
}

/** The one error the parser throws: the document is refused, with a message saying why. */
export class DocumentRefusedError extends ValidationError {
  constructor(message: string) {
    super({ document: message }, message);
  }
}

const SECTION_NAMES: Record<PageSection, string> = {
  title: "the title",
  introduction: "“This route map was last updated…”",
  stateOfPlay: "the state of play",
  ambitions: "“Where does Scotland need to be by 2030?”",
  routeMap: "“The route map to get there”",
  helping: "“What is helping?”",
  sectors: "who must act",
  whatMatters: "what matters to children and families",
  mapping: "the mapping table",
};

const EXPECTED: Record<RouteMapFormat, PageSection[]> = {
  "2024": ["title", "stateOfPlay", "ambitions", "routeMap", "helping", "sectors", "whatMatters", "mapping"],
  "2025": ["title", "introduction", "stateOfPlay", "ambitions", "routeMap", "sectors", "whatMatters"],
};

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
  /^read more\W*$/i,
  /^find out more\b/i,
  /^also connected to this theme$/i,
  /^this is how plan 24-30 relates to/i,
  /^these statements and the page numbers referenced/i,
  /^this means:?$/i,
];

const NO_MILESTONES = /^there are no milestones identified for this year( yet)?\b/i;
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

interface Block {
  text: string;
  bullet: boolean;
}

/** Lowercase letters, digits and single spaces: what two spellings of a heading share. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
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
function closeTo(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 0 || Math.abs(a.length - b.length) > Math.max(2, b.length * 0.2)) return false;
  const limit = Math.max(1, Math.floor(b.length * 0.15));
  return editDistance(a, b, limit) <= limit;
}

/** A heading, allowing a typo or two ("Wher does Scotland need to be by 2030"). */
function sameHeading(line: string, heading: string): boolean {
  return line.length <= 90 && closeTo(fold(line), fold(heading));
}

const FOLDED_HEADINGS = HEADINGS.map((rule) => ({ rule, folded: fold(rule.text) }));

function findHeading(line: string): HeadingRule | undefined {
  if (line.length > 90) return undefined;
  const a = fold(line);
  return (
    FOLDED_HEADINGS.find((h) => h.folded === a)?.rule ??
    FOLDED_HEADINGS.find((h) => closeTo(a, h.folded))?.rule
  );
}

const TITLE_2025 = /^route\s*map\s*[:\-–—]\s*(.{1,120})$/i;
const STATE_2024 = /^scotland in (20\d\d)$/i;
const LAST_UPDATED = /^this route map was last updated in ([a-z]+)\s+(\d{4})\b/i;
const OUTCOME_INTRO = /^the outcomes? (in|for|of) .{1,120}?\b(is|are)\s*:?$/i;
const BULLET = /^[•·▪◦*–-]\s*/;

/** Lines of the document, trimmed; a heading split over two lines is joined again. */
function toLines(text: string): string[] {
  const raw = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim());
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

function toBlock(line: string): Block {
  if (BULLET.test(line) && !/^[-–]\d/.test(line)) {
    return { text: line.replace(BULLET, "").trim(), bullet: true };
  }
  return { text: line, bullet: false };
}

/** The key two copies of one paragraph share, whatever their punctuation. */
function sameTextKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Decodes bytes or text; refuses binary and over-large input. */
function readInput(input: string | Uint8Array): string {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new DocumentRefusedError(
      `This file is too large to be a route-map page (${Math.ceil(size / 1024)} KB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB).`,
    );
  }
  const text = typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
  if (text.includes("\u0000")) {
    throw new DocumentRefusedError(
      "This file is not text (it contains binary data). Save the route-map page as text or as a web page (HTML) and try again.",
    );
  }
  return text.replace(/^\ufeff/, "");
}

function notRecognised(): DocumentRefusedError {
  return new DocumentRefusedError(
    "This document was not recognised as a route map: it has too few of a route map's headings, such as “Where does Scotland need to be by 2030?” and “The route map to get there”.",
  );
}

/** A list of paragraphs that keeps each once (the fuller copy), warning about repeats. */
class OnceList {
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

const PAGE_REF = /\s*\((pgs?\.?\s*[\d\s,;&–-]+(?:and\s*\d+)?)\)(\.?)/gi;

/** "… families (Pg 17)." → text without the reference, and "Pg 17". */
function splitPageRefs(text: string): { text: string; pageRefs: string } {
  const refs: string[] = [];
  const clean = text.replace(PAGE_REF, (_match, ref: string, dot: string, offset: number, whole: string) => {
    refs.push(
      ref
        .replace(/^pgs?\.?\s*/i, "Pg ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    return whole[offset - 1] === "." ? "" : dot;
  });
  return { text: clean.replace(/\s+/g, " ").trim(), pageRefs: refs.join("; ") };
}

/**
 * Does this paragraph read as an action ("X will…", "X to convene…", "Explore…") rather than
 * context? Quotations and reported facts are context.
 */
function readsAsAction(text: string): boolean {
  if (/^[‘'“"]/.test(text)) return false;
  if (/\bwill\b/i.test(text)) return true;
  if (/^[A-Z][^.,;:!?]{0,160}?\s(to)\s(?!the\b|a\b|an\b|be\b)[a-z]+/.test(text)) return true;
  return /^(explore|develop|review|ensure|establish|create|build|support|convene|deliver|agree|publish|consider|work)\b/i.test(
    text,
  );
}

interface Sections {
  title: string | null;
  format: RouteMapFormat | null;
  blocks: Map<PageSection, Block[]>;
  /** Raw lines of the mapping section, for the table. */
  found: Set<PageSection>;
  lastUpdated: { label: string; date: string | null } | null;
  stateOfPlayTitle: string | null;
  emptyMilestoneYears: number;
  votes: Record<RouteMapFormat, number>;
  lastBlock: Block | null;
}

function splitSections(lines: string[], warnings: string[]): Sections {
  const s: Sections = {
    title: null,
    format: null,
    blocks: new Map(),
    found: new Set(),
    lastUpdated: null,
    stateOfPlayTitle: null,
    emptyMilestoneYears: 0,
    votes: { "2024": 0, "2025": 0 },
    lastBlock: null,
  };
  let current: PageSection | null = null;
  const enter = (section: PageSection) => {
    if (s.found.has(section)) {
      // A repeated heading (the pages print "Where does Scotland need to be by 2030?" twice)
      // neither starts the section again nor ends the one we are in.
      return;
    }
    s.found.add(section);
    s.blocks.set(section, []);
    current = section;
  };

  for (const line of lines) {
    if (NOISE.some((n) => n.test(line))) continue;
    if (s.title !== null && fold(line) === fold(s.title)) continue; // the theme name, repeated as a banner

    const title = TITLE_2025.exec(line);
    if (title && s.title === null) {
      s.title = title[1]!.trim();
      s.found.add("title");
      s.votes["2025"] += 2;
      continue;
    }
    const updated = LAST_UPDATED.exec(line);
    if (updated && !s.found.has("introduction")) {
      enter("introduction");
      const month = MONTHS.indexOf(updated[1]!.toLowerCase());
      const label = `${updated[1]!.charAt(0).toUpperCase()}${updated[1]!.slice(1).toLowerCase()} ${updated[2]}`;
      s.lastUpdated = {
        label: month >= 0 ? label : updated[2]!,
        date: month >= 0 ? `${updated[2]}-${String(month + 1).padStart(2, "0")}-01` : null,
      };
      s.votes["2025"] += 2;
      s.blocks.get("introduction")!.push({ text: line, bullet: false });
      current = null;
      continue;
    }
    const state = STATE_2024.exec(line) ?? (sameHeading(line, "Scotland in 2024") ? [line, "2024"] : null);
    if (state && !s.found.has("stateOfPlay")) {
      enter("stateOfPlay");
      s.stateOfPlayTitle = `Scotland in ${state[1]}`;
      s.votes["2024"] += 2;
      continue;
    }
    const heading = findHeading(line);
    if (heading) {
      if (heading.format) s.votes[heading.format] += 1;
      if (heading.section === "stateOfPlay") s.stateOfPlayTitle ??= "Where is Scotland now?";
      enter(heading.section);
      // "Who needs to work on this: A, B" may carry its list on the same line.
      continue;
    }
    const inline = /^who needs to work on this\s*:\s*(.+)$/i.exec(line);
    if (inline && !s.found.has("sectors")) {
      s.votes["2025"] += 1;
      enter("sectors");
      s.blocks.get("sectors")!.push({ text: inline[1]!, bullet: false });
      continue;
    }
    if (NO_MILESTONES.test(line)) {
      s.emptyMilestoneYears++;
      s.votes["2025"] += 1;
      continue;
    }
    const block = toBlock(line);
    s.lastBlock = block;
    if (current === null) {
      if (s.title === null && s.found.size === 0 && line.length <= 120 && !block.bullet) {
        s.title = line;
        s.found.add("title");
      } else if (line.length > 0) {
        warnings.push(`Text outside any route-map section was left out: “${clip(line)}”.`);
      }
      continue;
    }
    s.blocks.get(current)!.push(block);
  }
  return s;
}

function paragraphs(blocks: Block[] | undefined): string[] {
  return (blocks ?? []).map((b) => b.text);
}

interface Mappings {
  promise_report: string[];
  plan_21_24: string[];
  uncrc: string[];
  shanarri: string[];
}

/** The mapping table, as the text of the page lays it out (see the June 2024 seed). */
function readMappings(blocks: Block[], warnings: string[]): Mappings {
  const m: Mappings = { promise_report: [], plan_21_24: [], uncrc: [], shanarri: [] };
  let column: "plan_21_24" | "shanarri" | null = null;
  for (const { text } of blocks) {
    if (/independent care review|priority area/i.test(text) && !/\d/.test(text.replace(/21-24/g, ""))) {
      column = null;
      continue;
    }
    if (/^uncrc\b/i.test(text) && !/\d/.test(text)) {
      column = null;
      continue;
    }
    const pages = /pgs?\.?\s*((?:\d+(?:\s*[-–]\s*\d+)?\s*[;,]?\s*)+)(.*)$/i.exec(text);
    if (pages) {
      m.promise_report.push(
        ...pages[1]!
          .split(/[;,]/)
          .map((p) => p.replace(/\s+/g, "").replace("–", "-"))
          .filter(Boolean),
      );
      if (pages[2]!.trim()) m.plan_21_24.push(pages[2]!.trim());
      column = "plan_21_24";
      continue;
    }
    const articles = /^articles?\s*((?:\d+\s*(?:[;,]|and)?\s*)+)(.*)$/i.exec(text);
    if (articles) {
      m.uncrc.push(
        ...articles[1]!
          .split(/[;,]|and/)
          .map((a) => a.trim())
          .filter(Boolean)
          .map((a) => `Article ${a}`),
      );
      if (articles[2]!.trim()) m.shanarri.push(articles[2]!.trim());
      column = "shanarri";
      continue;
    }
    if (column) m[column].push(text);
    else warnings.push(`A line of the mapping table was not understood: “${clip(text)}”.`);
  }
  return m;
}

/**
 * Reads a route-map page (text or a saved HTML page) into a draft edition document, with
 * warnings, the sections it lacks, and whether it looks cut off. Throws DocumentRefusedError for
 * input that is too large, binary, or not a route map; never anything else.
 */
export function parseRouteMapPage(input: string | Uint8Array): RouteMapPageResult {
  let text = readInput(input);
  if (looksLikeHtml(text)) text = htmlToText(text);
  const warnings: string[] = [];
  const s = splitSections(toLines(text), warnings);

  const distinct = [...s.found].filter((f) => f !== "title" && f !== "introduction");
  if (distinct.length < 2 || !(s.found.has("ambitions") || s.found.has("routeMap"))) {
    throw notRecognised();
  }
  const format: RouteMapFormat = s.votes["2025"] > s.votes["2024"] ? "2025" : "2024";

  const outcomes: EditionDocument["outcomes"] = [];
  const actions = new OnceList(warnings);
  const subItems: OnceList[] = [];
  const helping = new OnceList(warnings);
  const whatMatters = new OnceList(warnings);
  const milestones: EditionDocument["milestones"] = [];
  let routeMapIntro = "";

  // Where does Scotland need to be by 2030? A summary, then the outcomes or ambitions (bullets).
  const summary: string[] = [];
  const outcomeTexts = new OnceList(warnings);
  let afterOutcomeIntro = false;
  for (const block of s.blocks.get("ambitions") ?? []) {
    if (OUTCOME_INTRO.test(block.text)) {
      afterOutcomeIntro = true;
      continue;
    }
    if (block.bullet || afterOutcomeIntro) outcomeTexts.add(block.text, "the outcomes");
    else summary.push(block.text);
  }
  const ambitionSummary = summary.join("\n\n");
  for (const t of outcomeTexts.items) {
    const { text: clean, pageRefs } = format === "2024" ? splitPageRefs(t) : { text: t, pageRefs: "" };
    if (clean) outcomes.push({ text: clean, pageRefs });
  }
  if (s.found.has("ambitions") && outcomes.length === 0) {
    warnings.push(
      "No outcomes or 2030 ambitions were found under “Where does Scotland need to be by 2030?”.",
    );
  }

  // The route map to get there: context, then actions with their sub-items (bullets).
  let year: number | null = null;
  let seenAction = false;
  let contextParagraphs = 0;
  const routeBlocks = s.blocks.get("routeMap") ?? [];
  routeBlocks.forEach((block, index) => {
    const yearLine = /^(20\d\d)$/.exec(block.text);
    if (yearLine) {
      const y = Number(yearLine[1]);
      year = (MILESTONE_YEARS as readonly number[]).includes(y) ? y : null;
      if (year === null)
        warnings.push(`Milestones for ${y} were left out: milestones run from 2025 to 2030.`);
      return;
    }
    if (year !== null) {
      milestones.push({ year, text: block.text });
      return;
    }
    if (block.bullet) {
      const parent = subItems.at(-1);
      if (parent) parent.add(block.text, "the route map's sub-items");
      else warnings.push(`A list item with no action above it was left out: “${clip(block.text)}”.`);
      return;
    }
    if (format === "2024" && index === 0 && routeBlocks.length > 1) {
      routeMapIntro = block.text;
      return;
    }
    if (format === "2025" && !seenAction && !readsAsAction(block.text)) {
      if (helping.add(block.text, "the route map's context")) contextParagraphs++;
      return;
    }
    seenAction = true;
    if (actions.add(block.text, "the route map's actions")) subItems.push(new OnceList(warnings));
  });
  if (contextParagraphs > 0) {
    warnings.push(
      `${contextParagraphs} paragraph(s) before the first action were read as context (what is helping), not actions: check them.`,
    );
  }

  for (const t of paragraphs(s.blocks.get("helping"))) helping.add(t, "“What is helping?”");
  for (const t of paragraphs(s.blocks.get("whatMatters"))) whatMatters.add(t, "what matters");

  const sectors: string[] = [];
  for (const t of paragraphs(s.blocks.get("sectors"))) {
    for (const name of t.split(/[,;]/)) {
      const clean = name
        .replace(/^\s*and\s+/i, "")
        .replace(/[.:]+$/, "")
        .trim();
      if (clean && !sectors.some((x) => x.toLowerCase() === clean.toLowerCase())) sectors.push(clean);
    }
  }
  if (s.found.has("sectors") && sectors.length === 0) {
    warnings.push(
      "“Who must act?” names no sectors in its text (on the web page they are pictures): add them by hand.",
    );
  }

  const mappings = readMappings(s.blocks.get("mapping") ?? [], warnings);
  if (s.emptyMilestoneYears > 0) {
    warnings.push(
      `${s.emptyMilestoneYears} milestone year(s) say no milestones are identified yet; they are left empty.`,
    );
  }

  // What is missing, and does the document stop part-way?
  const expected = EXPECTED[format];
  const missing = expected.filter((section) => !s.found.has(section));
  const lastFound = Math.max(...expected.map((section, i) => (s.found.has(section) ? i : -1)));
  const tailMissing = missing.length > 0 && missing.every((section) => expected.indexOf(section) > lastFound);
  const last = s.lastBlock?.text ?? "";
  const stopsMidSentence = last.length > 60 && !/[.!?:;)"'’”]$/.test(last);
  const truncated = tailMissing || stopsMidSentence;
  if (stopsMidSentence) warnings.push(`The document stops mid-sentence: “…${last.slice(-50)}”.`);
  for (const section of missing) {
    warnings.push(`The document has no ${SECTION_NAMES[section]} section; it is unknown, not empty.`);
  }

  const themeName = s.title;
  const label = s.lastUpdated?.label ?? s.stateOfPlayTitle ?? "Imported";
  if (!s.lastUpdated && format === "2024") {
    warnings.push("The page gives no date: set the edition's “last updated” date before publishing.");
  }

  const draft: EditionDocument = {
    format: EDITION_DOCUMENT_FORMAT,
    theme: themeName ? slugify(themeName) : "",
    layout: format === "2024" ? "ambitions" : "outcomes",
    label,
    lastUpdated: s.lastUpdated?.date ?? null,
    status: "draft",
    introduction: paragraphs(s.blocks.get("introduction")).join("\n\n"),
    stateOfPlayTitle:
      s.stateOfPlayTitle ?? (format === "2024" ? "Scotland in 2024" : "Where is Scotland now?"),
    stateOfPlay: paragraphs(s.blocks.get("stateOfPlay")).join("\n\n"),
    ambitionSummary,
    routeMapIntro,
    outcomes,
    actions: actions.items.map((text, i) => ({
      text,
      children: (subItems[i]?.items ?? []).map((child) => ({ text: child })),
    })),
    milestones,
    sectors,
    helping: helping.items,
    whatMatters: whatMatters.items,
    mappings,
  };
  return {
    kind: "route-map",
    format,
    themeName,
    draft,
    emptyMilestoneYears: s.emptyMilestoneYears,
    warnings,
    missing,
    truncated,
  };
}
