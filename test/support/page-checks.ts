import { parseHTML } from "linkedom";

/** Parses a page the way a browser would, for assertions on its structure. */
export function parsePage(body: string): Document {
  return parseHTML(body).document as unknown as Document;
}

/** Visible-ish text of an element: its text content with runs of white space collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Structural problems a reader with a screen reader would notice, or a validator would report:
 * no language, not exactly one h1, headings that skip a level, duplicate ids, references to
 * missing ids, tables without a caption or headers, inline styles or scripts the CSP would block.
 */
export function pageProblems(body: string): string[] {
  const document = parsePage(body);
  const problems: string[] = [];
  if (!document.documentElement.getAttribute("lang")) problems.push("the page has no lang");
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) problems.push(`expected one h1, found ${h1s.length}`);
  let level = 0;
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const next = Number(heading.tagName.slice(1));
    if (next > level + 1)
      problems.push(`heading "${textOf(heading)}" (h${next}) skips a level after h${level}`);
    level = next;
  }
  const seen = new Set<string>();
  for (const element of document.querySelectorAll("[id]")) {
    const id = element.getAttribute("id")!;
    if (seen.has(id)) problems.push(`duplicate id "${id}"`);
    seen.add(id);
  }
  for (const element of document.querySelectorAll("[aria-labelledby], label[for]")) {
    const ref = element.getAttribute("aria-labelledby") ?? element.getAttribute("for")!;
    for (const id of ref.split(/\s+/)) if (!seen.has(id)) problems.push(`reference to missing id "${id}"`);
  }
  for (const table of document.querySelectorAll("table")) {
    if (!textOf(table.querySelector("caption"))) problems.push("a table has no caption");
    if (!table.querySelector("th")) problems.push("a table has no header cells");
  }
  if (document.querySelector("[style]")) problems.push("an inline style attribute (blocked by the CSP)");
  for (const script of document.querySelectorAll("script")) {
    if (!script.getAttribute("src")) problems.push("an inline script (blocked by the CSP)");
  }
  for (const link of document.querySelectorAll("a")) {
    if (!link.getAttribute("href")) problems.push(`a link without an address: "${textOf(link)}"`);
    if (!textOf(link)) problems.push("a link without text");
  }
  return problems;
}
