import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { html } from "../../html.ts";
import { categoryList } from "./category-item.ts";
import { contentsNav } from "./contents-nav.ts";
import { details } from "./details.ts";
import { insetText } from "./inset-text.ts";
import { metadata } from "./metadata.ts";
import { notificationBanner } from "./notification-banner.ts";
import { pageHeader } from "./page-header.ts";
import { summaryList } from "./summary-list.ts";
import { table } from "./table.ts";
import { tag } from "./tag.ts";

// Each component renders the Scottish Government Design System's documented markup
// (designsystem.gov.scot), so the system's CSS and scripts apply, and escapes what it is given.

function render(markup: { value: string }): Document {
  return parseHTML(`<!DOCTYPE html><html><body>${markup.value}</body></html>`)
    .document as unknown as Document;
}

const text = (element: Element | null) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
const HOSTILE = `<script>alert("x")</script>`;

describe("design system components", () => {
  it("page header: content label, the h1 and page metadata", () => {
    const doc = render(
      pageHeader({
        label: "Route map",
        title: "Leadership",
        metadata: [{ key: "Last updated", value: "June 2024" }],
      }),
    );
    const header = doc.querySelector("header.ds_page-header")!;
    expect(text(header.querySelector(".ds_page-header__label.ds_content-label"))).toBe("Route map");
    expect(text(header.querySelector("h1.ds_page-header__title"))).toBe("Leadership");
    const meta = header.querySelector("dl.ds_page-header__metadata.ds_metadata")!;
    expect(text(meta.querySelector(".ds_metadata__item > dt.ds_metadata__key"))).toBe("Last updated");
    expect(text(meta.querySelector(".ds_metadata__item > dd.ds_metadata__value"))).toBe("June 2024");
  });

  it("page header without a label or metadata renders neither", () => {
    const doc = render(pageHeader({ title: "Who must act" }));
    expect(doc.querySelector(".ds_page-header__label")).toBeNull();
    expect(doc.querySelector("dl")).toBeNull();
  });

  it("inline metadata carries the inline modifier", () => {
    const doc = render(metadata([{ key: "Updated", value: "2025" }], { inline: true }));
    expect(doc.querySelector("dl.ds_metadata.ds_metadata--inline")).not.toBeNull();
  });

  it("summary list: an ordered list of key and value pairs", () => {
    const doc = render(summaryList([{ key: "Earlier edition", value: "June 2024" }]));
    const item = doc.querySelector("ol.ds_summary-list > li.ds_summary-list__item")!;
    expect(text(item.querySelector("span.ds_summary-list__key"))).toBe("Earlier edition");
    expect(text(item.querySelector("span.ds_summary-list__value"))).toBe("June 2024");
  });

  it("table: caption, column headers with scope, optional row headers and small-screen mode", () => {
    const doc = render(
      table({
        caption: "Sectors",
        head: ["Sector", "Actions"],
        rows: [["COSLA", "3"]],
        rowHeaders: true,
        smallscreen: "boxes",
      }),
    );
    const t = doc.querySelector("table.ds_table")!;
    expect(t.getAttribute("data-smallscreen")).toBe("boxes");
    expect(text(t.querySelector("caption"))).toBe("Sectors");
    expect([...t.querySelectorAll('thead th[scope="col"]')].map(text)).toEqual(["Sector", "Actions"]);
    expect(text(t.querySelector('tbody th[scope="row"]'))).toBe("COSLA");
    expect(text(t.querySelector("tbody td"))).toBe("3");
  });

  it("table without row headers uses data cells only", () => {
    const doc = render(table({ caption: "C", head: ["A"], rows: [["x"]] }));
    expect(doc.querySelector("tbody th")).toBeNull();
    expect(doc.querySelector("table")!.hasAttribute("data-smallscreen")).toBe(false);
  });

  it("tag: a short label, with an optional colour modifier", () => {
    expect(render(tag("Draft", "orange")).querySelector(".ds_tag.ds_tag--orange")!.textContent).toBe("Draft");
    expect([...render(tag("Latest")).querySelector(".ds_tag")!.classList]).toEqual(["ds_tag"]);
  });

  it("contents navigation: a named landmark with a titled list; the current page is not a link", () => {
    const doc = render(
      contentsNav({
        title: "Contents",
        label: "Sections of this route map",
        links: [
          { href: "#milestones", text: "Milestones" },
          { href: "#who", text: "Who needs to work on this", current: true },
        ],
      }),
    );
    const nav = doc.querySelector("nav.ds_contents-nav")!;
    expect(nav.getAttribute("aria-label")).toBe("Sections of this route map");
    expect(text(nav.querySelector("h2.ds_contents-nav__title"))).toBe("Contents");
    const items = nav.querySelectorAll("ul.ds_contents-nav__list > li.ds_contents-nav__item");
    expect(items[0]!.querySelector("a.ds_contents-nav__link")!.getAttribute("href")).toBe("#milestones");
    expect(items[1]!.querySelector("a")).toBeNull();
    expect(items[1]!.querySelector(".ds_contents-nav__link.ds_current")!.getAttribute("aria-current")).toBe(
      "page",
    );
  });

  it("inset text wraps its content in the text element", () => {
    const doc = render(insetText("From the promise report."));
    expect(text(doc.querySelector(".ds_inset-text > .ds_inset-text__text"))).toBe("From the promise report.");
  });

  it("details: a native disclosure with summary and text", () => {
    const doc = render(details("3 items unchanged", html`<ul><li>One</li></ul>`));
    const d = doc.querySelector("details.ds_details")!;
    expect(text(d.querySelector("summary.ds_details__summary"))).toBe("3 items unchanged");
    expect(d.querySelector(".ds_details__text ul li")).not.toBeNull();
  });

  it("category list: each item's title is a link at the heading level asked for", () => {
    const doc = render(
      categoryList(
        [{ href: "/themes/leadership", title: "Leadership", summary: "Values-based leadership" }],
        3,
      ),
    );
    const item = doc.querySelector("ul.ds_category-list > li.ds_category-item")!;
    const link = item.querySelector("h3.ds_category-item__title > a.ds_category-item__link")!;
    expect(link.getAttribute("href")).toBe("/themes/leadership");
    expect(text(item.querySelector("p.ds_category-item__summary"))).toBe("Values-based leadership");
  });

  it("notification banner: reversed colours and a visually hidden heading naming the message", () => {
    const doc = render(notificationBanner(html`<p>This is a draft.</p>`, { title: "Draft" }));
    const banner = doc.querySelector('.ds_notification.ds_reversed[data-module="ds-notification"]')!;
    expect(text(banner.querySelector(".ds_wrapper > .ds_notification__content > h2.visually-hidden"))).toBe(
      "Draft",
    );
    expect(text(banner.querySelector(".ds_notification__text"))).toBe("This is a draft.");
  });

  it("escapes every text it is given", () => {
    const rendered = [
      pageHeader({ label: HOSTILE, title: HOSTILE, metadata: [{ key: HOSTILE, value: HOSTILE }] }),
      summaryList([{ key: HOSTILE, value: HOSTILE }]),
      table({ caption: HOSTILE, head: [HOSTILE], rows: [[HOSTILE]] }),
      tag(HOSTILE),
      contentsNav({ title: HOSTILE, label: HOSTILE, links: [{ href: HOSTILE, text: HOSTILE }] }),
      insetText(HOSTILE),
      details(HOSTILE, HOSTILE),
      categoryList([{ href: HOSTILE, title: HOSTILE, summary: HOSTILE }]),
      notificationBanner(HOSTILE, { title: HOSTILE }),
    ];
    for (const markup of rendered) {
      expect(markup.value).not.toContain("<script>");
      expect(render(markup).querySelector("script")).toBeNull();
    }
  });
});
