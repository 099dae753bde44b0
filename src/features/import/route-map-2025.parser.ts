import type { RouteMapLayout } from "./route-map-page.types.ts";

// The December 2025 outcome-based layout: "Route map: <theme>", "This route map was last updated
// in…", "Where is Scotland now?", outcomes, and a route map whose opening paragraphs may be
// context (what is helping) rather than actions.

/**
 * Does this paragraph read as an action ("X will…", "X to convene…", "Explore…") rather than
 * context? Quotations and reported facts are context.
 */
export function readsAsAction(text: string): boolean {
  if (/^[‘'“"]/.test(text)) return false;
  if (/\bwill\b/i.test(text)) return true;
  if (/^[A-Z][^.,;:!?]{0,160}?\s(to)\s(?!the\b|a\b|an\b|be\b)[a-z]+/.test(text)) return true;
  return /^(explore|develop|review|ensure|establish|create|build|support|convene|deliver|agree|publish|consider|work)\b/i.test(
    text,
  );
}

export const LAYOUT_2025: RouteMapLayout = {
  format: "2025",
  editionLayout: "outcomes",
  expected: ["title", "introduction", "stateOfPlay", "ambitions", "routeMap", "sectors", "whatMatters"],
  stateOfPlayTitle: "Where is Scotland now?",
  warnWhenUndated: false,
  readOutcome: (text) => ({ text, pageRefs: "" }),
  // Paragraphs before the first action that do not read as actions are context.
  classify: (block, _index, _count, seenAction) =>
    !seenAction && !readsAsAction(block.text) ? "context" : "action",
};
