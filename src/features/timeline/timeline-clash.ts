import { fullDate } from "../../platform/dates.ts";
import type { Audience, TimelineItem } from "./timeline.types.ts";
import { type Clash, clashesAmong, type LoadItem } from "./timeline-load.ts";

// Clashes as people read them: which audience, which weeks, and which items by name. Pure.

export interface ClashNotice {
  audience: Audience;
  /** "the week of 8 July 2024", or "the weeks of 1 July to 8 July 2024". */
  when: string;
  items: Array<{ id: number; title: string }>;
}

export function loadItemOf(item: TimelineItem): LoadItem {
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    startsOn: item.startsOn,
    endsOn: item.endsOn,
    audienceIds: item.audiences.map((a) => a.id),
  };
}

function weeksInWords(clash: Clash): string {
  return clash.from.start === clash.to.start
    ? `the week starting ${fullDate(clash.from.start)}`
    : `the weeks from ${fullDate(clash.from.start)} to ${fullDate(clash.to.end)}`;
}

/** Clashes among the items, as notices naming the audience, the weeks and the items. */
export function clashNotices(
  items: readonly TimelineItem[],
  audiences: readonly Audience[],
  threshold: number,
): ClashNotice[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return clashesAmong(
    items.map(loadItemOf),
    audiences.map((a) => a.id),
    threshold,
  ).map((clash) => ({
    audience: audiences.find((a) => a.id === clash.audienceId) as Audience,
    when: weeksInWords(clash),
    items: clash.itemIds.map((id) => ({ id, title: byId.get(id)?.title ?? "" })),
  }));
}

/** The notices that name this item. */
export function noticesFor(itemId: number, notices: readonly ClashNotice[]): ClashNotice[] {
  return notices.filter((n) => n.items.some((i) => i.id === itemId));
}
