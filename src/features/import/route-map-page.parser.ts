import { DocumentRefusedError, documentText } from "./document-input.ts";
import { LAYOUT_2024 } from "./route-map-2024.parser.ts";
import { LAYOUT_2025 } from "./route-map-2025.parser.ts";
import { readDraft } from "./route-map-draft.parser.ts";
import type { RouteMapPageResult } from "./route-map-page.types.ts";
import { splitSections } from "./route-map-sections.parser.ts";
import { toLines } from "./route-map-text.parser.ts";

export { DocumentRefusedError, MAX_DOCUMENT_BYTES } from "./document-input.ts";
export type { PageSection, RouteMapFormat, RouteMapPageResult } from "./route-map-page.types.ts";

// Reads the text of a published route-map page (saved as text, or as an HTML page) into a draft
// edition document. Pure: no database. Two page formats exist: the June 2024 narrative page
// (route-map-2024.parser.ts) and the December 2025 outcome-based page (route-map-2025.parser.ts).
// Real pages repeat paragraphs, carry navigation noise and are sometimes cut off; the parser keeps
// what it can read, says what it could not, and never reports a section it did not see as empty.
// It throws only DocumentRefusedError (document-input.ts).

/**
 * Reads a route-map page (text or a saved HTML page) into a draft edition document, with
 * warnings, the sections it lacks, and whether it looks cut off. Throws DocumentRefusedError for
 * input that is too large, binary, or not a route map; never anything else.
 */
export function parseRouteMapPage(input: string | Uint8Array): RouteMapPageResult {
  const text = documentText(input, "a route-map page", { numberedLists: true, imageText: true });
  const warnings: string[] = [];
  const sections = splitSections(toLines(text), warnings);

  const distinct = [...sections.found].filter((f) => f !== "title" && f !== "introduction");
  if (distinct.length < 2 || !(sections.found.has("ambitions") || sections.found.has("routeMap"))) {
    throw new DocumentRefusedError(
      "This document was not recognised as a route map: it has too few of a route map's headings, such as “Where does Scotland need to be by 2030?” and “The route map to get there”.",
    );
  }
  // The layout with more of its own signs wins; a tie is the older layout.
  const layout = sections.votes["2025"] > sections.votes["2024"] ? LAYOUT_2025 : LAYOUT_2024;
  return readDraft(sections, layout, warnings);
}
