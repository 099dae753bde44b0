import type { ParsedDocument } from "./document.parser.ts";
import { describeFound } from "./import.service.ts";

// What a document was found to hold, in one line of plain English, for the command's summary
// and the upload page: "minutes of National Leadership Group, 21 May 2024: 28 attendees, …".

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function kindName(parsed: ParsedDocument): string {
  if (parsed.kind === "route-map") return `a ${parsed.format} route map`;
  if (parsed.kind === "minutes") return `minutes (${parsed.layout} layout)`;
  return "a progress update";
}

export function describeDocument(parsed: ParsedDocument): string {
  let found: string;
  if (parsed.kind === "route-map") {
    found = `${kindName(parsed)} for ${parsed.themeName ?? "an untitled theme"}: ${describeFound(parsed)}`;
  } else if (parsed.kind === "minutes") {
    const next = parsed.nextMeeting;
    const parts = [
      parsed.attendees === null
        ? "attendees unknown"
        : `${count(parsed.attendees.length, "attendee")}${parsed.apologies.length ? ` (${count(parsed.apologies.length, "apology", "apologies")})` : ""}`,
      parsed.coChairs.length ? `chaired by ${parsed.coChairs.join(" and ")}` : null,
      parsed.items === null ? "agenda items unknown" : count(parsed.items.length, "agenda item"),
      parsed.nextSteps === null ? null : "next steps",
      next
        ? `next meeting ${next.date ?? "(date unknown)"}${next.startTime ? ` ${next.startTime}` : ""}${next.endTime ? `–${next.endTime}` : ""}${next.online ? ", online" : ""}${next.place ? `, ${next.place}` : ""}`
        : "next meeting unknown",
    ].filter((p): p is string => p !== null);
    found = `${kindName(parsed)} of ${parsed.groupName ?? "an unnamed group"}, meeting ${parsed.meetingDate ?? "(date unknown)"}: ${parts.join(", ")}`;
  } else {
    const part = parsed.partNumber
      ? `Part ${parsed.partNumber}${parsed.partTitle ? ` “${parsed.partTitle}”` : ""}`
      : "no part named";
    found = `${kindName(parsed)}${parsed.year ? ` ${parsed.year}` : ""}, ${part}: ${
      parsed.commitments === null ? "key actions unknown" : count(parsed.commitments.length, "key action")
    }`;
  }
  const missing = parsed.missing as readonly string[];
  return `${found}${parsed.truncated ? "; it appears truncated" : ""}${missing.length ? `; missing: ${missing.join(", ")}` : ""}`;
}
