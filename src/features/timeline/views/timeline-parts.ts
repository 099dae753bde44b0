import { html, type SafeHtml } from "../../../platform/html.ts";
import { tag } from "../../../platform/views/components/tag.ts";
import { timelineItemPath } from "../timeline.paths.ts";
import { KIND_LABELS, STATUS_LABELS, type TimelineItem } from "../timeline.types.ts";
import type { ClashNotice } from "../timeline-clash.ts";
import { whenInWords } from "../timeline-dates.ts";

// Pieces the timeline's pages share: an item's date, status and kind in words, and clash warnings.

export function whenCell(item: TimelineItem): string {
  return whenInWords(item);
}

export function kindText(item: TimelineItem): string {
  return KIND_LABELS[item.kind];
}

export function statusTag(item: TimelineItem): SafeHtml {
  const colour =
    item.status === "open"
      ? "green"
      : item.status === "withdrawn"
        ? "red"
        : item.status === "planned"
          ? "blue"
          : "grey";
  return tag(STATUS_LABELS[item.status], colour);
}

export function audienceList(item: TimelineItem): string {
  return item.audiences.map((a) => a.name).join(", ") || "Not set";
}

/**
 * A clash warning (the design system's warning text) naming the items, each linked to its page
 * (or, for editors, its form).
 */
export function clashWarning(
  notices: readonly ClashNotice[],
  options: { link?: (id: number) => string; intro?: string } = {},
): SafeHtml {
  if (notices.length === 0) return html``;
  const link = options.link ?? timelineItemPath;
  return html`<div class="ds_warning-text">
  <strong class="ds_warning-text__icon" aria-hidden="true"></strong>
  <strong class="visually-hidden">Warning</strong>
  <div class="ds_warning-text__text">
    <p>${options.intro ?? "Some people are asked to take part in too many things at the same time."}</p>
    <ul>
      ${notices.map(
        (n) =>
          html`<li>${n.audience.name}: ${n.items.length} things at once in ${n.when}: ${n.items.map(
            (item, i) =>
              html`${i === 0 ? "" : i === n.items.length - 1 ? " and " : ", "}<a href="${link(item.id)}">${item.title}</a>`,
          )}.</li>`,
      )}
    </ul>
  </div>
</div>`;
}
