import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { createProject, getProjectChoices } from "../improvement/improvement.service.ts";
import { addDataPoint, addMeasure } from "../improvement/measure.service.ts";

// Improvement's part of the demo data: one project (its name, team and numbers invented) on the
// Leadership route map, run by The Promise Scotland with Fife council, serving the route map's
// first action and the "children looked after" indicator. Its outcome measure has 24 monthly
// values, April 2023 to March 2025: a baseline around 40 per cent, then, once monthly listening
// sessions began in April 2024, 12 months in a row above the median: a real shift by the Anhøj
// rules. A balancing measure is one high month short of a shift. Entered through the improvement service, as the demo editor.

const OUTCOME = [
  41, 38, 44, 40, 37, 42, 39, 43, 40, 38, 41, 39, 46, 49, 52, 51, 55, 53, 57, 56, 58, 55, 59, 60,
];
const PROCESS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 4, 4, 4, 5, 4, 5, 5, 5, 5];
// Balancing: days team leaders spent away from their teams, April 2023 to October 2024. Seven
// months in a row above the median is no signal yet (15 points off the median allow a run of 7);
// one more high month would be a shift, on the worse side.
const BALANCING = [3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 4, 2, 4, 5, 4, 5, 5, 4, 5];

/** Adds the demo improvement project; returns its slug. */
export async function loadImprovementDemo(db: Trx, actor: Actor): Promise<string> {
  const choices = await getProjectChoices(db, actor);
  const organisations = choices.organisations
    .filter((o) => o.name === "The Promise Scotland" || o.name === "Fife")
    .map((o) => String(o.id));
  const action = choices.actions.find((a) => a.themeName === "Leadership");
  const indicator = choices.indicators.find((i) => i.slug === "children-looked-after");
  const slug = await createProject(db, actor, {
    title: "Leaders who listen",
    aimWhat:
      "More care-experienced young people in Fife say the leaders who make decisions about their care listened to them.",
    aimHowMuch: "From 4 in 10 to 6 in 10",
    aimBy: { day: "31", month: "3", year: "2026" },
    team: "A senior manager, two team leaders and a young people's advocate, with five young people who chose to take part.",
    status: "spreading",
    learned:
      "Young people said a monthly session with the same senior leader mattered more than a bigger meeting once a year.\n" +
      "Sessions worked best when young people set the agenda and a worker they trust came with them.\n" +
      "Next, two more council areas will try the sessions.",
    published: "yes",
    areas: ["S12000047"],
    organisations,
    actions: action ? [action.value] : [],
    indicators: indicator ? [String(indicator.id)] : [],
  });
  const measures: Array<{
    name: string;
    unit: string;
    kind: "outcome" | "process" | "balancing";
    better: "up" | "down";
    values: number[];
  }> = [
    {
      kind: "outcome",
      name: "Young people who say leaders listened to them",
      unit: "per cent",
      better: "up",
      values: OUTCOME,
    },
    { kind: "process", name: "Listening sessions held", unit: "sessions", better: "up", values: PROCESS },
    {
      kind: "balancing",
      name: "Days team leaders spent away from their teams",
      unit: "days",
      better: "down",
      values: BALANCING,
    },
  ];
  for (const measure of measures) {
    const id = await addMeasure(db, actor, slug, {
      kind: measure.kind,
      name: measure.name,
      unit: measure.unit,
      better: measure.better,
      baselinePoints: "12",
    });
    for (const [i, value] of measure.values.entries()) {
      const month = 3 + i; // April 2023 on
      await addDataPoint(db, actor, slug, id, i, {
        date: { day: "1", month: String((month % 12) + 1), year: String(2023 + Math.floor(month / 12)) },
        value: String(value),
        annotation: i === 12 ? "Monthly listening sessions with young people began" : "",
      });
    }
  }
  return slug;
}
