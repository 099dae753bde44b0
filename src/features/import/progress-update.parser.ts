import { DocumentRefusedError, documentText } from "./document-input.ts";
import { lines } from "./minutes-sections.parser.ts";
import type { Block } from "./route-map-page.types.ts";
import { clip, toBlock } from "./route-map-text.parser.ts";

// Reads a part of the Scottish Government's progress update on keeping the promise ("Part 3 The
// Next Stage of our Journey to Change"): the part's title and its key actions, each a commitment
// with the paragraphs that explain it and any list under it. Pure; throws only DocumentRefusedError.

export interface Commitment {
  /** The key action as printed: "We will develop and promote a package of support for foster carers". */
  text: string;
  /** The paragraphs under it, in order (a sub-heading is kept as a paragraph). */
  details: string[];
  /** A list introduced under it ("This package of consultation will include:"). */
  subItems: string[];
  /** A status the document gives ("Status: on track"), else null. */
  status: string | null;
  /** The number the document prints before it ("3. We will …"), when it numbers them; else null. */
  number: number | null;
}

export type ProgressUpdateSection = "title" | "part" | "keyActions";

export interface ProgressUpdateResult {
  kind: "progress-update";
  /** "Keeping The Promise to our children, young people and families: progress update 2024". */
  title: string | null;
  year: number | null;
  /** "3", or null when the document names no part. */
  partNumber: string | null;
  /** "The Next Stage of our Journey to Change". */
  partTitle: string | null;
  /** Paragraphs between the part's title and its first key action. */
  introduction: string[];
  /** How many key actions the document says it has ("nine key actions"), if it says. */
  statedCount: number | null;
  /** Null: the document has no key actions (missing, not none). */
  commitments: Commitment[] | null;
  warnings: string[];
  missing: ProgressUpdateSection[];
  truncated: boolean;
}

const PART = /^part\s+(\d{1,2}|[ivx]{1,5})\b\s*[:.\-–—]?\s*(.*)$/i;
const TITLE = /\bprogress\s+(?:update|report)\b(?:\s*[:\-–—]?\s*(\d{4}))?/i;
const NUMBER_WORDS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const STATED = new RegExp(`\\b(\\d{1,2}|${NUMBER_WORDS.join("|")})\\s+(?:new\\s+)?key\\s+actions?\\b`, "i");
const ACTION_START = /^(we\s+(will|are|have|shall)|the\s+[\p{L}\s,&]{2,80}\s+will)\b/iu;
const NUMBERED_ACTION = /^(?:key action\s+)?(\d{1,2})[.):]\s+(.+)$/i;
// An annex that labels each one: "Commitment: We will …", "Action 3 – The Minister will …".
const LABELLED_ACTION = /^(?:key\s+)?(?:commitment|action)\s*(\d{1,3})?\s*[:.\-–—]\s*(.{10,})$/i;
const STATUS = /^(status|progress|rag status)\s*[:\-–—]\s*(.{1,60})$/i;
const FOOTER = [/^contact$/i, /^email:/i, /^there is a problem$/i, /^thanks for your feedback/i];

/** How strongly the text looks like a progress update: 3 or more, with its title or key actions, is one. */
export function progressUpdateSigns(all: string[]): number {
  let signs = 0;
  if (all.slice(0, 3).some((l) => TITLE.test(l))) signs += 2;
  if (all.some((l) => PART.test(l) && l.length < 120)) signs += 1;
  if (all.some((l) => STATED.test(l))) signs += 2;
  const actions = all.filter((l) => {
    const b = toBlock(l);
    return b.bullet && ACTION_START.test(b.text);
  }).length;
  if (actions >= 2) signs += 1;
  return signs;
}

export function looksLikeProgressUpdate(all: string[]): boolean {
  const named = all.slice(0, 3).some((l) => TITLE.test(l)) || all.some((l) => STATED.test(l));
  return named && progressUpdateSigns(all) >= 3;
}

function isKeyAction(block: Block): { text: string; number: number | null } | null {
  if (block.bullet && block.text.length >= 10) return { text: block.text, number: null };
  const numbered = NUMBERED_ACTION.exec(block.text);
  if (numbered && ACTION_START.test(numbered[2]!)) return { text: numbered[2]!, number: Number(numbered[1]) };
  const labelled = LABELLED_ACTION.exec(block.text);
  if (labelled) return { text: labelled[2]!.trim(), number: labelled[1] ? Number(labelled[1]) : null };
  return null;
}

export function parseProgressUpdate(input: string | Uint8Array): ProgressUpdateResult {
  const all = lines(documentText(input, "a progress update"));
  if (!looksLikeProgressUpdate(all)) {
    throw new DocumentRefusedError(
      "This document was not recognised as a progress update: it has no “progress update” title and no key actions.",
    );
  }
  return readProgressUpdate(all);
}

export function readProgressUpdate(all: string[]): ProgressUpdateResult {
  const warnings: string[] = [];
  const r: ProgressUpdateResult = {
    kind: "progress-update",
    title: null,
    year: null,
    partNumber: null,
    partTitle: null,
    introduction: [],
    statedCount: null,
    commitments: null,
    warnings,
    missing: [],
    truncated: false,
  };
  const titleLine = all.slice(0, 3).find((l) => TITLE.test(l));
  if (titleLine) {
    r.title = titleLine;
    const year = TITLE.exec(titleLine)?.[1];
    r.year = year ? Number(year) : null;
  }
  let current: Commitment | null = null;
  let listBelongsToAction = false;
  let last: Block | null = null;
  let footer = false;
  for (const line of all) {
    if (line === titleLine) continue;
    if (FOOTER.some((f) => f.test(line))) {
      footer = true;
      break;
    }
    const block = toBlock(line);
    const part = block.bullet ? null : PART.exec(block.text);
    if (part && r.partNumber === null && block.text.length < 120) {
      r.partNumber = part[1]!.toUpperCase();
      r.partTitle = part[2]!.trim() || null;
      continue;
    }
    const stated = STATED.exec(block.text);
    if (stated && r.statedCount === null) {
      const word = stated[1]!.toLowerCase();
      r.statedCount = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word) + 1;
    }
    last = block;
    const status = STATUS.exec(block.text);
    if (status && current) {
      current.status = status[2]!.trim();
      continue;
    }
    // A list under a paragraph ending "…will include:" belongs to the action above it, until an
    // item reads as an action of its own ("We will …").
    const subItem: boolean =
      block.bullet && listBelongsToAction && current !== null && !ACTION_START.test(block.text);
    const action: ReturnType<typeof isKeyAction> = subItem ? null : isKeyAction(block);
    if (action) {
      current = { text: action.text, details: [], subItems: [], status: null, number: action.number };
      r.commitments ??= [];
      r.commitments.push(current);
      listBelongsToAction = false;
      continue;
    }
    if (!current) {
      r.introduction.push(block.text);
      continue;
    }
    if (block.bullet) current.subItems.push(block.text);
    else {
      current.details.push(block.text);
      listBelongsToAction = block.text.endsWith(":");
    }
  }

  if (!r.title) r.missing.push("title");
  if (!r.partTitle) r.missing.push("part");
  if (!r.commitments) r.missing.push("keyActions");
  const found = r.commitments?.length ?? 0;
  const stopsMidSentence =
    !footer && last !== null && !last.bullet && !/[.!?:;)"”’']$/.test(last.text) && last.text.length > 60;
  r.truncated = stopsMidSentence || (r.statedCount !== null && found < r.statedCount);
  if (r.statedCount !== null && found !== r.statedCount) {
    warnings.push(`The document says it has ${r.statedCount} key actions, but ${found} were found.`);
  }
  if (r.truncated)
    warnings.push("The document appears to be cut off: check it against the published update.");
  for (const c of r.commitments ?? []) {
    if (c.details.length === 0 && c.subItems.length === 0) {
      warnings.push(`The key action “${clip(c.text)}” has no text explaining it.`);
    }
  }
  if (r.missing.includes("keyActions"))
    warnings.push("The document has no key actions; they are unknown, not none.");
  return r;
}
