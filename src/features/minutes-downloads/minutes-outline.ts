import { fullDate } from "../../platform/dates.ts";

// Minutes to download, as Word and as a standalone web page. Both are written from one outline
// (headings, paragraphs, lists), made here from plain data, so the two downloads always say the
// same thing, in the order and words of the minutes page and of the seeds: the title with the
// meeting's date, "Attendees and apologies" with organisations and co-chairs marked, "Items and
// actions" item by item, matters arising, and the date of the next meeting.

export interface MinutesPerson {
  name: string;
  organisation: string | null;
}

export interface MinutesAttendee extends MinutesPerson {
  coChair: boolean;
  status: "present" | "apologies" | "deputised";
  /** Who came in their place, when deputised. */
  deputy: MinutesPerson | null;
}

export interface MinutesAction {
  text: string;
  /** A person's or an organisation's name. */
  owner: string | null;
  /** "YYYY-MM-DD" */
  due: string | null;
  status: "open" | "closed";
}

export interface MinutesPaper {
  title: string;
  /** As the group numbers it, e.g. "paper 5/1". */
  reference: string | null;
  url: string | null;
}

export interface MinutesItem {
  title: string;
  /** The minute of the item: paragraphs separated by blank lines. */
  notes: string;
  discussionPoints: string[];
  decisions: string[];
  actions: MinutesAction[];
  /** Public papers only: private papers never reach a download. */
  papers: MinutesPaper[];
}

export interface MeetingTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:MM" */
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  online: boolean;
}

export interface MinutesDocument {
  groupName: string;
  meeting: MeetingTime;
  minutesStatus: "draft" | "agreed" | "published";
  /** "YYYY-MM-DD", when published. */
  publishedDate: string | null;
  attendees: MinutesAttendee[];
  items: MinutesItem[];
  /** Open actions from earlier meetings, carried forward. */
  mattersArising: MinutesAction[];
  nextMeeting: MeetingTime | null;
  /** Where the minutes live on the web, absolute. */
  url: string | null;
}

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] };

/** "15:05" → "3.05 p.m.", "09:00" → "9 a.m.", "12:30" → "12.30 p.m.", the way the minutes write times. */
export function clockTime(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? "a.m." : "p.m.";
  return m === 0 ? `${hour} ${suffix}` : `${hour}.${String(m).padStart(2, "0")} ${suffix}`;
}

/** "11 June 2024, 3.05 p.m. to 4.30 p.m., online". */
export function describeMeetingTime(t: MeetingTime): string {
  const parts = [fullDate(t.date)];
  if (t.startTime && t.endTime) parts.push(`${clockTime(t.startTime)} to ${clockTime(t.endTime)}`);
  else if (t.startTime) parts.push(`from ${clockTime(t.startTime)}`);
  if (t.online && t.place) parts.push(`online and at ${t.place}`);
  else if (t.online) parts.push("online");
  else if (t.place) parts.push(`at ${t.place}`);
  return parts.join(", ");
}

/** "Louise Long (co-chair), SOLACE". */
export function attendeeLine(a: MinutesPerson & { coChair?: boolean }): string {
  const name = a.coChair ? `${a.name} (co-chair)` : a.name;
  return a.organisation ? `${name}, ${a.organisation}` : name;
}

export function actionLine(a: MinutesAction): string {
  const parts = [a.text.trim()];
  if (a.owner) parts.push(`Owner: ${a.owner}.`);
  if (a.due) parts.push(`Due ${fullDate(a.due)}.`);
  if (a.status === "closed") parts.push("Closed.");
  return parts.join(" ");
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((p) => ({ kind: "paragraph", text: p }));
}

export function minutesTitle(doc: Pick<MinutesDocument, "groupName" | "meeting">): string {
  return `${doc.groupName} minutes - ${fullDate(doc.meeting.date)}`;
}

/** The minutes, block by block. */
export function minutesOutline(doc: MinutesDocument): Block[] {
  const blocks: Block[] = [{ kind: "title", text: minutesTitle(doc) }];
  if (doc.minutesStatus !== "published")
    blocks.push({
      kind: "paragraph",
      text:
        doc.minutesStatus === "agreed"
          ? "These minutes are agreed and not yet published."
          : "Draft: these minutes are not yet agreed and not published.",
    });
  if (doc.publishedDate)
    blocks.push({ kind: "paragraph", text: `Published ${fullDate(doc.publishedDate)}.` });
  blocks.push({
    kind: "paragraph",
    text: `Minutes from the meeting of the group held on ${describeMeetingTime(doc.meeting)}.`,
  });

  blocks.push({ kind: "heading", level: 2, text: "Attendees and apologies" });
  const present = doc.attendees.filter((a) => a.status === "present");
  const absent = doc.attendees.filter((a) => a.status !== "present");
  if (present.length > 0) {
    blocks.push({ kind: "heading", level: 3, text: "Attendees" });
    blocks.push({ kind: "list", items: present.map(attendeeLine) });
  }
  if (absent.length > 0) {
    blocks.push({ kind: "heading", level: 3, text: "Apologies" });
    blocks.push({
      kind: "list",
      items: absent.map((a) =>
        a.status === "deputised" && a.deputy
          ? `${attendeeLine(a)} (represented by ${attendeeLine(a.deputy)})`
          : attendeeLine(a),
      ),
    });
  }
  if (doc.attendees.length === 0) blocks.push({ kind: "paragraph", text: "No attendance was recorded." });

  if (doc.mattersArising.length > 0) {
    blocks.push({ kind: "heading", level: 2, text: "Matters arising" });
    blocks.push({ kind: "paragraph", text: "Actions still open from earlier meetings:" });
    blocks.push({ kind: "list", items: doc.mattersArising.map(actionLine) });
  }

  blocks.push({ kind: "heading", level: 2, text: "Items and actions" });
  for (const item of doc.items) {
    blocks.push({ kind: "heading", level: 3, text: item.title });
    if (item.papers.length > 0) {
      blocks.push({ kind: "paragraph", text: "Papers:" });
      blocks.push({
        kind: "list",
        items: item.papers.map((p) => [p.reference, p.title, p.url].filter(Boolean).join(": ")),
      });
    }
    blocks.push(...paragraphs(item.notes));
    if (item.discussionPoints.length > 0) {
      blocks.push({ kind: "paragraph", text: "The following points were made in discussion:" });
      blocks.push({ kind: "list", items: item.discussionPoints });
    }
    if (item.decisions.length > 0) {
      blocks.push({ kind: "paragraph", text: "Decisions:" });
      blocks.push({ kind: "list", items: item.decisions });
    }
    if (item.actions.length > 0) {
      blocks.push({ kind: "paragraph", text: "Actions:" });
      blocks.push({ kind: "list", items: item.actions.map(actionLine) });
    }
  }
  if (doc.items.length === 0) blocks.push({ kind: "paragraph", text: "No items were minuted." });

  blocks.push({ kind: "heading", level: 2, text: "Date of next meeting" });
  blocks.push({
    kind: "paragraph",
    text: doc.nextMeeting
      ? `The next meeting is on ${describeMeetingTime(doc.nextMeeting)}.`
      : "The date of the next meeting has not been set.",
  });
  if (doc.url) blocks.push({ kind: "paragraph", text: `These minutes are online at ${doc.url}` });
  return blocks;
}
