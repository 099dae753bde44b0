import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.ts";
import { DocumentRefusedError, parseRouteMapPage } from "./route-map-page.parser.ts";

// A saved web page turned into the text a reader sees.

describe("turning a saved web page into text", () => {
  it("keeps blocks on their own lines, list items as bullets, and decodes entities", () => {
    expect(
      htmlToText(
        "<h1>A &amp; B</h1><p>One&nbsp;two</p><ul><li>x &#8217; y</li></ul><!-- hidden --><p>&bogus;</p>",
      ),
    ).toBe("\nA & B\n\nOne two\n\n• x ’ y\n\n&bogus;\n");
  });

  it("drops the site's chrome but keeps any element holding a page heading, whatever its class", () => {
    const text = htmlToText(
      '<div class="cookie-banner"><p>We set cookies.</p></div><nav><a>Home</a></nav>' +
        '<div class="with-cookie-consent"><h1>Route map: Care</h1><p>Kept.</p></div><footer>Privacy</footer>',
    );
    expect(text.split("\n").filter(Boolean)).toEqual(["Route map: Care", "Kept."]);
  });

  it("takes no longer over a mass of unclosed or nested chrome tags than over any other page", () => {
    // Matching each opening tag to its close by searching ahead took minutes over input like this.
    const unclosed = `<p>x</p>${"<nav>".repeat(150_000)}`;
    const nested = `<p>x</p>${'<div class="cookie">'.repeat(60_000)}${"</div>".repeat(60_000)}`;
    expect(() => parseRouteMapPage(unclosed)).toThrow(DocumentRefusedError);
    expect(() => parseRouteMapPage(nested)).toThrow(DocumentRefusedError);
  }, 20_000);

  it("decodes the entities a site's editor writes: soft hyphens, accents, thin spaces", () => {
    expect(
      htmlToText("<p>Scot&shy;land&rsquo;s Caf&eacute;&thinsp;Club &copy; &Eacute;cole</p>").trim(),
    ).toBe("Scotland’s Café Club © École");
  });

  it("survives broken markup", () => {
    expect(htmlToText("<p>open <b>bold <script>never closed")).toBe("\nopen bold");
    expect(htmlToText("&#x110000; &#0; <")).toBe("<");
  });
});
