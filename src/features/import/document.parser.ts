import { DocumentRefusedError, documentText, readDocumentInput } from "./document-input.ts";
import { looksLikeMinutes, type MinutesResult, readMinutes } from "./minutes.parser.ts";
import { lines, splitMinutes } from "./minutes-sections.parser.ts";
import {
  looksLikeProgressUpdate,
  type ProgressUpdateResult,
  readProgressUpdate,
} from "./progress-update.parser.ts";
import { parseRouteMapPage, type RouteMapPageResult } from "./route-map-page.parser.ts";

// Recognises which kind of document this is (a route-map page, minutes, or a progress update)
// and reads it with that kind's parser. Pure; throws only DocumentRefusedError: too large,
// binary, or recognised as none of the three.

export type ParsedDocument = RouteMapPageResult | MinutesResult | ProgressUpdateResult;
export type DocumentKind = ParsedDocument["kind"];

export const NOT_RECOGNISED =
  "This document was not recognised as a route map, minutes or progress update. Check that it is the text of one of those pages (saved as text or as a web page).";

export function parseDocument(input: string | Uint8Array): ParsedDocument {
  const raw = readDocumentInput(input, "a route map, minutes or progress update");
  // A route map's headings are the most particular, so it is tried first. It reads a saved web
  // page itself, keeping the numbers of numbered lists.
  try {
    return parseRouteMapPage(raw);
  } catch (error) {
    if (!(error instanceof DocumentRefusedError)) throw error;
  }
  const all = lines(documentText(raw, "a route map, minutes or progress update"));
  const parts = splitMinutes(all);
  if (looksLikeMinutes(parts)) return readMinutes(parts);
  if (looksLikeProgressUpdate(all)) return readProgressUpdate(all);
  throw new DocumentRefusedError(NOT_RECOGNISED);
}
