import type { Block } from "./route-map-page.types.ts";
import { closeTo, fold, toBlock } from "./route-map-text.parser.ts";

// Splits minutes into their parts: the title, the metadata list the newer layout prints under
// it, the preamble ("Minutes from the meeting … held on …"), the attendance list, the agenda
// items (each a heading and its paragraphs), next steps, and any other business. Headings are
// matched despite typos; the page footer ("Contact", "Back to top") ends the document.

export type MinutesPart = "attendees" | "items" | "nextSteps" | "otherBusiness";

const HEADINGS: { part: MinutesPart; texts: string[] }[] = [
  {
    part: "attendees",
    texts: [
      "Attendees and apologies",
      "Attendees",
      "Attendance",
      "Present",
      "In attendance",
      "Members present",
      "Attendance and apologies",
      "Participants",
    ],
  },
  { part: "items", texts: ["Items and actions", "Agenda", "Agenda items", "Items", "Minutes"] },
  { part: "nextSteps", texts: ["Next steps", "Summary of actions", "Action points", "Actions agreed"] },
  {
    part: "otherBusiness",
    texts: [
      "Any other business and date of next meeting",
      "Any other business",
      "AOB",
      "AOCB",
      "Date of next meeting",
      "Next meeting",
      "Date and time of next meeting",
      "Any other competent business",
    ],
  },
];
const FOLDED = HEADINGS.flatMap(({ part, texts }) => texts.map((t) => ({ part, folded: fold(t) })));

const METADATA_LABELS = [
  "Published",
  "First published",
  "Last updated",
  "Directorate",
  "Topic",
  "Part of",
  "Date of meeting",
  "Meeting date",
  "Date of next meeting",
  "Next meeting date",
];
const FOLDED_LABELS = METADATA_LABELS.map((label) => ({ label, folded: fold(label) }));

const FOOTER = [
  /^contact$/i,
  /^there is a problem$/i,
  /^thanks for your feedback/i,
  /^is this page useful\??$/i,
  /^share this page$/i,
  /^related content$/i,
];
const NOISE = [/^back to top$/i, /^skip to (the )?main content$/i, /^print this page$/i];
const NUMBERED = /^(?:item\s+)?(\d{1,2}|[ivx]{1,4})(?:[.):]|\s+[-–—]|\s)\s*(?=\p{L})/iu;

/** An agenda heading's words without its number: "2. Any other business" → "Any other business". */
export function withoutNumber(text: string): string {
  return text.replace(NUMBERED, "").trim();
}

export function isNumbered(text: string): boolean {
  return NUMBERED.test(text) && text.length <= 120;
}

/** The part this line is the heading of, allowing a typo or two, or undefined. */
export function minutesHeading(line: string): MinutesPart | undefined {
  if (line.length > 70) return undefined;
  const a = fold(withoutNumber(line).replace(/[:.]$/, ""));
  if (!a) return undefined;
  return (
    FOLDED.find((h) => h.folded === a)?.part ??
    FOLDED.find((h) => h.folded.length >= 8 && closeTo(a, h.folded))?.part
  );
}

/** A metadata label line ("Published", "Date of meeting: 5 August 2024"), or undefined. */
function metadataLabel(text: string): { label: string; value: string | null } | undefined {
  if (text.length > 80) return undefined;
  for (const { label, folded } of FOLDED_LABELS) {
    const whole = fold(text);
    if (whole === folded || (folded.length >= 8 && closeTo(whole, folded))) return { label, value: null };
    const inline = new RegExp(`^${label}\\s*[:\\-–—]?\\s+(.+)$`, "i").exec(text);
    if (inline) return { label, value: inline[1]!.trim() };
  }
  return undefined;
}

export interface MinutesParts {
  title: string | null;
  /** The metadata list, by label ("Published" → "4 October 2024"). */
  metadata: Map<string, string>;
  /** Blocks before the first section heading, after the title and metadata. */
  preamble: Block[];
  /** Each part's blocks; a part is present only if its heading (or an inline list) was seen. */
  parts: Map<MinutesPart, Block[]>;
  /** The heading that opened "otherBusiness", when it names the next meeting. */
  otherBusinessHeading: string | null;
  /** The last block of content, to tell whether the document stops mid-sentence. */
  last: { block: Block; part: MinutesPart | "preamble" } | null;
  /** The page footer was reached. */
  footer: boolean;
}

export function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim())
    .filter((l) => l !== "" && !NOISE.some((n) => n.test(l)));
}

export function splitMinutes(all: string[]): MinutesParts {
  const s: MinutesParts = {
    title: null,
    metadata: new Map(),
    preamble: [],
    parts: new Map(),
    otherBusinessHeading: null,
    last: null,
    footer: false,
  };
  let current = "preamble" as MinutesPart | "preamble";
  let pendingLabel: string | null = null;
  const enter = (part: MinutesPart) => {
    current = part;
    if (!s.parts.has(part)) s.parts.set(part, []);
  };

  for (const [index, line] of all.entries()) {
    if (FOOTER.some((f) => f.test(line))) {
      s.footer = true;
      break;
    }
    if (index === 0 && !toBlock(line).bullet) {
      s.title = line;
      continue;
    }
    const block = toBlock(line);
    if (current === "preamble") {
      if (pendingLabel !== null) {
        s.metadata.set(pendingLabel, block.text);
        pendingLabel = null;
        continue;
      }
      const label = metadataLabel(block.text);
      if (label) {
        if (label.value === null) pendingLabel = label.label;
        else s.metadata.set(label.label, label.value);
        continue;
      }
    }
    const heading = block.bullet ? undefined : minutesHeading(block.text);
    if (heading) {
      if (heading === "otherBusiness") s.otherBusinessHeading ??= block.text;
      // "Minutes" is a heading only before the agenda starts; a second "Agenda" changes nothing.
      if (!(heading === "items" && s.parts.has("items"))) enter(heading);
      continue;
    }
    // "Present: A, B": an attendance list on one line, with no heading.
    if (
      current === "preamble" &&
      /^(present|in attendance|attendees|apologies)\b\s*[:\-–—]/i.test(block.text)
    ) {
      enter("attendees");
    }
    // A numbered agenda heading after the attendance list starts the agenda.
    if (current === "attendees" && !block.bullet && isNumbered(block.text) && !/[.;,]$/.test(block.text)) {
      enter("items");
    }
    if (current === "preamble") s.preamble.push(block);
    else s.parts.get(current)!.push(block);
    s.last = { block, part: current };
  }
  return s;
}
