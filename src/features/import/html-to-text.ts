import { decodeHTML } from "entities";

// A saved web page, reduced to the text a reader sees, one block per line, list items as "• …".
// Small and deliberately forgiving: it never throws, whatever the markup, and reads it in one
// pass, so no page, however broken, is slow.

/** Does this text look like an HTML page rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|body|p|div|h[1-6]|ul|li|table|main|article)[\s>]/i.test(
    text.slice(0, 20_000),
  );
}

/**
 * Character references decoded as browsers do (the `entities` package, the one behind
 * linkedom's parser). Then the invisible characters a page uses to help line breaking (soft
 * hyphens, zero-width joiners) are dropped, as is the "�" given for a reference to no
 * character (&#0;), and every kind of space becomes a plain one, so
 * "Scot&shy;land" and "Who&nbsp;must act" read as the words they show.
 */
function decodeEntities(text: string): string {
  return decodeHTML(text)
    .replace(/[\u00ad\u200b-\u200d\u2060\ufffd]/g, "")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, " ");
}

// Site chrome: navigation, the site's header and footer, and cookie banners and breadcrumbs (an
// element whose id or class says so). An element holding a page heading is kept, whatever its
// class: the route map matters more than a stray banner.
const CHROME_TAGS = /<(\/?)(nav|header|footer|div|section)\b([^>]*)>/gi;
const CHROME_ATTRIBUTES =
  /\b(id|class|role|aria-label)\s*=\s*["'][^"']*\b(cookie|consent|navigation|breadcrumbs?)\b/i;
const PAGE_HEADING = /<(h[1-3]|main|article)\b/gi;

/** The page without its chrome. One pass over the tags, so no markup, however broken, is slow. */
function removeChrome(html: string): string {
  const headings = [...html.matchAll(PAGE_HEADING)].map((m) => m.index);
  const holdsHeading = (start: number, end: number) => {
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < headings.length && headings[lo]! < end;
  };
  // Open elements, a stack for each tag: a closing tag closes the latest of its kind.
  const open = new Map<string, Array<{ start: number; chrome: boolean }>>();
  const ranges: Array<[number, number]> = [];
  for (const m of html.matchAll(CHROME_TAGS)) {
    const tag = m[2]!.toLowerCase();
    const stack = open.get(tag) ?? [];
    open.set(tag, stack);
    if (!m[1]) {
      const chrome = ["nav", "header", "footer"].includes(tag) || CHROME_ATTRIBUTES.test(m[3]!);
      stack.push({ start: m.index, chrome });
      continue;
    }
    const element = stack.pop();
    const end = m.index + m[0].length;
    if (element?.chrome && !holdsHeading(element.start, end)) ranges.push([element.start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue; // inside a range already removed
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}

/**
 * Lists as text: an item of a list is "• …", of a list inside an item "◦ …", and of a numbered
 * list "1. …" if `numbered` (else "• …"); a line break inside an item is a space, so the item
 * stays one line.
 */
function listsToText(html: string, numbered: boolean): string {
  const lists: Array<{ numbered: boolean; count: number; inItem: boolean }> = [];
  return html.replace(/<(\/?)(ul|ol|li|br)\b[^>]*>/gi, (_tag, close: string, name: string) => {
    const kind = name.toLowerCase();
    const list = lists.at(-1);
    if (kind === "br") return list?.inItem ? " " : "\n";
    if (kind === "li") {
      if (!list) return close ? "\n" : "\n• ";
      list.inItem = !close;
      if (close) return "\n";
      list.count++;
      if (lists.length > 1) return "\n◦ ";
      return list.numbered && numbered ? `\n${list.count}. ` : "\n• ";
    }
    if (close) lists.pop();
    else lists.push({ numbered: kind === "ol", count: 0, inItem: false });
    return "\n";
  });
}

/** How htmlToText shows an image's text (its alt), when asked to: a line of its own, marked. */
export const IMAGE_TEXT = "[image] ";

/**
 * The visible text of an HTML page: scripts, styles, navigation chrome and tags removed.
 * `numberedLists` keeps the numbers of numbered lists (route maps, whose numbered items are
 * actions); `imageText` gives each image's alt text as a line starting IMAGE_TEXT (a route map's
 * sectors are pictures).
 */
export function htmlToText(html: string, { numberedLists = false, imageText = false } = {}): string {
  let content = html
    .replace(/<!--[\s\S]*?(-->|$)/g, "")
    .replace(/<(script|style|head|noscript|template|svg)\b[\s\S]*?(<\/\1\s*>|$)/gi, "");
  if (imageText) {
    content = content.replace(/<img\b[^>]*?\balt\s*=\s*("([^"]*)"|'([^']*)')[^>]*>/gi, (_img, _q, a, b) => {
      const alt = String(a ?? b ?? "")
        .replace(/\s+/g, " ")
        .trim();
      return alt ? `\n${IMAGE_TEXT}${alt}\n` : "";
    });
  }
  return decodeEntities(
    listsToText(removeChrome(content), numberedLists)
      .replace(/<(td|th)\b[^>]*>/gi, "  ")
      .replace(
        /<\/?(p|div|h[1-6]|ul|ol|li|br|tr|table|section|article|header|footer|main|nav|blockquote|dl|dt|dd|hr)\b[^>]*>/gi,
        "\n",
      )
      .replace(/<[^>]*>/g, ""),
  )
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
