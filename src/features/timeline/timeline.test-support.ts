import { unique } from "../../../test/support/factories.ts";
import type { Db } from "../../platform/database.ts";
import type { TimelineItemInput } from "./timeline.types.ts";

// What the timeline's tests share: an organisation to own items, and a filled-in item form.

export async function makeOrganisation(
  db: Db,
  name = unique("Scottish Government"),
): Promise<{ id: number; slug: string }> {
  const slug = unique("org")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  return db
    .insertInto("organisation")
    .values({ slug, name, type: "national_government" })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

/** A consultation of the workforce from `start` to `end` ("YYYY-MM-DD"), with any changes. */
export function itemForm(
  organisationId: number,
  audienceIds: number[],
  start: string,
  end: string | null,
  changes: Partial<TimelineItemInput> = {},
): TimelineItemInput {
  const [y, m, d] = start.split("-");
  const [ey, em, ed] = end ? end.split("-") : ["", "", ""];
  return {
    title: unique("Consultation"),
    summary: "What we want to hear about.",
    kind: "consultation",
    organisation: String(organisationId),
    dateKind: "exact",
    start: { day: d, month: m, year: y },
    end: { day: ed, month: em, year: ey },
    approximatePart: undefined,
    approximateYear: undefined,
    status: "open",
    link: "https://www.gov.scot/consultations",
    audiences: audienceIds.map(String),
    themes: [],
    groups: [],
    ...changes,
  };
}
