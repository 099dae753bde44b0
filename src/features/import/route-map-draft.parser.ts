import { EDITION_DOCUMENT_FORMAT, type EditionDocument } from "../route-maps/edition-document.ts";
import { MILESTONE_YEARS } from "../route-maps/route-map.types.ts";
import { readMappings } from "./route-map-2024.parser.ts";
import { readsAsAction } from "./route-map-2025.parser.ts";
import type { PageSection, RouteMapLayout, RouteMapPageResult } from "./route-map-page.types.ts";
import { MILESTONES_HEADING, NO_MILESTONES, type Sections } from "./route-map-sections.parser.ts";
import { clip, OnceList, paragraphs } from "./route-map-text.parser.ts";

// Turns the sections of a page into a draft edition, the layout deciding what differs; says what
// could not be read, which sections are missing, and whether the page looks cut off.

const SECTION_NAMES: Record<PageSection, string> = {
  title: "title",
  introduction: "“This route map was last updated…”",
  stateOfPlay: "state-of-play",
  ambitions: "“Where does Scotland need to be by 2030?”",
  routeMap: "“The route map to get there”",
  helping: "“What is helping?”",
  sectors: "“who must act”",
  whatMatters: "“what matters to children and families”",
  mapping: "mapping table",
};

/** Sections whose every paragraph is a sentence, so their last line shows whether the page was cut. */
const SENTENCE_SECTIONS = new Set<PageSection>(["stateOfPlay", "helping", "whatMatters"]);

// What introduces the outcomes ("The outcome in Leadership is:") or the 2030 ambitions ("This means:").
const OUTCOME_INTRO = /^(the outcomes? (in|for|of) .{1,120}?\b(is|are)|this means)\s*:?$/i;

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Where does Scotland need to be by 2030? A summary, then the outcomes or ambitions (bullets). */
function readAmbitions(s: Sections, layout: RouteMapLayout, warnings: string[]) {
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
  const outcomes: EditionDocument["outcomes"] = [];
  for (const t of outcomeTexts.items) {
    const { text: clean, pageRefs } = layout.readOutcome(t);
    if (clean) outcomes.push({ text: clean, pageRefs });
  }
  if (s.found.has("ambitions") && outcomes.length === 0) {
    warnings.push(
      "No outcomes or 2030 ambitions were found under “Where does Scotland need to be by 2030?”.",
    );
  }
  return { ambitionSummary: summary.join("\n\n"), outcomes };
}

// A milestone year as a heading: "2026", "By 2027", "2026:", or a span "2025-26" (read as the
// year it ends, when its milestones are due).
const YEAR_HEADING =
  /^(?:(?:by|in|during)\s+(?:the end of\s+)?)?(20\d\d)(?:\s*[-–—/]\s*((?:20)?\d\d))?\s*:?$/i;
// "2026 2027 2028": the years of a table of milestones, its columns lost when it became text.
const YEARS_IN_A_ROW = /^20\d\d(\s+20\d\d)+$/;
// "2026: Guide published." under the milestones heading: a year and its milestone on one line.
const YEAR_AND_MILESTONE = /^(20\d\d)\s*[:–—-]\s+(\S.*)$/;

/** The year a year heading names, or null if the line is none; a span warns which year it became. */
function yearHeading(text: string, warnings: string[]): number | null {
  const m = YEAR_HEADING.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  if (!m[2]) return start;
  const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (end !== start + 1) return start;
  warnings.push(`Milestones headed “${text}” were put under ${end}, the year that span ends: check them.`);
  return end;
}

/** The route map to get there: context, then actions with their sub-items (bullets), then milestones. */
function readRouteMap(s: Sections, layout: RouteMapLayout, helping: OnceList, warnings: string[]) {
  const actions = new OnceList(warnings);
  const subItems: OnceList[] = [];
  const milestones: EditionDocument["milestones"] = [];
  let routeMapIntro = "";
  let year: number | null = null;
  let inMilestones = false;
  let yearSeen = false;
  let seenAction = false;
  // Whether the last action was an item of a list: then its sub-items are marked as such, and a
  // plain list item after it is the next action.
  let lastActionListed: "numbered" | "bullet" | null = null;
  let contextParagraphs = 0;
  // The last paragraph was context ending "…include:", so a list after it is context too.
  let contextList = false;
  const routeBlocks = s.blocks.get("routeMap") ?? [];
  const addAction = (text: string, listed: typeof lastActionListed) => {
    seenAction = true;
    lastActionListed = listed;
    if (actions.add(text, "the route map's actions")) subItems.push(new OnceList(warnings));
  };
  // Milestones read under the year being read; a year headed with none under it is said so.
  let yearCount = 0;
  let yearText = "";
  const endYear = () => {
    if (yearText && yearCount === 0) {
      warnings.push(`The milestone year “${yearText}” has no milestones under it; it is left empty.`);
    }
  };
  const setYear = (y: number, text: string) => {
    endYear();
    yearText = text;
    yearCount = 0;
    inMilestones = true;
    yearSeen = true;
    year = (MILESTONE_YEARS as readonly number[]).includes(y) ? y : null;
    if (year === null) warnings.push(`Milestones for ${y} were left out: milestones run from 2025 to 2030.`);
  };
  routeBlocks.forEach((block, index) => {
    if (NO_MILESTONES.test(block.text)) {
      yearCount++; // said to have none: counted as emptyMilestoneYears
      return;
    }
    if (!block.bullet && MILESTONES_HEADING.test(block.text)) {
      inMilestones = true;
      return;
    }
    if (!block.bullet && YEARS_IN_A_ROW.test(block.text)) {
      // Which milestone is under which year cannot be told: say so rather than guess.
      warnings.push(
        `Milestones laid out side by side under the years “${block.text}” could not be read: add them by hand.`,
      );
      inMilestones = true;
      yearSeen = true;
      year = null;
      yearText = "";
      return;
    }
    const y = block.bullet ? null : yearHeading(block.text, warnings);
    if (y !== null) {
      setYear(y, block.text);
      return;
    }
    const inline = inMilestones ? YEAR_AND_MILESTONE.exec(block.text) : null;
    if (inline) {
      if (Number(inline[1]) !== year || !yearText) setYear(Number(inline[1]), inline[1]!);
      yearCount++;
      if (year !== null) milestones.push({ year, text: inline[2]!.trim() });
      return;
    }
    if (inMilestones) {
      yearCount++;
      if (year !== null) milestones.push({ year, text: block.text });
      else if (!yearSeen) warnings.push(`A milestone with no year was left out: “${clip(block.text)}”.`);
      return;
    }
    if (block.list === "numbered") {
      addAction(block.text, "numbered");
      return;
    }
    if (block.bullet && contextList && !seenAction) {
      helping.add(block.text, "the route map's context");
      return;
    }
    if (block.bullet) {
      const parent = subItems.at(-1);
      // A sub-item belongs to the action above; a plain item is one too, unless the actions
      // themselves are a plain list. An item with no action above starts the actions.
      if (parent && (block.list === "nested" || lastActionListed !== "bullet")) {
        parent.add(block.text, "the route map's sub-items");
      } else addAction(block.text, "bullet");
      return;
    }
    // An action ending "…include:" whose list lost its bullets (copied from a browser): the lines
    // after it that are questions or do not read as actions are its items.
    const lastAction = actions.items.at(-1);
    const item = /\?$/.test(block.text) || !readsAsAction(block.text);
    if (lastActionListed === null && lastAction?.endsWith(":") && item) {
      subItems.at(-1)!.add(block.text, "the route map's sub-items");
      return;
    }
    const kind = layout.classify(block, index, routeBlocks.length, seenAction);
    if (kind === "intro") {
      routeMapIntro = block.text;
      return;
    }
    if (kind === "context") {
      if (helping.add(block.text, "the route map's context")) contextParagraphs++;
      contextList = block.text.endsWith(":");
      return;
    }
    addAction(block.text, null);
  });
  endYear();
  if (contextParagraphs > 0) {
    warnings.push(
      `${contextParagraphs} paragraph(s) before the first action were read as context (what is helping), not actions: check them.`,
    );
  }
  return {
    routeMapIntro,
    actions: actions.items.map((text, i) => ({
      text,
      children: (subItems[i]?.items ?? []).map((child) => ({ text: child })),
    })),
    milestones,
  };
}

function readSectors(s: Sections, warnings: string[]): string[] {
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
  return sectors;
}

/** The sections this layout has that the page lacks, and whether the page stops part-way. */
function checkComplete(s: Sections, layout: RouteMapLayout, warnings: string[]) {
  const expected = layout.expected;
  const missing = expected.filter((section) => !s.found.has(section));
  const lastFound = Math.max(...expected.map((section, i) => (s.found.has(section) ? i : -1)));
  // Sections missing from the end suggest the page was cut off; but the mapping table, last on
  // the page, is one some pages never print, so its absence alone says nothing.
  const tailMissing =
    missing.some((section) => section !== "mapping") &&
    missing.every((section) => expected.indexOf(section) > lastFound);
  const last = s.lastBlock?.text ?? "";
  // A long line, or a line of a section written in sentences, that ends without a sentence's end.
  const inSentences =
    s.lastSection !== null &&
    SENTENCE_SECTIONS.has(s.lastSection) &&
    s.blocks.get(s.lastSection)?.at(-1) === s.lastBlock &&
    last.split(/\s+/).length >= 4;
  const stopsMidSentence = (last.length > 60 || inSentences) && !/[.!?:;)"'’”]$/.test(last);
  if (stopsMidSentence) warnings.push(`The document stops mid-sentence: “…${last.slice(-50)}”.`);
  for (const section of missing) {
    warnings.push(`The document has no ${SECTION_NAMES[section]} section; it is unknown, not empty.`);
  }
  return { missing, truncated: tailMissing || stopsMidSentence };
}

export function readDraft(s: Sections, layout: RouteMapLayout, warnings: string[]): RouteMapPageResult {
  const helping = new OnceList(warnings);
  const whatMatters = new OnceList(warnings);
  const { ambitionSummary, outcomes } = readAmbitions(s, layout, warnings);
  const { routeMapIntro, actions, milestones } = readRouteMap(s, layout, helping, warnings);
  for (const t of paragraphs(s.blocks.get("helping"))) helping.add(t, "“What is helping?”");
  for (const t of paragraphs(s.blocks.get("whatMatters"))) whatMatters.add(t, "what matters");
  const sectors = readSectors(s, warnings);
  const { complete: mappingComplete, ...mappings } = readMappings(s.blocks.get("mapping") ?? [], warnings);
  if (s.emptyMilestoneYears > 0) {
    warnings.push(
      `${s.emptyMilestoneYears} milestone year(s) say no milestones are identified yet; they are left empty.`,
    );
  }
  const { missing, truncated: cutOff } = checkComplete(s, layout, warnings);
  // The table has no sentences to stop mid-way; a table that ends the page without its UNCRC
  // and GIRFEC columns, or on a line that is none of them, was cut off.
  const tableCut = s.lastSection === "mapping" && !mappingComplete;
  if (tableCut) warnings.push("The document stops part-way through the mapping table.");
  const truncated = cutOff || tableCut;
  if (!s.lastUpdated && layout.warnWhenUndated) {
    warnings.push("The page gives no date: set the edition's “last updated” date before publishing.");
  }

  const themeName = s.title;
  const draft: EditionDocument = {
    format: EDITION_DOCUMENT_FORMAT,
    theme: themeName ? slugify(themeName) : "",
    layout: layout.editionLayout,
    label: s.lastUpdated?.label ?? s.stateOfPlayTitle ?? "Imported",
    lastUpdated: s.lastUpdated?.date ?? null,
    status: "draft",
    introduction: paragraphs(s.blocks.get("introduction")).join("\n\n"),
    stateOfPlayTitle: s.stateOfPlayTitle ?? layout.stateOfPlayTitle,
    stateOfPlay: paragraphs(s.blocks.get("stateOfPlay")).join("\n\n"),
    ambitionSummary,
    routeMapIntro,
    outcomes,
    actions,
    milestones,
    sectors,
    helping: helping.items,
    whatMatters: whatMatters.items,
    mappings,
  };
  return {
    kind: "route-map",
    format: layout.format,
    themeName,
    draft,
    emptyMilestoneYears: s.emptyMilestoneYears,
    warnings,
    missing,
    truncated,
  };
}
