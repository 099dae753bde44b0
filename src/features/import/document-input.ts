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

/**
 * The text of a file as Windows and browsers save it: UTF-8; UTF-16 with its byte-order mark
 * (Notepad's "Unicode"); or, when the bytes are not UTF-8, Windows-1252 (Notepad's "ANSI"), whose
 * curly quotes and dashes would otherwise each become "�".
 */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
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
  const text = typeof input === "string" ? input : decode(input);
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
