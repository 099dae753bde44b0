import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { auditCount, makeUser, refusal } from "../../../test/support/editing-fixtures.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import {
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  UnauthenticatedError,
  ValidationError,
} from "../../platform/errors.ts";
import * as improvement from "./improvement.service.ts";
import {
  type ImprovementFixture,
  makeImprovementFixture,
  makeMeasure,
  makeProject,
  projectInput,
} from "./improvement.test-support.ts";
import * as measures from "./measure.service.ts";
import { readRunChart } from "./run-chart.ts";

const handle = await createTestDatabase("empty");
afterAll(() => handle.close());
const db = handle.db;
const run = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);

let fixture: ImprovementFixture;
let editor: Awaited<ReturnType<typeof makeUser>>;
let ownContributor: Awaited<ReturnType<typeof makeUser>>;
let otherContributor: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  fixture = await makeImprovementFixture(db);
  editor = await makeUser(db, "programme_editor");
  ownContributor = await makeUser(db, [
    { role: "organisation_contributor", organisationId: fixture.first.id },
  ]);
  otherContributor = await makeUser(db, [
    { role: "organisation_contributor", organisationId: fixture.second.id },
  ]);
});

async function auditOf(entityType: string, entityId: number | string) {
  return db
    .selectFrom("audit_event")
    .select(["action", "before", "after"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
}

describe("improvement projects", () => {
  it("starts a draft project with its links, audited, that the public cannot find", async () => {
    const slug = await makeProject(db, editor, fixture);
    const project = await improvement.getProject(db, editor, slug);
    expect(project.published).toBe(false);
    expect(project.organisations.map((o) => o.id)).toEqual([fixture.first.id]);
    expect(project.areas).toEqual([{ code: "S12000036", name: "City of Edinburgh" }]);
    expect(project.actions.map((a) => a.key)).toEqual([fixture.actionKeys[0]]);
    expect(project.aim.by).toBe("2026-03-31");
    expect((await auditOf("improvement_project", project.id)).map((e) => e.action)).toEqual([
      "improvement_project.create",
    ]);
    expect(await refusal(improvement.getProject(db, PUBLIC, slug))).toBeInstanceOf(NotFoundError);
    expect(await refusal(improvement.getProject(db, otherContributor, slug))).toBeInstanceOf(NotFoundError);
    expect((await improvement.getProject(db, ownContributor, slug)).editable).toBe(true);
    expect((await improvement.listProjects(db, PUBLIC)).some((p) => p.slug === slug)).toBe(false);
  });

  it("names each answer that needs correcting and saves nothing", async () => {
    const before = await auditCount(db);
    const error = await refusal(
      run((trx) =>
        improvement.createProject(
          trx,
          editor,
          projectInput(fixture, {
            title: " ",
            aimBy: { day: "31", month: "2", year: "2026" },
            status: "finished",
            organisations: [],
            areas: ["S99999999"],
            actions: ["1:nothing"],
            indicators: ["abc"],
          }),
        ),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fields).sort()).toEqual(
      ["actions", "aimBy", "areas", "indicators", "organisations", "status", "title"].sort(),
    );
    expect(error.fields.title).toBe("Enter the project's name");
    expect(await auditCount(db)).toBe(before);
  });

  it("refuses a change made from an out-of-date form (409) and keeps what was saved", async () => {
    const slug = await makeProject(db, editor, fixture);
    const { version } = await improvement.getProjectToChange(db, editor, slug);
    await run((trx) =>
      improvement.changeProject(trx, editor, slug, version, projectInput(fixture, { title: "First save" })),
    );
    const stale = await refusal(
      run((trx) =>
        improvement.changeProject(
          trx,
          editor,
          slug,
          version,
          projectInput(fixture, { title: "Second save" }),
        ),
      ),
    );
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect(stale.status).toBe(409);
    const saved = await improvement.getProject(db, editor, slug);
    expect(saved.title).toBe("First save");
    const events = await auditOf("improvement_project", saved.id);
    expect(events.map((e) => e.action)).toEqual(["improvement_project.create", "improvement_project.change"]);
    expect(events[1]?.after).toMatchObject({ title: "First save" });
  });

  it("lets a contributor of a taking-part organisation change it, and refuses one of another organisation", async () => {
    const slug = await makeProject(db, ownContributor, fixture, { published: "yes" });
    const project = await improvement.getProject(db, PUBLIC, slug);
    await run((trx) =>
      improvement.changeProject(
        trx,
        ownContributor,
        slug,
        project.version,
        projectInput(fixture, {
          title: "Ours",
          published: "yes",
          learned: "Asking young people first works.",
        }),
      ),
    );
    expect((await improvement.getProject(db, PUBLIC, slug)).learned).toBe("Asking young people first works.");
    const refused = await refusal(
      run((trx) =>
        improvement.changeProject(trx, otherContributor, slug, project.version + 1, projectInput(fixture)),
      ),
    );
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(
      await refusal(run((trx) => improvement.changeProject(trx, PUBLIC, slug, 1, projectInput(fixture)))),
    ).toBeInstanceOf(UnauthenticatedError);
    // Nor may a contributor start a project their organisation is not in, or leave it.
    const own = await refusal(
      run((trx) =>
        improvement.createProject(
          trx,
          otherContributor,
          projectInput(fixture, { organisations: [String(fixture.first.id)] }),
        ),
      ),
    );
    expect(own.fields.organisations).toBe("Include your own organisation among those taking part");
  });

  it("keeps measures and data points, reading the run chart from them", async () => {
    const slug = await makeProject(db, editor, fixture, { published: "yes" });
    // Twelve months around 10, then eight months at 5 to 7: a shift down, the better way.
    const values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 6, 5, 7, 6, 6, 5, 7, 6];
    const measure = await makeMeasure(db, ownContributor, slug, values);
    const project = await improvement.getProject(db, PUBLIC, slug);
    const saved = project.measures[0];
    expect(saved?.points.map((p) => p.value)).toEqual(values);
    expect(saved?.version).toBe(values.length);
    const chart = readRunChart(saved?.points ?? [], {
      baseline: saved?.baselinePoints,
      better: saved?.better,
    });
    expect(chart.words).toContain(
      "A shift: 8 points in a row below the median since March 2024, on the better side.",
    );
    expect((await auditOf("improvement_measure", measure.id)).map((e) => e.action)).toEqual([
      "improvement_measure.create",
    ]);

    const date = { day: "1", month: "11", year: "2024" };
    const stale = await refusal(
      run((trx) =>
        measures.addDataPoint(trx, editor, slug, measure.id, measure.version - 1, {
          date,
          value: "4",
          annotation: "",
        }),
      ),
    );
    expect(stale).toBeInstanceOf(StaleVersionError);
    const invalid = await refusal(
      run((trx) =>
        measures.addDataPoint(trx, editor, slug, measure.id, measure.version, {
          date: { day: "", month: "", year: "" },
          value: "four",
          annotation: "",
        }),
      ),
    );
    expect(invalid.fields).toEqual({
      date: "Enter the date the value is for",
      value: "Enter the value as a number, for example 12 or 3.5",
    });
    // A point on a date that has one replaces it, and the trail says so.
    await run((trx) =>
      measures.addDataPoint(trx, editor, slug, measure.id, measure.version, {
        date: { day: "1", month: "10", year: "2024" },
        value: "5.5",
        annotation: "Weekly check-ins began",
      }),
    );
    const after = (await improvement.getProject(db, PUBLIC, slug)).measures[0];
    expect(after?.points).toHaveLength(values.length);
    expect(after?.points.at(-1)).toMatchObject({
      date: "2024-10-01",
      value: 5.5,
      annotation: "Weekly check-ins began",
    });
    const pointEvents = await db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "improvement_data_point")
      .where("entity_id", "=", String(after?.points.at(-1)?.id))
      .execute();
    expect(pointEvents.map((e) => e.action)).toEqual([
      "improvement_data_point.add",
      "improvement_data_point.change",
    ]);

    const other = await refusal(
      run((trx) =>
        measures.addDataPoint(trx, otherContributor, slug, measure.id, measure.version + 1, {
          date,
          value: "4",
          annotation: "",
        }),
      ),
    );
    expect(other).toBeInstanceOf(ForbiddenError);
  });
});
