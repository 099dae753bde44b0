import { EDITION_DOCUMENT_FORMAT, type EditionDocument } from "../route-maps/edition-document.ts";
import { MILESTONE_YEARS } from "../route-maps/route-map.types.ts";
import { readMappings } from "./route-map-2024.parser.ts";
import type { PageSection, RouteMapLayout, RouteMapPageResult } from "./route-map-page.types.ts";
import type { Sections } from "./route-map-sections.parser.ts";
import { clip, OnceList, paragraphs } from "./route-map-text.parser.ts";

// Turns the sections of a page into a draft edition, the layout deciding what differs; says what
// could not be read, which sections are missing, and whether the page looks cut off.

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

const OUTCOME_INTRO = /^the outcomes? (in|for|of) .{1,120}?\b(is|are)\s*:?$/i;

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

/** The route map to get there: context, then actions with their sub-items (bullets), then milestones. */
function readRouteMap(s: Sections, layout: RouteMapLayout, helping: OnceList, warnings: string[]) {
  const actions = new OnceList(warnings);
  const subItems: OnceList[] = [];
  const milestones: EditionDocument["milestones"] = [];
  let routeMapIntro = "";
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
    const kind = layout.classify(block, index, routeBlocks.length, seenAction);
    if (kind === "intro") {
      routeMapIntro = block.text;
      return;
    }
    if (kind === "context") {
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
  const tailMissing = missing.length > 0 && missing.every((section) => expected.indexOf(section) > lastFound);
  const last = s.lastBlock?.text ?? "";
  const stopsMidSentence = last.length > 60 && !/[.!?:;)"'’”]$/.test(last);
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
  const mappings = readMappings(s.blocks.get("mapping") ?? [], warnings);
  if (s.emptyMilestoneYears > 0) {
    warnings.push(
      `${s.emptyMilestoneYears} milestone year(s) say no milestones are identified yet; they are left empty.`,
    );
  }
  const { missing, truncated } = checkComplete(s, layout, warnings);
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
