import type { NextMeeting } from "./minutes.types.ts";
import { findDate, findTimes } from "./minutes-dates.ts";
import type { MinutesParts } from "./minutes-sections.parser.ts";

// The next meeting: "The group’s next meeting is on 11 June between 3.05 p.m. and 4.30 p.m. and
// will be online", or the newer layout's "Date of next meeting" with the time in the text
// ("Tuesday 10 September from 15:05 to 16:30"). A day without a year takes the meeting's year.

const NEXT_MEETING = /\b(next meeting|next meet|will (?:next )?meet(?: again)?|date of next|next session)\b/i;
const ONLINE = /\b(online|virtual(?:ly)?|(?:ms |microsoft )?teams|zoom|video ?call|remotely)\b/i;
const IN_PERSON = /\b(in[\s-]person|face[\s-]to[\s-]face)\b/i;
const PLACE =
  /\b(?:held at|at|in|venue:?)\s+((?:the\s+)?\p{Lu}[\p{L}'’&-]*(?:(?:,\s*|\s+)(?:\p{Lu}[\p{L}'’&-]*|of|the|and|on|\d{1,4}))*)/u;
const NOT_PLACES =
  /^(the\s+)?(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|teams|ms|microsoft|zoom)\b/i;

function placeIn(text: string): string | null {
  const m = PLACE.exec(text);
  if (!m) return null;
  const place = m[1]!.replace(/[\s,]+(and|on|of|the)$/i, "").trim();
  return NOT_PLACES.test(place) ? null : place;
}

const PLACE_WORDS = /^(?:the\s+)?\p{Lu}[\p{L}'’&-]*(?:\s+(?:\p{Lu}[\p{L}'’&-]*|of|the|and|on|\d{1,4}))*$/u;

/** A place listed after the date and time: "Tuesday 8 April 2025, 14:00-15:30, Victoria Quay, Edinburgh". */
function listedPlace(text: string): string | null {
  const pieces = text.replace(/\.$/, "").split(/\s*,\s*/);
  let from = pieces.length;
  while (from > 1) {
    const piece = pieces[from - 1]!;
    if (!PLACE_WORDS.test(piece) || NOT_PLACES.test(piece) || ONLINE.test(piece) || IN_PERSON.test(piece))
      break;
    from--;
  }
  const before = pieces.slice(0, from).join(", ");
  if (from === pieces.length || !findDate(before)) return null;
  return pieces.slice(from).join(", ");
}

/** The sentence (or line) that gives the next meeting, from the phrase on. */
function nextMeetingText(parts: MinutesParts): string | null {
  const sources = [
    ...(parts.parts.get("otherBusiness") ?? []),
    ...(parts.parts.get("nextSteps") ?? []),
    ...(parts.parts.get("items") ?? []),
  ];
  for (const block of sources) {
    const at = block.text.search(NEXT_MEETING);
    if (at >= 0) {
      const rest = block.text.slice(at);
      const end = rest.search(/(?<=[.!?])\s+(?=\p{Lu})/u);
      return end > 0 ? rest.slice(0, end) : rest;
    }
  }
  // "Date of next meeting" as a heading, the date on the next line.
  if (parts.otherBusinessHeading && NEXT_MEETING.test(parts.otherBusinessHeading)) {
    const dated = (parts.parts.get("otherBusiness") ?? []).find((b) => findDate(b.text));
    if (dated) return dated.text;
  }
  return null;
}

export function readNextMeeting(
  parts: MinutesParts,
  meetingDate: string | null,
  warnings: string[],
): NextMeeting | null {
  const sentence = nextMeetingText(parts);
  const listed = parts.metadata.get("Date of next meeting") ?? parts.metadata.get("Next meeting date");
  if (!sentence && !listed) return null;

  const fromList = listed ? findDate(listed, meetingDate) : null;
  const fromText = sentence ? findDate(sentence, fromList?.date ?? meetingDate) : null;
  let date = fromList?.date ?? fromText?.date ?? null;
  if (fromList?.date && fromText?.date && fromList.date !== fromText.date) {
    warnings.push(
      `The next meeting's date differs: the “Date of next meeting” says ${fromList.date}, the text says ${fromText.date}; ${fromList.date} was used.`,
    );
  }
  if (!fromList?.date && fromText && !fromText.yearGiven) {
    if (fromText.date) {
      warnings.push(
        `The next meeting's year is not given: ${fromText.date} assumes the year of this meeting.`,
      );
    } else {
      warnings.push("The next meeting's year is not given and the meeting date is unknown: set it by hand.");
      date = null;
    }
  }
  const text = sentence ?? listed ?? "";
  const { start, end } = findTimes(sentence ?? "");
  const online = ONLINE.test(text) ? true : IN_PERSON.test(text) ? false : null;
  return {
    date,
    text: text.replace(/^(the\s+)?next meeting\s*(will be|is)?\s*(held\s*)?(on\s*)?/i, "").trim() || text,
    startTime: start,
    endTime: end,
    online,
    place: placeIn(sentence ?? "") ?? listedPlace(sentence ?? ""),
  };
}
