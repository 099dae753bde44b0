import { ValidationError } from "./errors.ts";
import { sizeInWords } from "./uploads.ts";
import { inflateEntries, ZipUnreadableError, zipEntries } from "./zip-archive.ts";

// A workbook (.xlsx) is a zip of XML: a few megabytes can unpack to hundreds, and a reader that
// loads it whole (exceljs) holds every cell in memory at once. So before one is read, it is
// measured: the sizes its zip declares (nothing inflated), then every part inflated as a stream a
// chunk at a time, held to its declared size, with its cells and rows counted. A workbook past a
// limit is refused with a message naming the limit, so no upload holds more than a bounded amount.

export interface WorkbookLimits {
  /** The most all the workbook's parts may hold once unzipped. */
  maxUnpackedBytes: number;
  /** The most cells its sheets may hold, and the most rows. */
  maxCells: number;
}

/** Far more parts than any real workbook has (tens; hundreds with many sheets and images). */
const MAX_PARTS = 10_000;

const UNREADABLE = "The file could not be read as an Excel workbook (.xlsx).";
const ADVICE = "Keep only the sheet you need, or split the file.";

const inWords = (count: number) => count.toLocaleString("en-GB");

/** What a workbook's cells refused for being too many are called, in the one message for it. */
export function tooManyCellsMessage(maxCells: number): string {
  return `The workbook has more than ${inWords(maxCells)} cells; the limit is ${inWords(maxCells)}. ${ADVICE}`;
}

// The XML elements a sheet's rows (<row>) and cells (<c>) are written as, counted in a byte stream
// that may cut a tag anywhere: after "<", the element's name up to a space, "/" or ">", any
// namespace prefix ("x:c") dropped. Anything else that looks like a tag counts for nothing.
class SheetElementCounter {
  cells = 0;
  rows = 0;
  private naming = false;
  private name = "";

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (!this.naming) {
        const open = chunk.indexOf(0x3c, i); // "<"
        if (open < 0) return;
        this.naming = true;
        this.name = "";
        i = open + 1;
        continue;
      }
      const byte = chunk[i] as number;
      i++;
      if (byte === 0x3a) {
        this.name = ""; // ":" ends a prefix
      } else if (
        byte === 0x20 ||
        byte === 0x09 ||
        byte === 0x0a ||
        byte === 0x0d ||
        byte === 0x2f ||
        byte === 0x3e
      ) {
        if (this.name === "c") this.cells++;
        else if (this.name === "row") this.rows++;
        this.naming = false;
      } else if (this.name.length < 3) {
        this.name += String.fromCharCode(byte);
      } else {
        this.naming = false; // a longer name: neither
      }
    }
  }
}

class LimitReached extends Error {}

/**
 * Refuses (ValidationError on "file") a workbook that unpacks past `maxUnpackedBytes` or whose
 * sheets hold more than `maxCells` cells or rows, or that is not a sound zip; reads it without
 * ever holding more than a chunk of its unpacked data.
 */
export async function checkWorkbookLimits(data: Uint8Array, limits: WorkbookLimits): Promise<void> {
  let declared: number;
  try {
    const entries = await zipEntries(data, { maxEntries: MAX_PARTS });
    declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  } catch (error) {
    if (error instanceof ZipUnreadableError) throw new ValidationError({ file: UNREADABLE });
    throw error;
  }
  if (declared > limits.maxUnpackedBytes)
    throw new ValidationError({
      file: `The workbook holds ${sizeInWords(declared)} once unzipped; the limit is ${sizeInWords(limits.maxUnpackedBytes)}. ${ADVICE}`,
    });
  const counter = new SheetElementCounter();
  try {
    // Each part is held to the size it declared (zip-archive.ts), so the total stays in bounds.
    await inflateEntries(data, {
      maxEntries: MAX_PARTS,
      onChunk: (entry, chunk) => {
        if (!entry.name.toLowerCase().endsWith(".xml")) return;
        counter.feed(chunk);
        if (counter.cells > limits.maxCells || counter.rows > limits.maxCells) throw new LimitReached();
      },
    });
  } catch (error) {
    if (error instanceof LimitReached)
      throw new ValidationError({
        file:
          counter.cells > limits.maxCells
            ? tooManyCellsMessage(limits.maxCells)
            : `The workbook has more than ${inWords(limits.maxCells)} rows; the limit is ${inWords(limits.maxCells)}. ${ADVICE}`,
      });
    if (error instanceof ZipUnreadableError) throw new ValidationError({ file: UNREADABLE });
    throw error;
  }
}
