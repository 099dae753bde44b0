import Type from "typebox";
import {
  ApiUrl,
  FoundationReference,
  Id,
  IdOf,
  Nullable,
  Slug,
  ThemeReference,
} from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// A route map edition: one dated version of a theme's route map, with every section.

export const EditionParams = Type.Object({ slug: Slug, id: IdOf("The edition's id.") });

export const EditionSummary = component(
  "EditionSummary",
  Type.Object({
    id: Id,
    status: Type.Enum(["draft", "published"], {
      description: "Only people who may read drafts ever see a draft.",
    }),
    layout: Type.Enum(["ambitions", "outcomes"], {
      description:
        "`ambitions`: the June 2024 format (2030 ambitions with promise-report page references). " +
        "`outcomes`: the December 2025 format (outcome statements).",
    }),
    label: Type.String({ description: 'How people name the edition, e.g. "December 2025".' }),
    lastUpdated: Nullable(
      Type.String({ format: "date", description: "The published “last updated” date; null for a draft." }),
    ),
    version: Type.Integer({ minimum: 1, description: "Goes up by one with every saved change." }),
    url: ApiUrl,
  }),
);

export const Counts = component(
  "Counts",
  Type.Object({
    outcomes: Type.Integer({ minimum: 0 }),
    actions: Type.Integer({ minimum: 0, description: "Top-level actions; sub-items are not counted." }),
    milestones: Type.Integer({ minimum: 0 }),
  }),
);

/** The latest published edition of a route map, as lists of themes show it. */
export const LatestEdition = component(
  "LatestEdition",
  Type.Object({ ...EditionSummary.properties, counts: Counts }),
);

export const Item = component(
  "Item",
  Type.Object({
    id: Id,
    key: Type.String({
      format: "uuid",
      description: "Stable across editions: the same key in two editions is the same item, perhaps reworded.",
    }),
    text: Type.String(),
  }),
);

export const Outcome = component(
  "Outcome",
  Type.Object({
    ...Item.properties,
    pageRefs: Type.String({
      description: 'Promise-report page references, e.g. "Pg 36; Pg 23"; empty in the outcomes layout.',
    }),
  }),
);

export const Action = component(
  "Action",
  Type.Object({
    ...Item.properties,
    children: Type.Array(Item, { description: "Sub-items of this action, in order." }),
  }),
);

export const MilestoneYear = component(
  "MilestoneYear",
  Type.Object({
    year: Type.Integer({ minimum: 2025, maximum: 2030 }),
    items: Type.Array(Item, {
      description: "An empty list is a real state: no milestones identified for this year yet.",
    }),
  }),
);

export const EditionSector = component(
  "EditionSector",
  Type.Object({ id: Id, key: Item.properties.key, slug: Slug, name: Type.String(), url: ApiUrl }),
);

export const Mapping = component(
  "Mapping",
  Type.Object({
    framework: Type.Enum(["promise_report", "plan_21_24", "uncrc", "shanarri"]),
    label: Type.String(),
    items: Type.Array(Item),
  }),
);

export const Edition = component(
  "Edition",
  Type.Object(
    {
      ...EditionSummary.properties,
      theme: ThemeReference,
      foundation: FoundationReference,
      copiedFromId: Nullable(IdOf("The edition this one was copied from.")),
      updatedAt: Type.String({ format: "date-time" }),
      introduction: Type.String(),
      stateOfPlay: Type.Object({
        title: Type.String({ description: '"Scotland in 2024" or "Where is Scotland now?".' }),
        text: Type.String(),
      }),
      ambitionSummary: Type.String(),
      routeMapIntro: Type.String(),
      outcomes: Type.Array(Outcome, {
        description: "Where Scotland needs to be by 2030: outcomes, or ambitions with page references.",
      }),
      actions: Type.Array(Action, { description: "The route map to get there, in order." }),
      milestones: Type.Array(MilestoneYear, { description: "Always the six years 2025 to 2030, in order." }),
      sectors: Type.Array(EditionSector, { description: "Who needs to work on this." }),
      helping: Type.Array(Item, { description: "What is helping." }),
      whatMatters: Type.Array(Item, { description: "What matters to children and families." }),
      mappings: Type.Array(Mapping, {
        description:
          "Always the four frameworks in order: promise-report pages, Plan 21-24 priority areas, " +
          "UNCRC articles, GIRFEC wellbeing indicators (SHANARRI).",
      }),
    },
    { description: "One edition of a route map, with every section." },
  ),
);

export const EditionList = component(
  "EditionList",
  Type.Object(
    {
      theme: ThemeReference,
      editions: Type.Array(EditionSummary, {
        description: "Newest first; a draft, for those who may see it, comes first.",
      }),
    },
    { description: "The editions of one route map that you may see." },
  ),
);
