import type { FastifyInstance } from "fastify";
import { londonToday } from "../../src/platform/dates.ts";
import type { RecordPage, Visit } from "./html-samples.ts";
import { postForm, type Session } from "./http.ts";

// Reports' samples for test/html-validity.test.ts, on the demo data (which holds one report of
// the Leadership route map): the list, the demo's report, an organisation's report, two reports
// compared, the form, and the form sent back with its errors.

async function generate(
  app: FastifyInstance,
  editor: Session,
  fields: Record<string, string>,
): Promise<number> {
  const [year, month, day] = londonToday().split("-");
  const response = await postForm(app, editor, "/manage/reports", {
    "asAt-day": day!,
    "asAt-month": month!,
    "asAt-year": year!,
    ...fields,
  });
  if (response.statusCode !== 303)
    throw new Error(`Could not generate a report: ${response.body.slice(0, 500)}`);
  return Number(/\/reports\/(\d+)$/.exec(String(response.headers.location))![1]);
}

export async function visitReportPages(
  app: FastifyInstance,
  editor: Session,
  visit: Visit,
  record: RecordPage,
): Promise<void> {
  const list = await app.inject({ method: "GET", url: "/api/v1/reports" });
  const demo = (list.json() as { reports: Array<{ id: number; subject: string }> }).reports[0]!;
  const again = await generate(app, editor, { kind: "route_map", edition: demo.subject });
  const organisation = await generate(app, editor, {
    kind: "organisation",
    organisation: "the-promise-scotland",
  });
  await visit(
    {
      "/reports": [{ label: "with the demo's reports" }],
      "/reports/:id": [
        { params: { id: demo.id }, label: "the demo's route-map report" },
        { params: { id: organisation }, label: "an organisation's report" },
      ],
      "/reports/:id/compare/:other": [
        { params: { id: again, other: demo.id }, label: "two route-map reports" },
      ],
    },
    [
      ["the public", undefined],
      ["an editor", editor],
    ],
  );
  await visit({ "/manage/reports": [{}] }, [["an editor", editor]]);
  record(
    "the report form with mistakes",
    await postForm(app, editor, "/manage/reports", {
      kind: "organisation",
      organisation: "",
      "asAt-day": "31",
      "asAt-month": "2",
      "asAt-year": "2025",
    }),
    400,
  );
}
