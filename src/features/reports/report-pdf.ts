import PDFDocument from "pdfkit";
import { fullDate } from "../../platform/dates.ts";
import type { ReportSnapshot } from "./report.types.ts";
import { dueWithFlag, statusText, statusTotals, whoText } from "./report-text.ts";

// A report as a tagged PDF, from its snapshot, made by pdfkit in the process (no browser, no
// system program): its language (en-GB) and title set, the title shown in the reader's window
// rather than the file name, and a structure tree (Document → H1, H2, P, L, Table → TR → TH/TD),
// so a screen reader finds the headings and reads each table cell with its column's heading.

/** pdfkit's table takes a structure parent, which its type definitions do not name yet. */
type TableOptions = PDFKit.Mixins.TableOptions & {
  structParent: PDFKit.PDFStructureElement;
};
type Row = Array<string | { text: string; type: "TH"; scope: string; font: { src: string } }>;

const BODY = "Helvetica";
const BOLD = "Helvetica-Bold";

/** The report as a .pdf file; its addresses are made absolute from `baseUrl`. */
export function reportPdf(snapshot: ReportSnapshot, baseUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    font: BODY,
    info: { Title: snapshot.title, Author: "Waymark", Creator: "Waymark", Subject: snapshot.subject.name },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  const heading = (text: string, level: 1 | 2) => {
    doc.moveDown(level === 1 ? 0 : 0.8);
    doc
      .font(BOLD)
      .fontSize(level === 1 ? 18 : 14)
      .text(text, { structParent: root, structType: level === 1 ? "H1" : "H2" });
    doc.moveDown(0.4);
  };
  const paragraph = (text: string, link?: string) => {
    doc
      .font(BODY)
      .fontSize(11)
      .text(text, { structParent: root, structType: "P", ...(link ? { link, underline: true } : {}) });
    doc.moveDown(0.4);
  };
  const table = (headings: string[], rows: string[][], widths: Array<number | string>) => {
    const head: Row = headings.map((text) => ({ text, type: "TH", scope: "column", font: { src: BOLD } }));
    const options: TableOptions = {
      structParent: root,
      columnStyles: widths.map((width) => ({ width })),
      defaultStyle: { padding: 3, border: 0.5, borderColor: "#777777" },
    };
    doc.font(BODY).fontSize(9);
    const drawn = doc.table(options);
    drawn.row(head);
    for (const row of rows) drawn.row(row);
    drawn.end();
    doc.x = doc.page.margins.left;
    doc.moveDown(0.5);
  };

  heading(snapshot.title, 1);
  for (const p of snapshot.introduction) paragraph(p);
  paragraph(`About: ${snapshot.subject.name}. As at ${fullDate(snapshot.asAt)}.`);
  paragraph(`On the web: ${baseUrl}${snapshot.subject.path}`, `${baseUrl}${snapshot.subject.path}`);

  heading("How the actions were going", 2);
  table(
    ["Status", "Actions"],
    statusTotals(snapshot).map((t) => [t.label, String(t.count)]),
    [160, 60],
  );

  if (snapshot.outcomes.length > 0) {
    heading("Outcomes", 2);
    doc.font(BODY).fontSize(11).list(snapshot.outcomes, { structParent: root });
    doc.moveDown(0.4);
  }

  const organisation = snapshot.kind === "organisation";
  for (const section of snapshot.sections) {
    heading(section.heading, 2);
    table(
      [
        "Action",
        ...(organisation ? ["Named as"] : []),
        "Who must act",
        "Due",
        "How it was going",
        "Latest update",
      ],
      section.actions.map((a) => [
        a.text,
        ...(organisation ? [a.role ?? ""] : []),
        whoText(a),
        dueWithFlag(a),
        statusText(a),
        a.update
          ? `Given on ${fullDate(a.update.submittedOn)} by ${a.update.organisation}. ${a.update.narrative}`
          : "None by this date.",
      ]),
      organisation ? ["*", 55, 80, 60, 60, "*"] : ["*", 90, 65, 65, "*"],
    );
  }
  root.end();
  doc.end();
  return done;
}
