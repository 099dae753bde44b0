import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { fullDate } from "../../platform/dates.ts";
import type { ReportAction, ReportSnapshot } from "./report.types.ts";
import { dueWithFlag, statusText, statusTotals, whoText } from "./report-text.ts";

// A report as a Word document (Office Open XML), from its snapshot: real headings (Word's
// navigation pane and screen readers find the structure), tables whose header row repeats on every
// page and whose rows never split across pages, links that work, and the document's language
// (en-GB) and title set, so Word reads it in the right voice and names it.

function link(text: string, href: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: "Hyperlink" })] });
}

function cell(content: string | Paragraph[], header = false): TableCell {
  const children =
    typeof content === "string"
      ? [new Paragraph({ children: [new TextRun({ text: content, bold: header })] })]
      : content;
  return new TableCell({ children });
}

function headerRow(headings: string[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: headings.map((h) => cell(h, true)) });
}

function grid(headings: string[], rows: Array<Array<string | Paragraph[]>>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      headerRow(headings),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
    ],
  });
}

function updateParagraphs(action: ReportAction): Paragraph[] {
  if (!action.update) return [new Paragraph({ text: "None by this date." })];
  return [
    new Paragraph({
      text: `Given on ${fullDate(action.update.submittedOn)} by ${action.update.organisation}.`,
    }),
    new Paragraph({ text: action.update.narrative }),
  ];
}

export const ACTION_HEADINGS = ["Action", "Who must act", "Due", "How it was going", "Latest update"];

/** The report as a .docx file; links are made absolute from `baseUrl`. */
export async function reportDocx(snapshot: ReportSnapshot, baseUrl: string): Promise<Buffer> {
  const totals = statusTotals(snapshot);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: snapshot.title, heading: HeadingLevel.HEADING_1 }),
    ...snapshot.introduction.map((text) => new Paragraph({ text })),
    new Paragraph({
      children: [
        new TextRun("About: "),
        link(snapshot.subject.name, `${baseUrl}${snapshot.subject.path}`),
        new TextRun(`. As at ${fullDate(snapshot.asAt)}.`),
      ],
    }),
    new Paragraph({ text: "How the actions were going", heading: HeadingLevel.HEADING_2 }),
    grid(
      ["Status", "Actions"],
      totals.map((t) => [t.label, String(t.count)]),
    ),
  ];
  if (snapshot.outcomes.length > 0) {
    children.push(new Paragraph({ text: "Outcomes", heading: HeadingLevel.HEADING_2 }));
    for (const outcome of snapshot.outcomes)
      children.push(new Paragraph({ text: outcome, bullet: { level: 0 } }));
  }
  for (const section of snapshot.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }));
    const headings =
      snapshot.kind === "organisation"
        ? [...ACTION_HEADINGS.slice(0, 1), "Named as", ...ACTION_HEADINGS.slice(1)]
        : ACTION_HEADINGS;
    children.push(
      grid(
        headings,
        section.actions.map((a) => [
          [new Paragraph({ children: [link(a.text, `${baseUrl}${a.path}`)] })],
          ...(snapshot.kind === "organisation" ? [a.role ?? ""] : []),
          whoText(a),
          dueWithFlag(a),
          statusText(a),
          updateParagraphs(a),
        ]),
      ),
    );
  }
  const document = new Document({
    title: snapshot.title,
    creator: "Waymark",
    description: `Report: ${snapshot.subject.name}, as at ${fullDate(snapshot.asAt)}`,
    styles: { default: { document: { run: { font: "Arial", size: 24, language: { value: "en-GB" } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
