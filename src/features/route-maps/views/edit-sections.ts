import type { Section } from "../route-map.types.ts";

// How the editing pages name and place each section of an edition.

export interface SectionInfo {
  section: Section;
  /** The id of the section on the edit page: redirects land on `#anchor`. */
  anchor: string;
  heading: string;
  /** What one item is called: "Edit outcome", "The outcome has been added". */
  noun: string;
  /** The add form's heading and button. */
  add: string;
  /** How the edit page's buttons name one listed item, before its number: "Remove outcome 2". */
  itemName: string;
  /** What the edit page says when a list (or a year's or framework's list) has no items. */
  empty: string;
}

export const SECTION_INFO: Record<Section, SectionInfo> = {
  outcome: {
    section: "outcome",
    anchor: "outcomes",
    heading: "Where Scotland needs to be by 2030: outcomes or ambitions",
    noun: "outcome",
    add: "Add an outcome",
    itemName: "outcome",
    empty: "No outcomes yet.",
  },
  action: {
    section: "action",
    anchor: "actions",
    heading: "The route map to get there: actions",
    noun: "action",
    add: "Add an action",
    itemName: "action",
    empty: "No actions yet.",
  },
  milestone: {
    section: "milestone",
    anchor: "milestones",
    heading: "Milestones by year",
    noun: "milestone",
    add: "Add a milestone",
    itemName: "milestone",
    empty: "No milestones for this year yet.",
  },
  sector: {
    section: "sector",
    anchor: "sectors",
    heading: "Who needs to work on this",
    noun: "sector",
    add: "Add a sector",
    itemName: "sector",
    empty: "No sectors yet.",
  },
  helping: {
    section: "helping",
    anchor: "helping",
    heading: "What is helping",
    noun: "statement of what is helping",
    add: "Add what is helping",
    itemName: "what is helping",
    empty: "Nothing yet.",
  },
  what_matters: {
    section: "what_matters",
    anchor: "what-matters",
    heading: "What matters to children and families",
    noun: "statement of what matters",
    add: "Add what matters",
    itemName: "what matters",
    empty: "Nothing yet.",
  },
  mapping: {
    section: "mapping",
    anchor: "mappings",
    heading: "Mapping to other frameworks",
    noun: "mapping",
    add: "Add a mapping",
    itemName: "mapping",
    empty: "None yet.",
  },
};

/** The sections in the order the edit page shows them: the order SECTION_INFO lists them in. */
export const EDIT_PAGE_SECTIONS: readonly SectionInfo[] = Object.values(SECTION_INFO);

/** The edit page's own anchors besides the sections. */
export const DETAILS_ANCHOR = "details";
export const PUBLISH_ANCHOR = "publish";

export function editPath(editionId: number, anchor?: string): string {
  return `/manage/editions/${editionId}${anchor ? `#${anchor}` : ""}`;
}

export function itemPath(editionId: number, itemId: number): string {
  return `/manage/editions/${editionId}/items/${itemId}`;
}
