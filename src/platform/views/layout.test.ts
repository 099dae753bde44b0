import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { PUBLIC } from "../actor.ts";
import { html } from "../html.ts";
import { page } from "./layout.ts";

// The page frame marks where the reader is: the navigation's section and the breadcrumbs' last step.

function render(path: string | undefined) {
  const out = page({
    title: "A page",
    actor: PUBLIC,
    csrfToken: "token",
    path,
    breadcrumbs: [{ href: "/", text: "Home" }],
    content: html`<p>Content</p>`,
  });
  return parseHTML(out.value).document;
}

function current(path: string | undefined): Array<[string | null, string | null]> {
  return [...render(path).querySelectorAll('nav[aria-label="Main"] a.ds_current')].map((a) => [
    a.textContent,
    a.getAttribute("aria-current"),
  ]);
}

describe("the page frame", () => {
  it("marks the navigation's section: the page itself, or a section the page is in", () => {
    expect(current("/groups")).toEqual([["Groups", "page"]]);
    expect(current("/groups/national-leadership-group/meetings/3?tab=agenda")).toEqual([["Groups", "true"]]);
    expect(current("/landscape")).toEqual([["Groups", "true"]]);
    expect(current("/themes/leadership")).toEqual([["Route maps", "true"]]);
    expect(current("/")).toEqual([["Route maps", "page"]]);
    expect(current("/api/v1")).toEqual([["Open data", "page"]]);
  });

  it("marks nothing where no section holds the page, nor a section whose name only starts the same", () => {
    expect(current("/sign-in")).toEqual([]);
    expect(current("/groupsx")).toEqual([]);
    expect(current(undefined)).toEqual([]);
  });

  it("marks the breadcrumbs' last step as the page the reader is on", () => {
    const items = [...render("/groups").querySelectorAll(".ds_breadcrumbs__item")];
    expect(items.map((i) => i.getAttribute("aria-current"))).toEqual([null, "page"]);
  });
});
