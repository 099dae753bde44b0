import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { addItem, listChoices, setPublished } from "../timeline/timeline.service.ts";
import type { TimelineItemInput } from "../timeline/timeline.types.ts";
import { DEMO_GROUP_NAME } from "./governance-demo.ts";

// The timeline's part of the demo data: a year around the seeds' real dates. The Scottish
// Government's 2024 progress update promised a package of consultation "from summer to the end of
// 2024" (a universal definition of care experience, the Children's Hearings redesign, support
// for moving on from care, the future of fostering), a Partnership group first meeting in autumn
// 2024, a Statement of Intent on the Promise Progress Framework before the end of 2024, and the
// Promise Bill; the National Leadership Group worried (5 August 2024) about "the number of
// different consultations taking place over the summer". So the workforce has a real clash in
// September 2024. The exact windows are the demo's: the documents give only the seasons.

interface DemoItem {
  title: string;
  summary: string;
  kind: string;
  organisation: string;
  /** "YYYY-MM-DD" or ["YYYY-MM-DD", "YYYY-MM-DD"] or an approximate [part, year]. */
  when: string | [string, string] | { part: string; year: number };
  status: string;
  audiences: string[];
  themes?: string[];
  groups?: string[];
  published?: boolean;
}

const EVERYONE_ASKED = [
  "children-and-young-people",
  "care-experienced-adults",
  "families-and-carers",
  "workforce",
];

const ITEMS: DemoItem[] = [
  {
    title: "Keeping the Promise: progress update 2024",
    summary:
      "The Scottish Government says how its work to keep the Promise is going, two years after its plan.",
    kind: "report",
    organisation: "Scottish Government",
    when: { part: "summer", year: 2024 },
    status: "published",
    audiences: [],
    themes: ["leadership"],
  },
  {
    title: "Consultation on a universal definition of care experience",
    summary: "What should being 'care experienced' mean? We want everyone to use the same words.",
    kind: "consultation",
    organisation: "Scottish Government",
    when: ["2024-07-01", "2024-09-30"],
    status: "closed",
    audiences: EVERYONE_ASKED,
  },
  {
    title: "Consultation on the future of fostering",
    summary: "How can foster carers get the money and help they need to care for children well?",
    kind: "consultation",
    organisation: "Scottish Government",
    when: ["2024-07-08", "2024-10-04"],
    status: "closed",
    audiences: ["children-and-young-people", "families-and-carers", "workforce"],
  },
  {
    title: "Consultation on support for moving on from care",
    summary: "What help do young people need when they leave care?",
    kind: "consultation",
    organisation: "Scottish Government",
    when: ["2024-08-01", "2024-10-31"],
    status: "closed",
    audiences: ["children-and-young-people", "care-experienced-adults", "workforce"],
  },
  {
    title: "Consultation on the redesign of the Children's Hearings System",
    summary: "How should children's hearings change so that they work better for children and families?",
    kind: "consultation",
    organisation: "Scottish Government",
    when: { part: "autumn", year: 2024 },
    status: "closed",
    audiences: ["children-and-young-people", "families-and-carers", "workforce", "local-authorities"],
  },
  {
    title: "First meeting of the Minister's Partnership group",
    summary: "The Minister meets key partners to look at the changes needed, including the consultations.",
    kind: "event",
    organisation: "Scottish Government",
    when: { part: "autumn", year: 2024 },
    status: "closed",
    audiences: ["local-authorities", "third-sector", "health-boards"],
  },
  {
    title: "Early advice on the Promise Bill from the National Leadership Group",
    summary: "Members agreed to think about giving early advice on the Promise Bill.",
    kind: "event",
    organisation: "Scottish Government",
    when: "2024-10-04",
    status: "planned",
    audiences: ["local-authorities", "third-sector", "health-boards"],
    groups: [DEMO_GROUP_NAME],
    published: false,
  },
  {
    title: "Statement of Intent on the Promise Progress Framework",
    summary: "How Scotland will measure whether the Promise is being kept.",
    kind: "report",
    organisation: "Scottish Government",
    when: { part: "late", year: 2024 },
    status: "planned",
    audiences: [],
  },
  {
    title: "The Promise Bill",
    summary: "A proposed law with changes the consultations told us are needed.",
    kind: "bill",
    organisation: "Scottish Government",
    when: { part: "year", year: 2025 },
    status: "planned",
    audiences: EVERYONE_ASKED,
    themes: ["leadership"],
  },
];

function input(
  item: DemoItem,
  ids: { organisation: number; audiences: string[]; themes: string[]; groups: string[] },
): TimelineItemInput {
  const date = (iso: string) => {
    const [year, month, day] = iso.split("-");
    return { day, month, year };
  };
  const none = { day: "", month: "", year: "" };
  const approximate = typeof item.when === "object" && !Array.isArray(item.when) ? item.when : undefined;
  const [start, end] =
    typeof item.when === "string"
      ? [item.when, undefined]
      : Array.isArray(item.when)
        ? item.when
        : [undefined, undefined];
  return {
    title: item.title,
    summary: item.summary,
    kind: item.kind,
    organisation: String(ids.organisation),
    dateKind: approximate ? "approximate" : "exact",
    start: start ? date(start) : none,
    end: end ? date(end) : none,
    approximatePart: approximate?.part,
    approximateYear: approximate ? String(approximate.year) : undefined,
    status: item.status,
    link: "",
    audiences: ids.audiences,
    themes: ids.themes,
    groups: ids.groups,
  };
}

/** Adds the demo timeline as the demo editor, through the timeline's own service; returns how many items. */
export async function loadTimelineDemo(trx: Trx, actor: Actor): Promise<number> {
  const choices = await listChoices(trx);
  const idOf = (list: Array<{ id: number; slug: string; name: string }>, key: string) => {
    const found = list.find((x) => x.slug === key || x.name === key);
    if (!found) throw new Error(`The demo timeline names "${key}", which the demo does not hold.`);
    return String(found.id);
  };
  for (const item of ITEMS) {
    const id = await addItem(
      trx,
      actor,
      input(item, {
        organisation: Number(idOf(choices.organisations, item.organisation)),
        audiences: item.audiences.map((a) => idOf(choices.audiences, a)),
        themes: (item.themes ?? []).map((t) => idOf(choices.themes, t)),
        groups: (item.groups ?? []).map((g) => idOf(choices.groups, g)),
      }),
      // The clash is the point: the demo saves it anyway, as an editor may.
      { threshold: 2, saveAnyway: true },
    );
    if (item.published !== false) await setPublished(trx, actor, id, 0, true);
  }
  return ITEMS.length;
}
