import type { Block, PageSection, RouteMapFormat } from "./route-map-page.types.ts";
import { clip, findHeading, fold, isNoise, sameHeading, toBlock } from "./route-map-text.parser.ts";

// Splits the lines of a page into its sections, and counts the signs of each layout as it goes.

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

const TITLE_2025 = /^route\s*map\s*[:\-–—]\s*(.{1,120})$/i;
const STATE_2024 = /^scotland in (20\d\d)$/i;
const LAST_UPDATED = /^this route map was last updated in ([a-z]+)\s+(\d{4})\b/i;
const SECTORS_INLINE = /^who needs to work on this\s*:\s*(.+)$/i;

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
    if (isNoise(line)) continue;
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
      } else {
        warnings.push(`Text outside any route-map section was left out: “${clip(line)}”.`);
      }
      continue;
    }
    s.blocks.get(current)!.push(block);
  }
  return s;
}
