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
  /** The most cells its sheets may hold, the most rows, and the most its merged ranges and data validation may cover. */
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

// What exceljs makes an object for, counted in the XML of a workbook's parts as a byte stream that
// may cut a tag anywhere: rows (<row>) and cells (<c>), namespace prefixes ("x:c") dropped; the
// cells merged ranges (<mergeCell ref>) and data validation (<dataValidation sqref>) cover, since
// exceljs makes an entry for every cell in them (a 60-byte "A1:XFD1048576" would be 17 billion);
// and columns (<col max>), which it makes up to the highest, refused past Excel's last, XFD.
const LAST_COLUMN = 16_384;
/** The longest tag whose attributes are read; a longer one counts as covering too much. */
const MAX_TAG_LENGTH = 64 * 1024;
const READ_ATTRIBUTES = new Set(["mergeCell", "dataValidation", "col"]);
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]); // space, tab, line ends, "/", ">"
const REFERENCE = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

const columnNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0);

/** The cells a reference ("B2", "A1:C3") covers; a reference not in that form, one. */
function cellsCovered(reference: string): number {
  const [from, to = from] = reference.split(":");
  const a = REFERENCE.exec(from ?? "");
  const b = REFERENCE.exec(to ?? "");
  if (!a || !b) return 1;
  const columns = Math.abs(columnNumber(b[1] as string) - columnNumber(a[1] as string)) + 1;
  const rows = Math.abs(Number(b[2]) - Number(a[2])) + 1;
  return columns * rows;
}

const attribute = (attributes: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];

class SheetElementCounter {
  cells = 0;
  rows = 0;
  /** Cells covered by merged ranges and data validation. */
  covered = 0;
  columnPastLast = false;
  private state: "text" | "name" | "attributes" = "text";
  private name = "";
  private attributes = "";
  private quote = 0;

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === "text") {
        const open = chunk.indexOf(0x3c, i); // "<"
        if (open < 0) return;
        this.state = "name";
        this.name = "";
        i = open + 1;
      } else if (this.state === "attributes") {
        // Up to the ">" that ends the tag: one inside a quoted value ends nothing.
        const byte = chunk[i] as number;
        i++;
        if (this.quote) {
          if (byte === this.quote) this.quote = 0;
        } else if (byte === 0x22 || byte === 0x27) {
          this.quote = byte;
        } else if (byte === 0x3e) {
          this.tagRead();
          continue;
        }
        if (this.attributes.length >= MAX_TAG_LENGTH) {
          this.covered = Number.POSITIVE_INFINITY;
          this.state = "text";
        } else {
          this.attributes += String.fromCharCode(byte);
        }
      } else {
        const byte = chunk[i] as number;
        i++;
        if (byte === 0x3a) {
          this.name = ""; // ":" ends a prefix
        } else if (NAME_END.has(byte)) {
          if (this.name === "c") this.cells++;
          else if (this.name === "row") this.rows++;
          if (READ_ATTRIBUTES.has(this.name) && byte !== 0x3e && byte !== 0x2f) {
            this.state = "attributes";
            this.attributes = "";
            this.quote = 0;
          } else {
            this.state = "text";
          }
        } else if (this.name.length < 16) {
          this.name += String.fromCharCode(byte);
        } else {
          this.state = "text"; // a longer name: none of those counted
        }
      }
    }
  }

  private tagRead(): void {
    this.state = "text";
    if (this.name === "col") {
      if (Number(attribute(this.attributes, "max") ?? 0) > LAST_COLUMN) this.columnPastLast = true;
      return;
    }
    const references = attribute(this.attributes, this.name === "mergeCell" ? "ref" : "sqref") ?? "";
    for (const reference of references.trim().split(/\s+/))
      if (reference) this.covered += cellsCovered(reference);
  }
}

class LimitReached extends Error {}

function limitMessage(counter: SheetElementCounter, maxCells: number): string {
  const limit = `the limit is ${inWords(maxCells)}`;
  if (counter.cells > maxCells) return tooManyCellsMessage(maxCells);
  if (counter.rows > maxCells)
    return `The workbook has more than ${inWords(maxCells)} rows; ${limit}. ${ADVICE}`;
  if (counter.covered > maxCells)
    return `The workbook's merged cells and data validation cover more than ${inWords(maxCells)} cells; ${limit}. Remove them, or keep only the sheet you need.`;
  return `The workbook has columns past XFD, the last Excel allows (the limit is ${inWords(LAST_COLUMN)} columns).`;
}

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
        if (
          counter.cells > limits.maxCells ||
          counter.rows > limits.maxCells ||
          counter.covered > limits.maxCells ||
          counter.columnPastLast
        )
          throw new LimitReached();
      },
    });
  } catch (error) {
    if (error instanceof LimitReached)
      throw new ValidationError({ file: limitMessage(counter, limits.maxCells) });
    if (error instanceof ZipUnreadableError) throw new ValidationError({ file: UNREADABLE });
    throw error;
  }
}
