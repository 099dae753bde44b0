import { saveUpdate } from "../../src/features/accountability/progress.service.ts";
import type { RoundInput } from "../../src/features/rounds/round.validation.ts";
import type { Actor } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import {
  type AccountabilityFixture,
  makeAccountability,
  progressVersion,
  updateForm,
} from "./accountability-fixtures.ts";
import { makeUser } from "./editing-fixtures.ts";

// Reporting rounds over the accountability fixture: its route map (action 1 led by the first
// organisation with the second as partner; action 2 led by the second's sector; action 3 naming
// nobody), with a contributor for each organisation, and the form to open a round on it.

export type UserActor = Actor & { kind: "user" };

export interface RoundFixture extends AccountabilityFixture {
  firstContributor: UserActor;
  secondContributor: UserActor;
}

/** A signed-in contributor of an organisation (or any other role), with their email. */
export async function person(db: Db, who: Parameters<typeof makeUser>[1]): Promise<UserActor> {
  return (await makeUser(db, who)) as UserActor;
}

export async function makeRoundFixture(db: Db): Promise<RoundFixture> {
  const f = await makeAccountability(db);
  const firstContributor = (await makeUser(db, [
    { role: "organisation_contributor", organisationId: f.first.id },
  ])) as Actor & { kind: "user" };
  const secondContributor = (await makeUser(db, [
    { role: "organisation_contributor", organisationId: f.second.id },
  ])) as Actor & { kind: "user" };
  return { ...f, firstContributor, secondContributor };
}

/** The form to open a round on the fixture's route map, due on `due` ("YYYY-MM-DD"), with any changes. */
export function roundForm(
  f: AccountabilityFixture,
  due: string,
  changes: Partial<RoundInput> = {},
): RoundInput {
  const [year, month, day] = due.split("-");
  return {
    title: "Autumn 2026 update",
    dueDay: String(Number(day)),
    dueMonth: String(Number(month)),
    dueYear: year,
    scope: "chosen",
    themes: [String(f.themeId)],
    daysBefore: "14, 3",
    daysAfter: "1, 7",
    ...changes,
  };
}

/** A contributor submits an update for one of the fixture's actions, as their organisation. */
export async function submitFor(
  db: Db,
  f: AccountabilityFixture,
  actor: Actor,
  organisationSlug: string,
  action: 0 | 1 | 2,
): Promise<void> {
  await db.transaction().execute(async (trx) =>
    saveUpdate(
      trx,
      actor,
      updateForm(
        f,
        organisationSlug,
        f.actionKeys[action],
        await progressVersion(
          trx,
          f.themeId,
          f.actionKeys[action],
          organisationSlug === f.first.slug ? f.first.id : f.second.id,
        ),
        {
          intent: "submit",
        },
      ),
    ),
  );
}
