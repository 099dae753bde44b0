import { IMAGE_TEXT } from "./html-to-text.ts";
import type { Block, PageSection, RouteMapFormat } from "./route-map-page.types.ts";
import { clip, findHeading, fold, isNoise, sameHeading, toRouteMapBlock } from "./route-map-text.parser.ts";

// Splits the lines of a page into its sections, and counts the signs of each layout as it goes.

export const NO_MILESTONES = /^there are no milestones identified for this year( yet)?\b/i;
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

const TITLE_2025 = /^route\s*map\s*[:\-–—]\s*(.{1,120})$/i;
const STATE_2024 = /^scotland in (20\d\d)\s*[:.]?$/i;
// "This route map was last updated in December 2025", "… on 12 March 2026", "Last updated: May 2026".
const LAST_UPDATED =
  /^(?:this route map was )?last updated\s*(?:in|on|:)?\s*(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+),?\s+(\d{4})\b/i;
// "Who needs to work on this: A, B", or "Who must act? A, B" (a bold heading run into its text).
const SECTORS_INLINE = /^(?:who needs to work on this|who (?:must|needs to) act)\s*[:?]\s*(.+)$/i;
// A heading ending "?" or ":" with its paragraph on the same line.
const RUN_IN_HEADING = /^(.{3,90}?[?:])\s+(\S.*)$/;
/** A heading inside the route map that opens its milestones. */
export const MILESTONES_HEADING = /^(key )?milestones\s*:?$/i;
// Headings of what a site prints around a route map; what they head is no part of it.
const OTHER_HEADING =
  /^(related (resources|links|route maps|content|pages|themes)|resources|downloads?|further (reading|information)|useful links|see also|you (may|might) also (like|be interested in)|share this( page)?|in this section|on this page|contents)\s*:?$/i;

function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
}

export interface Sections {
  title: string | null;
  blocks: Map<PageSection, Block[]>;
  found: Set<PageSection>;
  lastUpdated: { label: string; date: string | null } | null;
  stateOfPlayTitle: string | null;
  emptyMilestoneYears: number;
  /** Signs of each layout seen: its own headings, title and dates. */
  votes: Record<RouteMapFormat, number>;
  lastBlock: Block | null;
  /** The section the last block is in. */
  lastSection: PageSection | null;
}

export function splitSections(lines: string[], warnings: string[]): Sections {
  const s: Sections = {
    title: null,
    blocks: new Map(),
    found: new Set(),
    lastUpdated: null,
    stateOfPlayTitle: null,
    emptyMilestoneYears: 0,
    votes: { "2024": 0, "2025": 0 },
    lastBlock: null,
    lastSection: null,
  };
  let current: PageSection | "other" | null = null;
  let titleGuessed = false;
  const enter = (section: PageSection) => {
    if (s.found.has(section) && s.blocks.get(section)!.length > 0) {
      // A repeated heading (the pages print "Where does Scotland need to be by 2030?" twice)
      // neither starts the section again nor ends the one we are in.
      return;
    }
    // A heading seen before with nothing under it was a contents list's ("On this page"): the
    // section starts here.
    s.found.add(section);
    s.blocks.set(section, []);
    current = section;
  };

  for (const line of lines) {
    if (isNoise(line)) continue;
    if (line.startsWith(IMAGE_TEXT)) {
      // A saved page's pictures: under who must act they name the sectors; elsewhere, decoration.
      const name = line
        .slice(IMAGE_TEXT.length)
        .replace(/\s+(icon|logo|image|picture)$/i, "")
        .trim();
      if ((current as PageSection | "other" | null) === "sectors" && name)
        s.blocks.get("sectors")!.push({ text: name, bullet: false });
      continue;
    }
    if (s.title !== null && fold(line) === fold(s.title)) continue; // the theme name, repeated as a banner

    const title = TITLE_2025.exec(line);
    if (title && (s.title === null || titleGuessed)) {
      // "Route map: Care" names the theme, whatever short line came first (a banner, a breadcrumb).
      if (titleGuessed)
        warnings.push(`Text outside any route-map section was left out: “${clip(s.title!)}”.`);
      titleGuessed = false;
      s.title = title[1]!.trim();
      s.found.add("title");
      s.votes["2025"] += 2;
      continue;
    }
    const updated = LAST_UPDATED.exec(line);
    if (updated && !s.found.has("introduction")) {
      enter("introduction");
      const [, day, monthName, year] = updated as unknown as [string, string | undefined, string, string];
      const month = MONTHS.indexOf(monthName.toLowerCase());
      const label = `${monthName.charAt(0).toUpperCase()}${monthName.slice(1).toLowerCase()} ${year}`;
      const date = `${year}-${String(month + 1).padStart(2, "0")}-${String(Number(day ?? 1)).padStart(2, "0")}`;
      s.lastUpdated = {
        label: month >= 0 ? label : year,
        date: month >= 0 && isCalendarDate(date) ? date : null,
      };
      if (!s.lastUpdated.date) {
        warnings.push(
          `The page's date is no calendar date: “${clip(line)}”. Set the edition's date by hand.`,
        );
      }
      s.votes["2025"] += 2;
      s.blocks.get("introduction")!.push({ text: line, bullet: false });
      current = null;
      continue;
    }
    const state = STATE_2024.exec(line) ?? (sameHeading(line, "Scotland in 2024") ? [line, "2024"] : null);
    if (state && !(s.blocks.get("stateOfPlay")?.length ?? 0)) {
      enter("stateOfPlay");
      s.stateOfPlayTitle = `Scotland in ${state[1]}`;
      s.votes["2024"] += 2;
      continue;
    }
    const heading = findHeading(line);
    // In the mapping table, "What matters to children and families" is a priority area.
    if (
      heading &&
      !((current as PageSection | "other" | null) === "mapping" && s.found.has(heading.section))
    ) {
      if (heading.format) s.votes[heading.format] += 1;
      if (heading.section === "stateOfPlay") s.stateOfPlayTitle ??= "Where is Scotland now?";
      enter(heading.section);
      continue;
    }
    // "Who needs to work on this: A, B" may carry its list on the same line.
    const inline = SECTORS_INLINE.exec(line);
    if (inline && !s.found.has("sectors")) {
      s.votes["2025"] += 1;
      enter("sectors");
      s.blocks.get("sectors")!.push({ text: inline[1]!, bullet: false });
      continue;
    }
    // Any other heading run into its paragraph: "<strong>What is helping?</strong> The fund…".
    const runIn = RUN_IN_HEADING.exec(line);
    const runInHeading = runIn ? findHeading(runIn[1]!) : undefined;
    if (runIn && runInHeading && !s.found.has(runInHeading.section)) {
      if (runInHeading.format) s.votes[runInHeading.format] += 1;
      if (runInHeading.section === "stateOfPlay") s.stateOfPlayTitle ??= "Where is Scotland now?";
      enter(runInHeading.section);
      s.blocks.get(runInHeading.section)!.push(toRouteMapBlock(runIn[2]!));
      s.lastSection = runInHeading.section;
      continue;
    }
    if (OTHER_HEADING.test(line)) {
      current = "other";
      continue;
    }
    if (MILESTONES_HEADING.test(line) && s.found.has("routeMap")) {
      // The milestones belong to the route map, wherever the page puts their heading.
      current = "routeMap";
      s.blocks.get("routeMap")!.push({ text: line, bullet: false });
      continue;
    }
    if (NO_MILESTONES.test(line)) {
      s.emptyMilestoneYears++;
      s.votes["2025"] += 1;
      // Kept in the route map, so the year it is under is known to be empty.
      if (current === "routeMap") s.blocks.get("routeMap")!.push({ text: line, bullet: false });
      continue;
    }
    const block = toRouteMapBlock(line);
    s.lastBlock = block;
    if (current === "other") {
      warnings.push(`Text under a heading that is no part of a route map was left out: “${clip(line)}”.`);
      continue;
    }
    if (current === null) {
      if (s.title === null && s.found.size === 0 && line.length <= 120 && !block.bullet) {
        s.title = line;
        titleGuessed = true;
        s.found.add("title");
      } else {
        warnings.push(`Text outside any route-map section was left out: “${clip(line)}”.`);
      }
      continue;
    }
    s.blocks.get(current)!.push(block);
    s.lastSection = current;
  }
  return s;
}
