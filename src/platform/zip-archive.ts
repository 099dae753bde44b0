import type { Entry, ZipFile } from "yauzl";
import yauzl from "yauzl";

// Reading zip archives (Office and OpenDocument files are zips) with a maintained reader, yauzl:
// the entries as the central directory declares them, without inflating anything; and each
// entry inflated as a stream, a chunk at a time, refused as soon as it inflates past the size
// it declared (so a declared size can be trusted as a bound).

/** An entry as the archive's central directory declares it. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** The archive is not a zip, or not one that can be read soundly; or it holds too many entries. */
export class ZipUnreadableError extends Error {}

function open(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // lazyEntries: one entry at a time, when asked; validateEntrySizes (yauzl's default, said
  // here because the limits rely on it): an entry that inflates to more or less than it declared
  // is an error.
  return yauzl
    .fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true })
    .catch((error: unknown) => {
      throw new ZipUnreadableError(error instanceof Error ? error.message : String(error));
    });
}

const entryOf = (entry: Entry): ZipEntry => ({
  name: entry.fileName,
  compressedSize: entry.compressedSize,
  uncompressedSize: entry.uncompressedSize,
});

/**
 * Visits each entry in turn; `visit` may return a promise (the next entry waits for it). Throws
 * ZipUnreadableError when the archive is not sound or declares more than `maxEntries` entries.
 */
async function eachEntry(
  bytes: Uint8Array,
  maxEntries: number,
  visit: (zip: ZipFile, entry: Entry) => Promise<void> | void,
): Promise<void> {
  const zip = await open(bytes);
  if (zip.entryCount > maxEntries) {
    zip.close();
    throw new ZipUnreadableError(
      `The archive holds ${zip.entryCount} entries; at most ${maxEntries} are read.`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on("error", (error: Error) => fail(new ZipUnreadableError(error.message)));
    zip.on("end", () => {
      zip.close();
      resolve();
    });
    zip.on("entry", (entry: Entry) => {
      Promise.resolve(visit(zip, entry)).then(() => zip.readEntry(), fail);
    });
    zip.readEntry();
  });
}

/** The entries of a zip archive, from its central directory; nothing is inflated. */
export async function zipEntries(bytes: Uint8Array, options: { maxEntries: number }): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  await eachEntry(bytes, options.maxEntries, (_zip, entry) => {
    entries.push(entryOf(entry));
  });
  return entries;
}

/**
 * Inflates every entry in turn as a stream: `onChunk` sees each piece as it is inflated and may
 * throw to stop reading. Never holds more than a chunk of inflated data. Throws
 * ZipUnreadableError when the archive is not sound or an entry inflates past its declared size.
 */
export async function inflateEntries(
  bytes: Uint8Array,
  options: { maxEntries: number; onChunk: (entry: ZipEntry, chunk: Buffer) => void },
): Promise<void> {
  await eachEntry(bytes, options.maxEntries, async (zip, entry) => {
    if (entry.fileName.endsWith("/")) return; // a folder holds nothing
    let stream: NodeJS.ReadableStream;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new ZipUnreadableError(error instanceof Error ? error.message : String(error));
    }
    const described = entryOf(entry);
    try {
      for await (const chunk of stream) options.onChunk(described, chunk as Buffer);
    } catch (error) {
      if (error instanceof Error && !(error instanceof ZipUnreadableError) && isReaderError(error))
        throw new ZipUnreadableError(error.message);
      throw error;
    }
  });
}

// zlib and yauzl's own stream errors (bad data, more bytes than declared) come as plain Errors
// with a zlib code or yauzl's wording; anything else is onChunk's own refusal, passed on as it is.
function isReaderError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === "string" && code.startsWith("Z_")) || /bytes in the stream|crc32/i.test(error.message)
  );
}
