import Type from "typebox";
import { IdOf, Nullable, ThemeReference } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";
import { EditionSummary, Item } from "./edition.schema.ts";
import { FIELD_NAMES, SECTION_IDS } from "./edition-compare.ts";

// What changed between two editions of one route map, section by section.

export const ComparisonQuery = Type.Object({
  from: Type.Optional(IdOf("The earlier edition. Without it: the edition before `to`.")),
  to: Type.Optional(IdOf("The later edition. Without it: the latest published edition.")),
});

const Layout = Type.Enum(["ambitions", "outcomes"]);

export const DiffPart = component(
  "DiffPart",
  Type.Object(
    { kind: Type.Enum(["same", "added", "removed"]), text: Type.String() },
    { description: "A run of words: kept, added or removed. Joined in order they make both texts." },
  ),
);

export const ComparedItem = component(
  "ComparedItem",
  Type.Object({
    key: Item.properties.key,
    text: Type.String(),
    detail: Type.String({
      description: "Facts compared with the text: a milestone's year, an ambition's page references.",
    }),
    context: Type.String({ description: "Where the item sits: a sub-item names its parent action." }),
  }),
);

export const ItemChange = component(
  "ItemChange",
  Type.Object({
    before: ComparedItem,
    after: ComparedItem,
    textDiff: Type.Array(DiffPart),
    detailDiff: Nullable(Type.Array(DiffPart, { description: "Null when the detail did not change." })),
  }),
);

export const FieldComparison = component(
  "FieldComparison",
  Type.Object({
    field: Type.Enum([...FIELD_NAMES]),
    label: Type.String(),
    before: Type.String(),
    after: Type.String(),
    status: Type.Enum(["unchanged", "added", "removed", "changed"]),
    diff: Type.Array(DiffPart),
  }),
);

export const SectionComparison = component(
  "SectionComparison",
  Type.Object({
    id: Type.Enum([...SECTION_IDS]),
    title: Type.String(),
    fields: Type.Array(FieldComparison, { description: "The section's own texts." }),
    hasItems: Type.Boolean({ description: "False for sections that are only text." }),
    added: Type.Array(ComparedItem),
    removed: Type.Array(ComparedItem),
    changed: Type.Array(ItemChange),
    unchanged: Type.Array(ComparedItem),
  }),
);

export const Comparison = component(
  "Comparison",
  Type.Object(
    {
      theme: ThemeReference,
      from: EditionSummary,
      to: EditionSummary,
      layoutChange: Nullable(
        Type.Object(
          { from: Layout, to: Layout },
          { description: "Set when the editions use different formats (2030 ambitions, outcomes)." },
        ),
      ),
      sections: Type.Array(SectionComparison, { description: "Every section, in the route map's order." }),
      totals: Type.Object({
        added: Type.Integer({ minimum: 0 }),
        removed: Type.Integer({ minimum: 0 }),
        changed: Type.Integer({ minimum: 0 }),
      }),
      hasChanges: Type.Boolean(),
    },
    { description: "What was added, removed and changed from one edition to another, section by section." },
  ),
);
