import { API_ROOT } from "../../platform/api/common.schema.ts";
import { timelineItemPath } from "./timeline.paths.ts";
import type { TimelineItem } from "./timeline.types.ts";
import type { ClashNotice } from "./timeline-clash.ts";
import { whenInWords } from "./timeline-dates.ts";

// What JSON leaves the app for the timeline: no ids of organisations or groups, slugs instead.

const named = (x: { slug: string; name: string }) => ({ slug: x.slug, name: x.name });

export function presentTimelineItem(item: TimelineItem, origin: string) {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    kind: item.kind,
    organisation: named(item.organisation),
    startsOn: item.startsOn,
    endsOn: item.endsOn,
    approximate: item.approximate,
    when: whenInWords(item),
    status: item.status,
    link: item.link,
    audiences: item.audiences.map(named),
    themes: item.themes.map(named),
    groups: item.groups.map(named),
    page: `${origin}${timelineItemPath(item.id)}`,
    url: `${API_ROOT}/timeline/${item.id}`,
  };
}

export function presentClash(clash: ClashNotice) {
  return { audience: named(clash.audience), when: clash.when, items: clash.items };
}
