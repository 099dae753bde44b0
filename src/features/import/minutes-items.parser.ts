import type { AgendaItemEntry } from "./minutes.types.ts";
import { isNumbered, withoutNumber } from "./minutes-sections.parser.ts";
import type { Block } from "./route-map-page.types.ts";
import { clip } from "./route-map-text.parser.ts";

// The agenda items of minutes: each a short heading ("Workforce development", "2. Welcome") and
// the paragraphs and lists under it. A text document marks headings only by being short lines
// without a full stop, so that is what a heading is here; a numbered line always is one.

const DECISION =
  /\b(it was agreed|(?:group|members|leadership group|co-chairs?) agreed|agreed to|agreed that|was decided|decided to|decision was|approved|endorsed)\b/i;

function looksLikeHeading(block: Block, next: Block | undefined): boolean {
  if (block.bullet || next === undefined) return false;
  const text = block.text;
  if (text.length < 3 || text.length > 120) return false;
  if (isNumbered(text) && !/[.;,]$/.test(text)) return true;
  if (!/^[\p{Lu}\d‘“"']/u.test(text)) return false;
  if (/[.:;,!]$/.test(text)) return false;
  const words = text.split(/\s+/).length;
  if (text.endsWith("?")) return words <= 10;
  return words <= 16;
}

/** The sentences of a text that record an agreement or decision. */
export function decisionsIn(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}“"‘])/u)
    .filter((sentence) => DECISION.test(sentence) && !/\bnot (been )?agreed\b/i.test(sentence))
    .map((s) => s.trim());
}

export function readItems(blocks: Block[], warnings: string[]): AgendaItemEntry[] {
  const items: AgendaItemEntry[] = [];
  let current: AgendaItemEntry | null = null;
  for (const [i, block] of blocks.entries()) {
    if (looksLikeHeading(block, blocks[i + 1])) {
      current = { title: withoutNumber(block.text) || block.text, text: [], points: [], decisions: [] };
      items.push(current);
      continue;
    }
    if (!current) {
      current = { title: "Untitled item", text: [], points: [], decisions: [] };
      items.push(current);
      warnings.push(
        `The agenda starts without an item heading; its first paragraph is “${clip(block.text)}”.`,
      );
    }
    current.text.push(block.bullet ? `• ${block.text}` : block.text);
    if (block.bullet) current.points.push(block.text);
    current.decisions.push(...decisionsIn(block.text));
  }
  for (const item of items) {
    if (item.text.length === 0) warnings.push(`The agenda item “${clip(item.title)}” has no text.`);
  }
  return items;
}
