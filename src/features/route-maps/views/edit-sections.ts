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
}

export const SECTION_INFO: Record<Section, SectionInfo> = {
  outcome: {
    section: "outcome",
    anchor: "outcomes",
    heading: "Where Scotland needs to be by 2030: outcomes or ambitions",
    noun: "outcome",
    add: "Add an outcome",
  },
  action: {
    section: "action",
    anchor: "actions",
    heading: "The route map to get there: actions",
    noun: "action",
    add: "Add an action",
  },
  milestone: {
    section: "milestone",
    anchor: "milestones",
    heading: "Milestones by year",
    noun: "milestone",
    add: "Add a milestone",
  },
  sector: {
    section: "sector",
    anchor: "sectors",
    heading: "Who needs to work on this",
    noun: "sector",
    add: "Add a sector",
  },
  helping: {
    section: "helping",
    anchor: "helping",
    heading: "What is helping",
    noun: "statement of what is helping",
    add: "Add what is helping",
  },
  what_matters: {
    section: "what_matters",
    anchor: "what-matters",
    heading: "What matters to children and families",
    noun: "statement of what matters",
    add: "Add what matters",
  },
  mapping: {
    section: "mapping",
    anchor: "mappings",
    heading: "Mapping to other frameworks",
    noun: "mapping",
    add: "Add a mapping",
  },
};

/** The edit page's own anchors besides the sections. */
export const DETAILS_ANCHOR = "details";
export const PUBLISH_ANCHOR = "publish";

export function editPath(editionId: number, anchor?: string): string {
  return `/manage/editions/${editionId}${anchor ? `#${anchor}` : ""}`;
}

export function itemPath(editionId: number, itemId: number): string {
  return `/manage/editions/${editionId}/items/${itemId}`;
}
