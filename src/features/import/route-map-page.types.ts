import type { EditionDocument } from "../route-maps/edition-document.ts";

/** The two layouts of route-map page: June 2024 (narrative) and December 2025 (outcome-based). */
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

/** One line of the page: a paragraph, or an item of a list. */
export interface Block {
  text: string;
  bullet: boolean;
  /** Route-map pages only: an item of a numbered list, or a sub-item (lettered, indented, nested). */
  list?: "numbered" | "nested";
}

/** What a paragraph of “The route map to get there” is: its introduction, context, or an action. */
export type RouteMapParagraph = "intro" | "context" | "action";

/** What one layout does differently; the rest of the reading is shared (route-map-draft.parser.ts). */
export interface RouteMapLayout {
  format: RouteMapFormat;
  /** The draft edition's layout. */
  editionLayout: EditionDocument["layout"];
  /** The sections this layout prints, in order: the rest are reported missing. */
  expected: PageSection[];
  /** The state-of-play heading when the page gives none. */
  stateOfPlayTitle: string;
  /** Whether a page without “This route map was last updated…” should be dated by hand. */
  warnWhenUndated: boolean;
  /** An outcome's text and its page references ("Pg 17"), if the layout prints them. */
  readOutcome(text: string): { text: string; pageRefs: string };
  /**
   * A route-map paragraph that is not a year, milestone or list item: `index` is its place among
   * the section's `count` blocks, `seenAction` whether an action came before it.
   */
  classify(block: Block, index: number, count: number, seenAction: boolean): RouteMapParagraph;
}
