import Type from "typebox";
import { ApiUrl, Id, IdOf, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { TIMELINE_KINDS, TIMELINE_STATUSES } from "./timeline.types.ts";

// /api/v1/timeline: the published forward timeline, and each item with the clashes it is part of.

export const TIMELINE_TAG = {
  name: "Timeline",
  description:
    "What is coming up: bills, strategies, guidance, consultations, surveys, calls for evidence, reports, " +
    "events and deadlines, whom each asks, and where one audience is asked too much at once.",
};

const Named = Type.Object({ slug: Slug, name: Type.String() });
const IsoDate = Type.String({ format: "date", description: "YYYY-MM-DD" });

const TimelineItemSchema = component(
  "TimelineItem",
  Type.Object({
    id: Id,
    title: Type.String(),
    summary: Type.String(),
    kind: Type.Enum([...TIMELINE_KINDS]),
    organisation: Named,
    startsOn: IsoDate,
    endsOn: Nullable(IsoDate),
    approximate: Nullable(
      Type.String({
        description: 'The words of an approximate date ("autumn 2027"); startsOn and endsOn are its window.',
      }),
    ),
    when: Type.String({
      description: 'When, in words: "1 July to 30 September 2024", "Autumn 2027 (approximate)".',
    }),
    status: Type.Enum([...TIMELINE_STATUSES]),
    link: Nullable(Type.String({ format: "uri" })),
    audiences: Type.Array(Named),
    themes: Type.Array(Named, { description: "The route maps it is part of." }),
    groups: Type.Array(Named, { description: "The governance groups involved." }),
    page: Type.String({ format: "uri", description: "Its public page." }),
    url: ApiUrl,
  }),
);

const ClashSchema = component(
  "TimelineClash",
  Type.Object({
    audience: Named,
    when: Type.String({ description: 'The weeks, in words: "the week starting 8 July 2024".' }),
    items: Type.Array(Type.Object({ id: Id, title: Type.String() })),
  }),
);

export const TimelineList = component(
  "TimelineList",
  Type.Object({
    items: Type.Array(TimelineItemSchema, { description: "Published items, by date." }),
    clashes: Type.Array(ClashSchema, {
      description: "Every week an audience has more asks than the threshold.",
    }),
  }),
);

export const TimelineItemDetail = component(
  "TimelineItemDetail",
  Type.Object({ item: TimelineItemSchema, clashes: Type.Array(ClashSchema) }),
);

export const TimelineQuery = Type.Object({
  audience: Type.Optional(Slug),
});

export const TimelineItemParams = Type.Object({ id: IdOf("The timeline item's id.") });
