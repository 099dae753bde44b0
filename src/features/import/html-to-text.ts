// A saved web page, reduced to the text a reader sees, one block per line, list items as "• …".
// Small and deliberately forgiving: it never throws, whatever the markup. (A DOM library would
// be more exact, but route-map pages are simple and this keeps the importer dependency-free.)

/** Does this text look like an HTML page rather than plain text? */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|body|p|div|h[1-6]|ul|li|table|main|article)[\s>]/i.test(
    text.slice(0, 20_000),
  );
}

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  bull: "•",
  pound: "£",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : "";
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The visible text of an HTML page: scripts, styles, navigation chrome and tags removed. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, "")
      .replace(/<(script|style|head|noscript|template|svg)\b[\s\S]*?(<\/\1\s*>|$)/gi, "")
      .replace(/<li\b[^>]*>/gi, "\n• ")
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
