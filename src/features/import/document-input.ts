import { ValidationError } from "../../platform/errors.ts";
import { htmlToText, looksLikeHtml } from "./html-to-text.ts";

// What every importer does first: refuse what cannot be a document (too large, binary), decode
// the bytes, and reduce a saved web page to its visible text. Pure; throws only DocumentRefusedError.

/** Larger than any real route-map page, minutes or progress update by far; bigger is refused unread. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** The one error the parsers throw: the document is refused, with a message saying why. */
export class DocumentRefusedError extends ValidationError {
  constructor(message: string) {
    super({ document: message }, message);
  }
}

/** Decodes bytes or text; refuses binary and over-large input. `what` names the document ("a route-map page"). */
export function readDocumentInput(input: string | Uint8Array, what: string): string {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new DocumentRefusedError(
      `This file is too large to be ${what} (${Math.ceil(size / 1024)} KB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB).`,
    );
  }
  const text = typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
  if (text.includes("\u0000")) {
    throw new DocumentRefusedError(
      `This file is not text (it contains binary data). Save ${what} as text or as a web page (HTML) and try again.`,
    );
  }
  return text.replace(/^\ufeff/, "");
}

/**
 * The visible text of the document: a saved web page is reduced to its text, plain text kept.
 * `numberedLists`: see htmlToText.
 */
export function documentText(
  input: string | Uint8Array,
  what: string,
  options?: { numberedLists?: boolean; imageText?: boolean },
): string {
  const text = readDocumentInput(input, what);
  return looksLikeHtml(text) ? htmlToText(text, options) : text;
}
