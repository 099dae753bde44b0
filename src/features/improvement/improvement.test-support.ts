import {
  type AccountabilityFixture,
  makeAccountability,
} from "../../../test/support/accountability-fixtures.ts";
import { unique } from "../../../test/support/factories.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { actionValue, createProject, type ProjectInput } from "./improvement.service.ts";
import { addDataPoint, addMeasure } from "./measure.service.ts";

// Test helpers: a route map of its own with two organisations (accountability's fixture), and
// projects built through the service as an editor would, so no test depends on the demo data.

export type ImprovementFixture = AccountabilityFixture;

export function makeImprovementFixture(db: Db): Promise<ImprovementFixture> {
  return makeAccountability(db);
}

/** A project's answers as its form sends them, taken part in by the fixture's first organisation. */
export function projectInput(fixture: ImprovementFixture, changes: Partial<ProjectInput> = {}): ProjectInput {
  return {
    title: unique("Fewer moves for young people"),
    aimWhat: "Fewer young people in residential care move placement in a year.",
    aimHowMuch: "From 40 to 20 moves a year",
    aimBy: { day: "31", month: "3", year: "2026" },
    team: "Two practice leads and a young person's advocate.",
    status: "testing",
    learned: "",
    published: undefined,
    areas: ["S12000036"],
    organisations: [String(fixture.first.id)],
    actions: [actionValue(fixture.themeId, fixture.actionKeys[0])],
    indicators: [],
    ...changes,
  };
}

/** A project of the fixture's first organisation; returns its slug. */
export function makeProject(
  db: Db,
  actor: Actor,
  fixture: ImprovementFixture,
  changes: Partial<ProjectInput> = {},
): Promise<string> {
  return db.transaction().execute((trx) => createProject(trx, actor, projectInput(fixture, changes)));
}

/** Adds a measure with monthly points from March 2023 on; returns its id and version. */
export async function makeMeasure(
  db: Db,
  actor: Actor,
  slug: string,
  values: number[],
): Promise<{ id: number; version: number }> {
  const id = await db.transaction().execute((trx) =>
    addMeasure(trx, actor, slug, {
      kind: "outcome",
      name: "Placement moves each month",
      unit: "moves",
      better: "down",
      baselinePoints: "12",
    }),
  );
  let version = 0;
  for (const [i, value] of values.entries()) {
    const month = 2 + i;
    const date = {
      day: "1",
      month: String((month % 12) + 1),
      year: String(2023 + Math.floor(month / 12)),
    };
    await db
      .transaction()
      .execute((trx) =>
        addDataPoint(trx, actor, slug, id, version, { date, value: String(value), annotation: "" }),
      );
    version += 1;
  }
  return { id, version };
}
