import { DocumentRefusedError, documentText } from "./document-input.ts";
import type { MinutesResult, MinutesSection } from "./minutes.types.ts";
import { AttendanceList } from "./minutes-attendees.parser.ts";
import { findDate } from "./minutes-dates.ts";
import { readItems } from "./minutes-items.parser.ts";
import { readNextMeeting } from "./minutes-next-meeting.ts";
import { lines, type MinutesParts, splitMinutes } from "./minutes-sections.parser.ts";
import type { Block } from "./route-map-page.types.ts";

export type { MinutesResult } from "./minutes.types.ts";

// Reads a governance group's minutes (saved as text or as a web page) in either gov.scot layout.
// Pure: no database. Real minutes have typos, doubled commas, "(co-chair)" glued to names and
// people listed twice; the reader keeps what it can, says what it could not, and reports a
// section it did not see as missing (null), never as empty. Throws only DocumentRefusedError.

const TITLE =
  /^(?:(.+?)\s*:\s*)?(.+?)\s*[-–—:,]?\s*\bminutes?\b\s*(?:of the meeting\s*)?(?:[-–—:,]\s*|\s+)?(.*)$/i;
const TITLE_MINUTES_OF =
  /^minutes?\s+(?:of|from)\s+(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(.+?)(?:\s*(?:[-–—:,]|\bheld on\b|\bon\b)\s*(.*))?$/i;
// A line that stops on one of these was cut off, even when it gives the next meeting's date.
const ENDS_OPEN = /(?:\b(?:and|or|between|from|to|at|on|the|of|in|by|with|until)|[,(\-–—])$/i;
const HELD_ON = /\b(?:held on|meeting (?:of|on)|took place on)\b/i;

/** How strongly the text looks like minutes: 3 or more, with a title or attendance list, is minutes. */
export function minutesSigns(parts: MinutesParts): number {
  let signs = 0;
  if (parts.title && /\bminutes?\b/i.test(parts.title)) signs += 2;
  for (const part of ["attendees", "items", "nextSteps", "otherBusiness"] as const) {
    if (parts.parts.has(part)) signs += 1;
  }
  if (parts.preamble.some((b) => HELD_ON.test(b.text))) signs += 1;
  if (parts.metadata.has("Date of meeting")) signs += 2;
  return signs;
}

function readTitle(title: string | null): {
  group: string | null;
  qualifier: string | null;
  dateText: string;
} {
  if (!title) return { group: null, qualifier: null, dateText: "" };
  const of = TITLE_MINUTES_OF.exec(title);
  if (of) return { group: of[1]!.trim() || null, qualifier: null, dateText: of[2] ?? "" };
  const m = TITLE.exec(title);
  if (m?.[2] && /\bminutes?\b/i.test(title)) {
    const group = m[2].trim();
    // "National Leadership Group: minutes – 3 December 2024": the part before the colon is
    // the group itself, not a qualifier of it.
    if (!group && m[1]) return { group: m[1].trim(), qualifier: null, dateText: m[3] ?? "" };
    return { group, qualifier: m[1]?.trim() ?? null, dateText: m[3] ?? "" };
  }
  return { group: null, qualifier: null, dateText: title };
}

function texts(blocks: Block[] | undefined): string[] | null {
  return blocks ? blocks.map((b) => (b.bullet ? `• ${b.text}` : b.text)) : null;
}

/** The meeting's date, from the metadata, "held on …" or the title, warning when they disagree. */
function readMeetingDate(parts: MinutesParts, titleDate: string, warnings: string[]): string | null {
  const candidates: { from: string; date: string }[] = [];
  const add = (from: string, text: string | undefined) => {
    const found = text ? findDate(text) : null;
    if (found?.date) candidates.push({ from, date: found.date });
  };
  add("the “Date of meeting”", parts.metadata.get("Date of meeting") ?? parts.metadata.get("Meeting date"));
  const held = parts.preamble.find((b) => HELD_ON.test(b.text));
  add("the “held on” line", held?.text.slice(held.text.search(HELD_ON)));
  add("the title", titleDate);
  const [first, ...others] = candidates;
  for (const other of others) {
    if (other.date !== first!.date) {
      warnings.push(
        `The meeting date differs: ${first!.from} says ${first!.date}, ${other.from} says ${other.date}; ${first!.date} was used.`,
      );
      break;
    }
  }
  return first?.date ?? null;
}

/**
 * Reads minutes (text or a saved HTML page). Throws DocumentRefusedError for input that is too
 * large, binary, or not minutes; never anything else.
 */
export function parseMinutes(input: string | Uint8Array): MinutesResult {
  const parts = splitMinutes(lines(documentText(input, "minutes")));
  if (!looksLikeMinutes(parts)) {
    throw new DocumentRefusedError(
      "This document was not recognised as minutes: it has too few of the parts minutes have, such as a title with “Minutes”, an attendance list and agenda items.",
    );
  }
  return readMinutes(parts);
}

export function looksLikeMinutes(parts: MinutesParts): boolean {
  const titled = (parts.title !== null && /\bminutes?\b/i.test(parts.title)) || parts.parts.has("attendees");
  return titled && minutesSigns(parts) >= 3;
}

export function readMinutes(parts: MinutesParts): MinutesResult {
  const warnings: string[] = [];
  const { group, qualifier, dateText } = readTitle(parts.title);
  if (!group) warnings.push("The title does not name the group: choose the group by hand.");
  const meetingDate = readMeetingDate(parts, dateText, warnings);
  const publishedRaw = parts.metadata.get("Published") ?? parts.metadata.get("First published");
  const publishedDate = publishedRaw ? (findDate(publishedRaw)?.date ?? null) : null;
  if (publishedRaw && !publishedDate)
    warnings.push(`The published date “${publishedRaw}” could not be read.`);

  let attendees: MinutesResult["attendees"] = null;
  const attendeeBlocks = parts.parts.get("attendees");
  if (attendeeBlocks) {
    const list = new AttendanceList(warnings);
    for (const block of attendeeBlocks) list.addLine(block.text);
    attendees = list.entries;
  }
  const items = parts.parts.has("items") ? readItems(parts.parts.get("items")!, warnings) : null;
  const nextSteps = texts(parts.parts.get("nextSteps"));
  const otherBusiness = texts(parts.parts.get("otherBusiness"));
  const nextMeeting = readNextMeeting(parts, meetingDate, warnings);

  const missing: MinutesSection[] = [];
  if (!group) missing.push("title");
  if (!meetingDate) missing.push("meetingDate");
  if (!attendees) missing.push("attendees");
  if (!items) missing.push("items");
  if (!nextSteps) missing.push("nextSteps");
  if (!nextMeeting) missing.push("nextMeeting");

  // Cut off: the document ends before its closing parts, or stops in the middle of a sentence.
  const last = parts.last;
  const stopsMidSentence =
    last !== null &&
    !parts.footer &&
    !last.block.bullet &&
    last.part !== "attendees" &&
    !/[.!?:;)"”’']$/.test(last.block.text) &&
    !(last.part === "otherBusiness" && nextMeeting && !ENDS_OPEN.test(last.block.text));
  const tailMissing = !parts.parts.has("nextSteps") && !parts.parts.has("otherBusiness") && !nextMeeting;
  const truncated = stopsMidSentence || tailMissing;
  if (truncated) {
    warnings.push("The document appears to be cut off: check it against the published minutes.");
  }
  for (const section of missing) {
    warnings.push(`The minutes have no ${SECTION_NAMES[section]}; it is unknown, not empty.`);
  }

  const metadata: Record<string, string> = {};
  for (const [label, value] of parts.metadata) metadata[label] = value;
  return {
    kind: "minutes",
    layout: parts.metadata.size >= 2 ? "metadata" : "bulleted",
    title: parts.title,
    groupName: group,
    groupQualifier: qualifier,
    meetingDate,
    publishedDate,
    metadata,
    attendees,
    coChairs: (attendees ?? []).filter((a) => a.role !== null).map((a) => a.name),
    apologies: (attendees ?? []).filter((a) => a.status === "apologies"),
    items,
    nextSteps,
    otherBusiness,
    nextMeeting,
    warnings,
    missing,
    truncated,
  };
}

const SECTION_NAMES: Record<MinutesSection, string> = {
  title: "title naming the group",
  meetingDate: "meeting date",
  attendees: "attendance list",
  items: "agenda items",
  nextSteps: "next steps",
  nextMeeting: "date of the next meeting",
};
