import { html, type SafeHtml } from "../../../platform/html.ts";
import { button, hiddenField } from "../../../platform/views/forms.ts";
import type { Edition, OutcomeItem, Section, TextItem } from "../route-map.types.ts";
import { type EditContext, formFields } from "./edit-page.ts";
import { itemPath, SECTION_INFO } from "./edit-sections.ts";

// The items of each section on a draft's edit page, each with edit, move and remove. Every
// section is listed the same way: one list, or a list per year or framework; an action's
// sub-items are listed under it.

/** One listed item: what it says, and how its buttons name it for screen readers. */
interface Entry {
  id: number;
  name: string;
  body: SafeHtml;
  children?: Entry[] | undefined;
}

/** A list of entries, under a heading when the section is grouped (by year, by framework). */
interface EntryGroup {
  heading?: string | number | undefined;
  entries: Entry[];
}

/** Text as the editor wrote it: one paragraph per line. */
function textBlock(text: string): SafeHtml {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return html`${lines.map((l) => html`<p>${l}</p>`)}`;
}

function textOf(item: TextItem): SafeHtml {
  return html`<div class="wm-edit-item__text">${textBlock(item.text)}</div>`;
}

function outcomeText(item: OutcomeItem): SafeHtml {
  return html`<div class="wm-edit-item__text">${textBlock(item.text)}${
    item.pageRefs ? html`<p class="wm-edit-item__meta">Page references: ${item.pageRefs}</p>` : ""
  }</div>`;
}

/** Items named by their place: "outcome 1", "2026 milestone 3". */
function numbered<T extends TextItem>(
  items: readonly T[],
  name: string,
  body: (item: T) => SafeHtml = textOf,
): Entry[] {
  return items.map((item, i) => ({ id: item.id, name: `${name} ${i + 1}`, body: body(item) }));
}

function groupsOf(edition: Edition, section: Section): EntryGroup[] {
  const { itemName } = SECTION_INFO[section];
  switch (section) {
    case "outcome":
      return [{ entries: numbered(edition.outcomes, itemName, outcomeText) }];
    case "action":
      return [
        {
          entries: edition.actions.map((action, i) => ({
            id: action.id,
            name: `${itemName} ${i + 1}`,
            body: textOf(action),
            children: numbered(action.children, `${itemName} ${i + 1}, sub-item`),
          })),
        },
      ];
    case "milestone":
      return edition.milestones.map((year) => ({
        heading: year.year,
        entries: numbered(year.items, `${year.year} ${itemName}`),
      }));
    case "sector":
      return [
        {
          entries: edition.sectors.map((s) => ({
            id: s.id,
            name: s.name,
            body: html`<div class="wm-edit-item__text"><p>${s.name}</p></div>`,
          })),
        },
      ];
    case "helping":
      return [{ entries: numbered(edition.helping, itemName) }];
    case "what_matters":
      return [{ entries: numbered(edition.whatMatters, itemName) }];
    case "mapping":
      return edition.mappings.map((group) => ({
        heading: group.label,
        entries: numbered(group.items, `${group.label} ${itemName}`),
      }));
  }
}

function itemControls(ctx: EditContext, entry: Entry, index: number, count: number): SafeHtml {
  const post = (
    path: string,
    text: string,
    extra: SafeHtml = html``,
  ) => html`<form class="wm-inline-form" method="post" action="${itemPath(ctx.editionId, entry.id)}${path}">
      ${formFields(ctx)}${extra}
      ${button({ text: html`${text}<span class="visually-hidden"> ${entry.name}</span>`, variant: "secondary", small: true })}
    </form>`;
  return html`<div class="wm-edit-item__controls">
    <a class="ds_button ds_button--secondary ds_button--small" href="${itemPath(ctx.editionId, entry.id)}">Edit<span class="visually-hidden"> ${entry.name}</span></a>
    ${index > 0 ? post("/move", "Move up", hiddenField("direction", "up")) : ""}
    ${index < count - 1 ? post("/move", "Move down", hiddenField("direction", "down")) : ""}
    ${post("/delete", "Remove")}
  </div>`;
}

function entryList(ctx: EditContext, entries: readonly Entry[], empty: string): SafeHtml {
  if (entries.length === 0) return html`<p class="wm-edit-empty">${empty}</p>`;
  return html`<ol class="wm-edit-list">
    ${entries.map(
      (entry, index) => html`<li class="wm-edit-item">
      ${entry.body}
      ${itemControls(ctx, entry, index, entries.length)}${
        entry.children && entry.children.length > 0
          ? html`
      <div class="wm-edit-sublist">${entryList(ctx, entry.children, "")}</div>`
          : ""
      }
    </li>`,
    )}
  </ol>`;
}

/** A section's items, with their controls; or that it has none yet. */
export function itemLists(ctx: EditContext, edition: Edition, section: Section): SafeHtml {
  const { empty } = SECTION_INFO[section];
  return html`${groupsOf(edition, section).map((group) =>
    group.heading === undefined
      ? entryList(ctx, group.entries, empty)
      : html`<h3>${group.heading}</h3>
        ${entryList(ctx, group.entries, empty)}`,
  )}`;
}
