import { type Cell, neutralise } from "../../platform/csv.ts";
import type { ReportSnapshot } from "./report.types.ts";
import { NOT_REPORTED, statusTotals } from "./report-text.ts";

// A report's data as a workbook, from its snapshot: one sheet per table of the report (how the
// actions were going; the outcomes, for a route map; every action), each with a bold header row
// frozen in place. Text is neutralised as in every Waymark download, so no cell runs as a formula.

interface Sheet {
  name: string;
  headings: string[];
  widths: number[];
  rows: Cell[][];
}

function sheets(snapshot: ReportSnapshot, baseUrl: string): Sheet[] {
  const organisation = snapshot.kind === "organisation";
  const list: Sheet[] = [
    {
      name: "About",
      headings: ["Report", "As at", "About", "Address"],
      widths: [60, 12, 40, 50],
      rows: [[snapshot.title, snapshot.asAt, snapshot.subject.name, `${baseUrl}${snapshot.subject.path}`]],
    },
    {
      name: "Status totals",
      headings: ["Status", "Actions"],
      widths: [20, 10],
      rows: statusTotals(snapshot).map((t) => [t.label, t.count]),
    },
  ];
  if (snapshot.outcomes.length > 0)
    list.push({
      name: "Outcomes",
      headings: ["Outcome"],
      widths: [100],
      rows: snapshot.outcomes.map((o) => [o]),
    });
  list.push({
    name: "Actions",
    headings: [
      "Route map",
      "Action",
      ...(organisation ? ["Named as"] : []),
      "Leads",
      "Partners",
      "Due",
      "Overdue",
      "Status",
      "Percent",
      "Update given on",
      "Given by",
      "Update",
      "Address",
    ],
    widths: [18, 60, ...(organisation ? [18] : []), 30, 30, 20, 9, 16, 9, 14, 24, 60, 40],
    rows: snapshot.sections.flatMap((s) =>
      s.actions.map((a) => [
        a.routeMap,
        a.text,
        ...(organisation ? [a.role ?? ""] : []),
        a.leads.join(", "),
        a.partners.join(", "),
        a.due,
        a.overdue ? "Yes" : "No",
        a.update ? a.update.statusLabel : NOT_REPORTED,
        a.update?.percent ?? null,
        a.update?.submittedOn ?? null,
        a.update?.organisation ?? null,
        a.update?.narrative ?? null,
        `${baseUrl}${a.path}`,
      ]),
    ),
  });
  return list;
}

/** The report's data as an .xlsx file. */
export async function reportXlsx(snapshot: ReportSnapshot, baseUrl: string): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Waymark";
  workbook.title = snapshot.title;
  for (const s of sheets(snapshot, baseUrl)) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.headings);
    sheet.getRow(1).font = { bold: true };
    for (const row of s.rows)
      sheet.addRow(row.map((c) => (typeof c === "number" ? c : c === null ? null : neutralise(c))));
    s.widths.forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
