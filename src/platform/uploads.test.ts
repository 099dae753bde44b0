import { describe, expect, it } from "vitest";
import {
  docmFile,
  docxFile,
  jpegFile,
  macroEnabledDocFile,
  odsFile,
  odtFile,
  pdfFile,
  plainZip,
  pngFile,
  xlsxFile,
} from "../../test/support/uploads.ts";
import { ValidationError } from "./errors.ts";
import {
  checkFile,
  cleanFileName,
  contentDisposition,
  detectFileKind,
  FileTooLargeError,
  MAX_UPLOAD_BYTES,
} from "./uploads.ts";

// What an uploaded file is, judged by its content; its name cleaned; its download's header.

const text = (s: string) => new TextEncoder().encode(s);

describe("the kind of a file, by its content", () => {
  it("recognises every kind allowed, whatever the file is called", async () => {
    expect(await detectFileKind(pdfFile(), "paper.docx")).toBe("pdf");
    expect(await detectFileKind(pngFile(), "x")).toBe("png");
    expect(await detectFileKind(jpegFile(), "x.pdf")).toBe("jpeg");
    expect(await detectFileKind(await docxFile(), "x.xlsx")).toBe("docx");
    expect(await detectFileKind(await xlsxFile(), "x.docx")).toBe("xlsx");
    expect(await detectFileKind(await odtFile(), "x")).toBe("odt");
    expect(await detectFileKind(await odsFile(), "x")).toBe("ods");
    expect(await detectFileKind(text("Paper 5/1\nWorkforce\n"), "notes.txt")).toBe("text");
    expect(await detectFileKind(text("name,organisation\nFiona,CELCIS\n"), "list.csv")).toBe("csv");
  });

  it("refuses anything else: programs, other zips, macros, binary data, nothing at all", async () => {
    expect(await detectFileKind(text("MZ\u0090\u0000\u0003"), "paper.pdf")).toBeNull();
    expect(await detectFileKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]), "paper.txt")).toBeNull();
    expect(await detectFileKind(await plainZip(), "paper.docx")).toBeNull();
    expect(await detectFileKind(await docmFile(), "paper.docx")).toBeNull();
    expect(await detectFileKind(await macroEnabledDocFile(), "paper.docx")).toBeNull();
    expect(await detectFileKind(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "broken.docx")).toBeNull();
    expect(await detectFileKind(new Uint8Array([0xc3, 0x28, 0x41]), "latin.txt")).toBeNull();
    expect(await detectFileKind(new Uint8Array([]), "empty.txt")).toBeNull();
  });
});

describe("a file's name, cleaned", () => {
  it("drops folders, control and reserved characters, and ends in its kind's extension", () => {
    expect(cleanFileName("C:\\Users\\fiona\\Paper 5-1.pdf", "pdf")).toBe("Paper 5-1.pdf");
    expect(cleanFileName("../../etc/passwd", "text")).toBe("passwd.txt");
    expect(cleanFileName('a<b>c:"d"|e?*\u0000\u202Efdp.exe', "pdf")).toBe("abcdefdp.exe.pdf");
    expect(cleanFileName("  Minutes   June 2024 .docx", "docx")).toBe("Minutes June 2024.docx");
    expect(cleanFileName("photo.JPEG", "jpeg")).toBe("photo.JPEG".replace("JPEG", "jpeg"));
    expect(cleanFileName("", "csv")).toBe("file.csv");
    expect(cleanFileName("...", "png")).toBe("file.png");
    expect(cleanFileName(`${"a".repeat(300)}.pdf`, "pdf")).toHaveLength(114);
    expect(cleanFileName("Cùram Gàidhlig ’24.odt", "odt")).toBe("Cùram Gàidhlig ’24.odt");
  });
});

describe("checking a file to store", () => {
  it("gives the stored type from the content, not from the name or the browser", async () => {
    const stored = await checkFile(
      { fileName: "paper.txt", content: pdfFile() },
      { field: "file", label: "the paper" },
    );
    expect(stored).toMatchObject({ fileName: "paper.txt.pdf", mediaType: "application/pdf" });
  });

  it("refuses naming the field: empty, too large (413), not allowed", async () => {
    const refusal = async (content: Uint8Array, maxBytes?: number) => {
      try {
        await checkFile(
          { fileName: "x.pdf", content },
          { field: "evidence", label: "the evidence", maxBytes },
        );
      } catch (error) {
        if (error instanceof ValidationError) return { status: error.status, fields: error.fields };
        throw error;
      }
      throw new Error("not refused");
    };
    expect(await refusal(new Uint8Array())).toEqual({
      status: 400,
      fields: { evidence: "The file for the evidence is empty" },
    });
    const big = await refusal(pdfFile(), 10);
    expect(big.status).toBe(413);
    expect(big.fields.evidence).toMatch(/must be 1 KB or smaller/);
    expect((await refusal(new Uint8Array([0, 1, 2, 3]))).fields.evidence).toMatch(/must be a PDF, Word/);
    expect(new FileTooLargeError("f", "m")).toBeInstanceOf(ValidationError);
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
  });
});

describe("the download's Content-Disposition (RFC 6266)", () => {
  it("always an attachment, with an ASCII fallback and the exact name in filename*", () => {
    expect(contentDisposition("paper.pdf")).toBe(
      `attachment; filename="paper.pdf"; filename*=UTF-8''paper.pdf`,
    );
    expect(contentDisposition('Cùram "5/1"; x.pdf')).toBe(
      `attachment; filename="C_ram _5/1__ x.pdf"; filename*=UTF-8''C%C3%B9ram%20%225%2F1%22%3B%20x.pdf`,
    );
  });
});
