import type { FastifyInstance } from "fastify";
import { addDays } from "../../src/features/rounds/round.validation.ts";
import type { Db } from "../../src/platform/database.ts";
import type { RecordPage, Visit } from "./html-samples.ts";
import { getPage, postForm, type Session } from "./http.ts";

// Reporting rounds' samples for test/html-validity.test.ts, on the demo data: the list (empty,
// then with a round), the form and the form sent back with its errors, an open round just opened,
// a closed one, and an organisation's progress page with an open round on it.

/** The form to open a round on the Leadership route map, due in a month. */
export async function roundFields(
  db: Db,
  changes: Record<string, string> = {},
): Promise<Record<string, string>> {
  const theme = await db
    .selectFrom("theme")
    .select("id")
    .where("slug", "=", "leadership")
    .executeTakeFirstOrThrow();
  const [year, month, day] = addDays(new Date().toISOString().slice(0, 10), 30).split("-");
  return {
    title: "Autumn 2026 update",
    "due-day": String(Number(day)),
    "due-month": String(Number(month)),
    "due-year": year!,
    scope: "chosen",
    themes: String(theme.id),
    daysBefore: "14, 3",
    daysAfter: "1, 7",
    ...changes,
  };
}

/** Opens a round as the session's editor; returns its id. */
export async function openRoundAs(
  app: FastifyInstance,
  db: Db,
  editor: Session,
  changes: Record<string, string> = {},
) {
  const opened = await postForm(app, editor, "/rounds", await roundFields(db, changes));
  if (opened.statusCode !== 303) throw new Error(`Could not open a round: ${opened.body.slice(0, 500)}`);
  return Number(/\/rounds\/(\d+)/.exec(String(opened.headers.location))![1]);
}

export async function visitRoundPages(
  app: FastifyInstance,
  db: Db,
  editor: Session,
  visit: Visit,
  record: RecordPage,
): Promise<void> {
  await visit({ "/rounds": [{ label: "the demo's round" }] }, [["an editor", editor]]);
  const open = await openRoundAs(app, db, editor);
  const closed = await openRoundAs(app, db, editor, {
    title: "Spring 2026 update",
    scope: "all",
    daysBefore: "",
    daysAfter: "",
  });
  await postForm(app, editor, `/rounds/${closed}/close`, {});
  await visit(
    {
      "/rounds": [{ label: "an open and a closed round" }],
      "/rounds/new": [{}],
      "/rounds/:id": [
        { params: { id: open }, query: "?saved=opened", label: "just opened" },
        { params: { id: closed }, query: "?saved=closed", label: "closed, with no reminders" },
      ],
      "/progress/:organisation": [
        { params: { organisation: "the-promise-scotland" }, label: "with an open reporting round" },
      ],
    },
    [["an editor", editor]],
  );
  record(
    "a reporting round with mistakes",
    await postForm(
      app,
      editor,
      "/rounds",
      await roundFields(db, {
        title: "",
        "due-year": "2020",
        themes: "",
        daysBefore: "soon",
        daysAfter: "0",
      }),
    ),
    400,
  );
  record("a reporting round that is not there", await getPage(app, editor, "/rounds/999999"), 404);
}
