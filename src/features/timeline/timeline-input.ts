import type { FieldErrors } from "../../platform/errors.ts";
import {
  checkDate,
  checkText,
  clean,
  optional,
  paragraph,
  refuse,
  short,
  throwIfInvalid,
} from "../../platform/validation.ts";
import type * as repo from "./timeline.repository.ts";
import {
  ASK_KINDS,
  type Audience,
  type NamedLink,
  TIMELINE_KINDS,
  TIMELINE_STATUSES,
  type TimelineItemInput,
  type TimelineKind,
  type TimelineStatus,
} from "./timeline.types.ts";
import { APPROXIMATE_PARTS, type ApproximatePart, approximateWindow } from "./timeline-dates.ts";

// What an editor may send for a timeline item, checked field by field against the choices the
// form offered; the service (timeline.service.ts) saves what passes.

/** The choices the item form offers. */
export interface TimelineChoices {
  audiences: Audience[];
  themes: NamedLink[];
  groups: NamedLink[];
  organisations: NamedLink[];
}

function chosenIds(
  errors: FieldErrors,
  field: string,
  values: string[],
  known: NamedLink[],
  what: string,
): number[] {
  const byId = new Map(known.map((k) => [String(k.id), k.id]));
  const ids = [...new Set(values)].map((v) => byId.get(v));
  if (ids.some((id) => id === undefined)) {
    refuse(errors, field, `Choose ${what} from the list`);
    return [];
  }
  return ids as number[];
}

const LINK_LIMIT = 2000;

function checkLink(errors: FieldErrors, value: string | undefined): string | null {
  const text = clean(value);
  if (text === "") return null;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes("."))
    return refuse(
      errors,
      "link",
      "Enter the link as a full web address, starting https://, for example https://www.gov.scot",
    );
  if (text.length > LINK_LIMIT)
    return refuse(errors, "link", `The link must be ${LINK_LIMIT} characters or fewer`);
  return url.href;
}

/** The input checked: the row's values and links, or a ValidationError naming each field. */
export function checkInput(
  input: TimelineItemInput,
  choices: TimelineChoices,
): repo.ItemValues & repo.ItemLinks {
  const errors: FieldErrors = {};
  const title = checkText(errors, "title", input.title, short("title"));
  const summary = checkText(errors, "summary", input.summary, paragraph("summary", optional));
  const kind = TIMELINE_KINDS.find((k) => k === input.kind);
  if (!kind) refuse(errors, "kind", "Choose what kind of thing it is");
  const organisation = chosenIds(
    errors,
    "organisation",
    input.organisation ? [input.organisation] : [],
    choices.organisations,
    "the organisation",
  )[0];
  if (organisation === undefined && !errors.organisation)
    refuse(errors, "organisation", "Choose the organisation that owns it");
  let startsOn: string | null = null;
  let endsOn: string | null = null;
  let approximate: string | null = null;
  if (input.dateKind === "approximate") {
    const part = APPROXIMATE_PARTS.find((p) => p === input.approximatePart) as ApproximatePart | undefined;
    const yearText = clean(input.approximateYear);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (!part) refuse(errors, "approximatePart", "Choose roughly when in the year");
    if (!(year >= 2000 && year <= 2100))
      refuse(errors, "approximateYear", "Enter the year, for example 2027");
    if (part && year >= 2000 && year <= 2100) {
      const window = approximateWindow(part, year);
      startsOn = window.startsOn;
      endsOn = window.endsOn;
      approximate = window.words;
    }
  } else if (input.dateKind === "exact") {
    startsOn = checkDate(errors, "start", input.start, "Enter the date it happens or starts");
    const endGiven = [input.end.day, input.end.month, input.end.year].some((v) => clean(v) !== "");
    if (endGiven) endsOn = checkDate(errors, "end", input.end);
    if (startsOn && endsOn && endsOn < startsOn)
      refuse(errors, "end", "The end date must be the same as or after the start date");
    if (endsOn === startsOn) endsOn = null;
  } else refuse(errors, "dateKind", "Choose whether you know the date");
  const status = TIMELINE_STATUSES.find((s) => s === input.status);
  if (!status) refuse(errors, "status", "Choose its status");
  const link = checkLink(errors, input.link);
  const audienceIds = chosenIds(errors, "audiences", input.audiences, choices.audiences, "audiences");
  if (kind && ASK_KINDS.includes(kind) && audienceIds.length === 0 && !errors.audiences)
    refuse(
      errors,
      "audiences",
      "Choose who it asks: a consultation, survey, call for evidence or event asks someone",
    );
  const themeIds = chosenIds(errors, "themes", input.themes, choices.themes, "route maps");
  const groupIds = chosenIds(errors, "groups", input.groups, choices.groups, "groups");
  throwIfInvalid(errors);
  return {
    title,
    summary,
    kind: kind as TimelineKind,
    organisation_id: organisation as number,
    starts_on: startsOn as string,
    ends_on: endsOn,
    approximate,
    status: status as TimelineStatus,
    link,
    audienceIds,
    themeIds,
    groupIds,
  };
}
