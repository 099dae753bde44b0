import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import JSZip from "jszip";
import type { Session } from "./http.ts";

// Uploading files in tests as a browser does (a multipart form with the CSRF token as a field),
// and small real files of each kind Waymark accepts (platform/uploads.ts).

export interface FilePart {
  field: string;
  fileName: string;
  content: Uint8Array;
  /** What the browser claims; Waymark judges by content, so tests may lie here. */
  mediaType?: string;
}

/** The body and content type of a multipart form: text fields first, then the file. */
export function multipartBody(fields: Record<string, string>, files?: FilePart | FilePart[]) {
  const boundary = `----waymark-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files === undefined ? [] : Array.isArray(files) ? files : [files]) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.mediaType ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(parts) };
}

/** Posts a multipart form with the session's cookies and CSRF token (leave `csrf` out with `withoutCsrf`). */
export function postMultipart(
  app: FastifyInstance,
  session: Session,
  url: string,
  fields: Record<string, string>,
  file?: FilePart | FilePart[],
  options: { withoutCsrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body = multipartBody(options.withoutCsrf ? fields : { _csrf: session.csrf, ...fields }, file);
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: session.cookie, "content-type": body.contentType },
    payload: body.payload,
  });
}

const bytes = (...values: number[]) => new Uint8Array(values);
const concat = (...chunks: Uint8Array[]) => new Uint8Array(Buffer.concat(chunks));

/** A one-page PDF (enough for the header check and for a reader to open). */
export function pdfFile(text = "A paper"): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export const pngFile = (): Uint8Array =>
  concat(
    bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    bytes(0, 0, 0, 13),
    new TextEncoder().encode("IHDR"),
  );

export const jpegFile = (): Uint8Array => bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0);

/** A zip holding the named entries (as Office and OpenDocument files are). */
async function zipOf(
  entries: Array<[string, string]>,
  options: { storeFirst?: boolean } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [index, [name, content]] of entries.entries())
    zip.file(name, content, { compression: options.storeFirst && index === 0 ? "STORE" : "DEFLATE" });
  return zip.generateAsync({ type: "uint8array" });
}

/** The [Content_Types].xml of an Office Open XML package whose main part is `part`, of `type`. */
const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;
const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

export const docxFile = () =>
  zipOf([
    ["[Content_Types].xml", contentTypes("word/document.xml", WORD_MAIN)],
    ["word/document.xml", "<w:document/>"],
  ]);
export const xlsxFile = () =>
  zipOf([
    ["[Content_Types].xml", contentTypes("xl/workbook.xml", EXCEL_MAIN)],
    ["xl/workbook.xml", "<workbook/>"],
  ]);
/** A Word document that says it is a plain .docx but carries macros all the same. */
export const docmFile = () =>
  zipOf([
    ["[Content_Types].xml", contentTypes("word/document.xml", WORD_MAIN)],
    ["word/document.xml", "<w:document/>"],
    ["word/vbaProject.bin", "macro"],
  ]);
/** A macro-enabled Word document, saying so. */
export const macroEnabledDocFile = () =>
  zipOf([
    [
      "[Content_Types].xml",
      contentTypes("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    ],
    ["word/document.xml", "<w:document/>"],
    ["word/vbaProject.bin", "macro"],
  ]);
export const odtFile = () =>
  zipOf(
    [
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      ["content.xml", "<office:document-content/>"],
    ],
    { storeFirst: true },
  );
export const odsFile = () =>
  zipOf(
    [
      ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
      ["content.xml", "<office:document-content/>"],
    ],
    { storeFirst: true },
  );
export const plainZip = () => zipOf([["notes.txt", "hello"]]);
