// What the minutes reader finds in a governance group's minutes. Null means "the document does
// not say" (the section is missing or cut off), never "none": an empty list is a list the
// document printed with nothing in it.

/**
 * The two gov.scot layouts: "bulleted" (older: a title, "Minutes from the meeting … held on …",
 * `•` lists) and "metadata" (newer: Published, Directorate, Topic, Date of meeting, Date of next
 * meeting printed as a list under the title).
 */
export type MinutesLayout = "bulleted" | "metadata";

/** The sections minutes have: the rest are reported missing. */
export type MinutesSection = "title" | "meetingDate" | "attendees" | "items" | "nextSteps" | "nextMeeting";

export type AttendanceStatus = "present" | "apologies" | "deputised";

export interface AttendeeEntry {
  /** The name as printed, tidied: "Louise Long". */
  name: string;
  /** The organisation as printed ("SOLACE"), or null when the entry gives none. */
  organisation: string | null;
  /** "chair" or "co-chair" when the entry says so, else null. */
  role: "chair" | "co-chair" | null;
  status: AttendanceStatus;
  /** Anything else the entry said (a job title, "deputising for …"). */
  note: string | null;
}

export interface AgendaItemEntry {
  /** The item's heading, without any number: "Workforce development". */
  title: string;
  /** Its paragraphs and list items in order; list items start with "• ". */
  text: string[];
  /** The list items (discussion points, feedback) on their own. */
  points: string[];
  /** Sentences recording an agreement or decision ("It was agreed to …"). */
  decisions: string[];
}

export interface NextMeeting {
  /** "YYYY-MM-DD"; null when the day cannot be read. */
  date: string | null;
  /** The words the document used: "11 June between 3.05 p.m. and 4.30 p.m.". */
  text: string;
  /** 24-hour "HH:MM", or null when not given. */
  startTime: string | null;
  endTime: string | null;
  /** true for online, false for in person, null when the document does not say. */
  online: boolean | null;
  /** Where, when a place is named. */
  place: string | null;
}

export interface MinutesResult {
  kind: "minutes";
  layout: MinutesLayout;
  /** The first line: "Children and Families: National Leadership Group Minutes - 21 May 2024". */
  title: string | null;
  /** The group, from the title: "National Leadership Group". */
  groupName: string | null;
  /** What the title puts before the group ("Children and Families"), or null. */
  groupQualifier: string | null;
  /** "YYYY-MM-DD". */
  meetingDate: string | null;
  publishedDate: string | null;
  /** The other facts the metadata list gives (Directorate, Topic), by label. */
  metadata: Record<string, string>;
  /** Everyone listed, present or not, each once. Null: the document has no attendance list. */
  attendees: AttendeeEntry[] | null;
  /** The names marked chair or co-chair. */
  coChairs: string[];
  /** The entries sending apologies (also in `attendees`, with status "apologies"). */
  apologies: AttendeeEntry[];
  items: AgendaItemEntry[] | null;
  nextSteps: string[] | null;
  /** What "Any other business" said, if the document has it. */
  otherBusiness: string[] | null;
  nextMeeting: NextMeeting | null;
  warnings: string[];
  missing: MinutesSection[];
  truncated: boolean;
}
