import { html, type SafeHtml } from "../../platform/html.ts";
import { type Block, type MinutesDocument, minutesOutline, minutesTitle } from "./minutes-outline.ts";

// The minutes as one self-contained web page, to save, send or print: no scripts, no links to
// Waymark's assets, its little styling inline. Written from the same outline as the Word file.

const STYLE =
  "body{font-family:Arial,Helvetica,sans-serif;font-size:1.1rem;line-height:1.5;max-width:44em;" +
  "margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.8rem}h2{font-size:1.4rem;margin-top:2rem}" +
  "h3{font-size:1.15rem;margin-top:1.5rem}";

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case "title":
      return html`<h1>${block.text}</h1>`;
    case "heading":
      return block.level === 2 ? html`<h2>${block.text}</h2>` : html`<h3>${block.text}</h3>`;
    case "paragraph":
      return html`<p>${block.text}</p>`;
    case "list":
      return html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`;
  }
}

/** The minutes as a complete HTML document. */
export function minutesHtml(doc: MinutesDocument): string {
  const body = minutesOutline(doc).map(blockHtml);
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${minutesTitle(doc)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.map((b) => html`${b}\n`)}
</main>
</body>
</html>
`.value;
}
