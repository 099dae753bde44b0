import type { FastifyInstance } from "fastify";
import { createProject } from "../../src/features/improvement/improvement.service.ts";
import { addDataPoint, addMeasure } from "../../src/features/improvement/measure.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { actorWith } from "./accounts.ts";
import type { ErrorPage, Samples } from "./html-samples.ts";
import { postForm, type Session } from "./http.ts";

// Sample addresses of the improvement pages, for the HTML-validity test: a published project of
// its own with a measure showing a shift (so the chart, its marked points and re-based median are
// drawn), and forms sent back with their errors.

export async function improvementPages(
  app: FastifyInstance,
  db: Db,
  editor: Session,
): Promise<{
  publicPages: Samples;
  editorPages: Samples;
  visitErrors: (errorPage: ErrorPage) => Promise<void>;
}> {
  const actor = await actorWith(db, [{ role: "programme_editor" }]);
  const organisation = await db
    .selectFrom("organisation")
    .select("id")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const { slug, measureId } = await db.transaction().execute(async (trx) => {
    const slug = await createProject(trx, actor, {
      title: "Validity sample project",
      aimWhat: "Fewer young people move home in a year.",
      aimHowMuch: "From 40 to 20 moves",
      aimBy: { day: "31", month: "3", year: "2027" },
      team: "A practice lead",
      status: "testing",
      learned: "Asking first works.",
      published: "yes",
      areas: ["S12000036"],
      organisations: [String(organisation.id)],
      actions: [],
      indicators: [],
    });
    const measureId = await addMeasure(trx, actor, slug, {
      kind: "outcome",
      name: "Moves each month",
      unit: "moves",
      better: "down",
      baselinePoints: "12",
    });
    const values = [11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 6, 5, 7, 6, 6, 5, 7, 6];
    for (const [i, value] of values.entries())
      await addDataPoint(trx, actor, slug, measureId, i, {
        date: { day: "1", month: String((i % 12) + 1), year: String(2023 + Math.floor(i / 12)) },
        value: String(value),
        annotation: i === 12 ? "Weekly check-ins began" : "",
      });
    return { slug, measureId };
  });
  const measurePage = `/manage/improvement/${slug}/measures/${measureId}`;
  return {
    publicPages: {
      "/improvement": [{}],
      "/improvement/:slug": [{ params: { slug } }],
    },
    editorPages: {
      "/manage/improvement": [{}],
      "/manage/improvement/new": [{}],
      "/manage/improvement/:slug": [{ params: { slug } }, { params: { slug }, query: "?saved=created" }],
      "/manage/improvement/:slug/measures/:measureId": [{ params: { slug, measureId } }],
    },
    async visitErrors(errorPage) {
      await errorPage(
        "improvement: a project with no answers",
        postForm(app, editor, "/manage/improvement", { title: "" }),
        400,
      );
      await errorPage(
        "improvement: a value that is not a number",
        postForm(app, editor, `${measurePage}/points`, {
          version: 20,
          "date-day": "1",
          "date-month": "9",
          "date-year": "2024",
          value: "lots",
          annotation: "",
        }),
        400,
      );
    },
  };
}
