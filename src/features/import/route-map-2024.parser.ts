import type { Block, RouteMapLayout } from "./route-map-page.types.ts";
import { clip } from "./route-map-text.parser.ts";

// The June 2024 narrative layout: "Scotland in 2024", 2030 ambitions with page references to the
// Promise report, a route map opened by one introductory paragraph, "What is helping?",
// "Who must act?", and the mapping table.

// "(Pg 17)", "(Pgs 50-51)", and as a person might type them, "(page 88)", "(p. 44)", "(pp. 45-46)".
const PAGE_REF = /\s*\(((?:pgs?|pages?|pp?)\.?\s*\d[\d\s,;&–-]*(?:and\s*\d+)?)\)(\.?)/gi;

/** "… families (Pg 17)." → text without the reference, and "Pg 17". */
function splitPageRefs(text: string): { text: string; pageRefs: string } {
  const refs: string[] = [];
  const clean = text.replace(PAGE_REF, (_match, ref: string, dot: string, offset: number, whole: string) => {
    refs.push(
      ref
        .replace(/^(pgs?|pages?|pp?)\.?\s*/i, "Pg ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    return whole[offset - 1] === "." ? "" : dot;
  });
  return { text: clean.replace(/\s+/g, " ").trim(), pageRefs: refs.join("; ") };
}

export const LAYOUT_2024: RouteMapLayout = {
  format: "2024",
  editionLayout: "ambitions",
  expected: ["title", "stateOfPlay", "ambitions", "routeMap", "helping", "sectors", "whatMatters", "mapping"],
  stateOfPlayTitle: "Scotland in 2024",
  warnWhenUndated: true,
  readOutcome: splitPageRefs,
  // The first paragraph introduces the route map, unless it is all there is.
  classify: (_block, index, count) => (index === 0 && count > 1 ? "intro" : "action"),
};

interface Mappings {
  promise_report: string[];
  plan_21_24: string[];
  uncrc: string[];
  shanarri: string[];
}

// GIRFEC's eight wellbeing indicators: the table's last column can hold nothing else.
const SHANARRI = [
  "Safe",
  "Healthy",
  "Achieving",
  "Nurtured",
  "Active",
  "Respected",
  "Responsible",
  "Included",
];

/** "safe" → "Safe"; null when the text is no wellbeing indicator (a word cut off, a stray line). */
function indicator(text: string): string | null {
  const word = text.replace(/[^A-Za-z]/g, "").toLowerCase();
  return SHANARRI.find((s) => s.toLowerCase() === word) ?? null;
}

/**
 * The mapping table, as the text of the page lays it out (see the June 2024 seed). Read whichever
 * layout the page is judged to be, since the table's heading may appear on either.
 */
export function readMappings(blocks: Block[], warnings: string[]): Mappings & { complete: boolean } {
  const m: Mappings = { promise_report: [], plan_21_24: [], uncrc: [], shanarri: [] };
  // Whether the table reached its UNCRC and GIRFEC columns and its last line was understood.
  let lastUnderstood = true;
  const addIndicators = (text: string) => {
    for (const part of text.split(/[,;]/).filter((p) => p.trim())) {
      const found = indicator(part);
      lastUnderstood = found !== null;
      if (found) m.shanarri.push(found);
      else
        warnings.push(
          `A GIRFEC wellbeing indicator in the mapping table was not understood: “${clip(part.trim())}”.`,
        );
    }
  };
  let column: "plan_21_24" | "shanarri" | null = null;
  for (const { text } of blocks) {
    lastUnderstood = true;
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
      if (articles[2]!.trim()) addIndicators(articles[2]!);
      column = "shanarri";
      continue;
    }
    if (column === "shanarri") addIndicators(text);
    else if (column) m[column].push(text);
    else {
      lastUnderstood = false;
      warnings.push(`A line of the mapping table was not understood: “${clip(text)}”.`);
    }
  }
  return { ...m, complete: lastUnderstood && m.uncrc.length > 0 && m.shanarri.length > 0 };
}
