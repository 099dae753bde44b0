import multipart from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { DomainError, ValidationError } from "./errors.ts";
import { ZipUnreadableError, zipEntries } from "./zip-archive.ts";

// Files people upload and Waymark hands back (papers, evidence): one file read from a multipart
// form, its kind judged by its content (never by its name or the browser's word: the file-type
// library reads the bytes, zips included, and plain text is checked here), its name cleaned,
// and its download sent so that no browser runs it as part of Waymark.
//
// Use: in a scope of its own, `await registerUploads(scope)`, then in the route
// `readUploadedFile(request, "file", { label: "the paper" })`. The form carries `_csrf` as a field
// (csrfField) like any other form: the fields are read before the CSRF check runs.

/** 10 MB: a long PDF or a scanned paper, not a video. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type FileKind = "pdf" | "docx" | "xlsx" | "odt" | "ods" | "png" | "jpeg" | "text" | "csv";

interface KindInfo {
  mediaType: string;
  /** The first is the one a cleaned name gets; the others are accepted as they are. */
  extensions: readonly string[];
  /** In words, for messages. */
  name: string;
}

export const FILE_KINDS: Record<FileKind, KindInfo> = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"], name: "PDF" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    name: "Word document",
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    name: "Excel spreadsheet",
  },
  odt: {
    mediaType: "application/vnd.oasis.opendocument.text",
    extensions: ["odt"],
    name: "OpenDocument text",
  },
  ods: {
    mediaType: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: ["ods"],
    name: "OpenDocument spreadsheet",
  },
  png: { mediaType: "image/png", extensions: ["png"], name: "PNG image" },
  jpeg: { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], name: "JPEG image" },
  text: { mediaType: "text/plain; charset=utf-8", extensions: ["txt", "text", "md"], name: "plain text" },
  csv: { mediaType: "text/csv; charset=utf-8", extensions: ["csv"], name: "CSV file" },
};

/** For the form's hint and its file input's `accept`. */
export const ALLOWED_KINDS_IN_WORDS =
  "PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods), PNG, JPEG, plain text or CSV";
export const ACCEPT_ATTRIBUTE = ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt,.csv";

/** A file ready to store: what it is was decided here, from its content. */
export interface StoredFile {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

/** At most this many entries are read from an uploaded zip; real documents hold tens or hundreds. */
const MAX_ZIP_ENTRIES = 10_000;

// What file-type names each kind allowed; anything else it recognises is not one of ours (a
// macro-enabled docm or xlsm, a template, a zip, a program). An animated PNG is still a PNG.
const KIND_OF_DETECTED: Readonly<Record<string, FileKind>> = {
  pdf: "pdf",
  png: "png",
  apng: "png",
  jpg: "jpeg",
  docx: "docx",
  xlsx: "xlsx",
  odt: "odt",
  ods: "ods",
};

/**
 * Office Open XML files with macros keep them in vbaProject.bin: those are refused whatever type
 * their package declares (file-type already refuses the macro-enabled types, docm and xlsm).
 */
async function carriesMacros(bytes: Uint8Array): Promise<boolean> {
  try {
    const entries = await zipEntries(bytes, { maxEntries: MAX_ZIP_ENTRIES });
    return entries.some((entry) => entry.name.toLowerCase().endsWith("vbaproject.bin"));
  } catch (error) {
    if (error instanceof ZipUnreadableError) return true; // not a sound zip: refused like one with macros
    throw error;
  }
}

/** Text: valid UTF-8 with no control characters but tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? (match[1] as string).toLowerCase() : "";
}

/** What the bytes are, whatever the file is called; null when not one of the kinds allowed. */
export async function detectFileKind(bytes: Uint8Array, fileName = ""): Promise<FileKind | null> {
  if (bytes.length === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? KIND_OF_DETECTED[detected.ext] : undefined;
  if (kind === "docx" || kind === "xlsx") return (await carriesMacros(bytes)) ? null : kind;
  if (kind) return kind;
  // file-type knows binary formats, not text; text it calls XML or HTML is still text to keep.
  if (isPlainText(bytes)) return extensionOf(fileName) === "csv" ? "csv" : "text";
  return null;
}

/**
 * A name safe to store and to send back: no folders, no control or reserved characters, spaces
 * tidied, at most 120 characters, ending in an extension of its kind (added if missing or wrong).
 */
export function cleanFileName(fileName: string, kind: FileKind): string {
  const info = FILE_KINDS[kind];
  const base = fileName.split(/[\\/]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001F\u007F-\u009F<>:"|?*\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const extension = extensionOf(name);
  if (info.extensions.includes(extension)) name = name.slice(0, -(extension.length + 1)).trim();
  const stem = [...(name.replace(/[.\s]+$/, "") || "file")].slice(0, 110).join("").trim() || "file";
  return `${stem}.${info.extensions.includes(extension) ? extension : info.extensions[0]}`;
}

/** A size in words: "10 MB", "300 KB". */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file that is too large: the form again, naming the field, with 413. */
export class FileTooLargeError extends ValidationError {
  constructor(field: string, message: string) {
    super({ [field]: message }, message);
    (this as unknown as { status: number }).status = 413;
  }
}

/**
 * Checks one file (from a form, an importer, a test): not empty, not over the limit, one of the
 * kinds allowed by its content. Throws a ValidationError naming `field`; returns the file to store.
 */
export async function checkFile(
  file: { fileName: string; content: Uint8Array },
  options: { field: string; label: string; maxBytes?: number },
): Promise<StoredFile> {
  const max = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (file.content.length === 0)
    throw new ValidationError({ [options.field]: `The file for ${options.label} is empty` });
  if (file.content.length > max)
    throw new FileTooLargeError(
      options.field,
      `The file for ${options.label} must be ${sizeInWords(max)} or smaller`,
    );
  const kind = await detectFileKind(file.content, file.fileName);
  if (!kind)
    throw new ValidationError({
      [options.field]: `The file for ${options.label} must be a ${ALLOWED_KINDS_IN_WORDS}`,
    });
  return {
    fileName: cleanFileName(file.fileName, kind),
    mediaType: FILE_KINDS[kind].mediaType,
    content: file.content,
  };
}

interface ReceivedFile {
  fileName: string;
  data: Buffer;
  truncated: boolean;
}

const MULTIPART_LIMITS: Record<string, string> = {
  FST_FILES_LIMIT: "Send one file at a time.",
  FST_PARTS_LIMIT: "The form sent too many fields.",
  FST_FIELDS_LIMIT: "The form sent too many fields.",
  FST_REQ_FILE_TOO_LARGE: "The file is too large.",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "The form was not sent as a file upload.",
};

/** What a form that could not be read as multipart (cut short, no boundary, no parts) is told. */
const UNREADABLE =
  "The form arrived cut short or malformed, so it could not be read. Go back, choose the file again and send the form.";

/**
 * Lets the routes of `scope` (and only them) read multipart forms: fields as text on the body,
 * each file held in memory up to `maxBytes` (a larger one is marked, and refused by
 * readUploadedFile naming its field). A body that cannot be read as multipart at all is a 400
 * naming `field`, the form's file field. Register in a scope of its own:
 * `app.register(async (scope) => …)`.
 */
export async function registerUploads(
  scope: FastifyInstance,
  options: { maxBytes?: number; fields?: number; field?: string } = {},
): Promise<void> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  // The multipart reader throws whatever its parser throws (plain Errors: "Multipart: Boundary not
  // found", "Unexpected end of form"), which would be a 500. Hooks either side of its own
  // preValidation hook mark the requests whose body is being read, so that only its errors, not
  // those of the route or the database, are answered as a form that could not be read.
  const reading = new WeakSet<FastifyRequest>();
  scope.addHook("preValidation", async (request) => {
    reading.add(request);
  });
  await scope.register(multipart, {
    attachFieldsToBody: "keyValues",
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: options.fields ?? 20, parts: (options.fields ?? 20) + 1 },
    async onFile(part) {
      const data = await part.toBuffer();
      const file: ReceivedFile = { fileName: part.filename, data, truncated: part.file.truncated };
      (part as unknown as { value: ReceivedFile }).value = file;
    },
  });
  scope.addHook("preValidation", async (request) => {
    reading.delete(request);
  });
  // The multipart reader's own refusals, in words (the app's error handler answers them).
  scope.setErrorHandler((error: FastifyError, request) => {
    const message = error.code ? MULTIPART_LIMITS[error.code] : undefined;
    if (message) throw new DomainError("validation", error.statusCode ?? 400, message);
    if (reading.has(request) && !(error instanceof DomainError) && !error.statusCode)
      throw new ValidationError({ [options.field ?? "file"]: UNREADABLE }, UNREADABLE);
    throw error;
  });
}

/**
 * The file sent in `field`, checked (size, kind by content, name cleaned); undefined when none was
 * chosen and `required` is not set. Throws a ValidationError (or FileTooLargeError, 413) naming the field.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  field: string,
  options: { label: string; required?: boolean; maxBytes?: number },
): Promise<StoredFile | undefined> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const value = body[field];
  const received =
    value && typeof value === "object" && "data" in value && Buffer.isBuffer((value as ReceivedFile).data)
      ? (value as ReceivedFile)
      : undefined;
  if (!received || (received.data.length === 0 && !received.fileName)) {
    if (options.required) throw new ValidationError({ [field]: `Choose a file for ${options.label}` });
    return undefined;
  }
  // A browser always names the file it sends; content without a name did not come from the form.
  if (!received.fileName)
    throw new ValidationError({
      [field]: `The file for ${options.label} arrived without its name: choose it again`,
    });
  const max = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (received.truncated)
    throw new FileTooLargeError(
      field,
      `The file for ${options.label} must be ${sizeInWords(max)} or smaller`,
    );
  return checkFile(
    { fileName: received.fileName, content: new Uint8Array(received.data) },
    { field, label: options.label, maxBytes: max },
  );
}

const KNOWN_MEDIA_TYPES = new Set(Object.values(FILE_KINDS).map((k) => k.mediaType));

/** RFC 6266: a plain-ASCII fallback name, and the exact name as UTF-8 in filename*. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7E]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Answers with a stored file as a download: never shown inside Waymark (attachment), never
 * sniffed into something else (nosniff, the stored type or octet-stream), and sandboxed should a
 * browser open it anyway (a CSP that allows nothing). `cache`: "public" only for files anyone may read.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: StoredFile,
  options: { cache?: "public" | "private" } = {},
): FastifyReply {
  const mediaType = KNOWN_MEDIA_TYPES.has(file.mediaType) ? file.mediaType : "application/octet-stream";
  return reply
    .header("content-type", mediaType)
    .header("content-disposition", contentDisposition(file.fileName))
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("cross-origin-resource-policy", "same-origin")
    .header("cache-control", options.cache === "public" ? "public, max-age=60" : "private, no-store")
    .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
}
