import { ASK_KINDS, type TimelineKind, type TimelineStatus } from "./timeline.types.ts";

// How much the timeline asks of each audience, week by week, and where it asks too much. Pure:
// items in, numbers out, so the arithmetic is tested with hand-worked numbers.
//   An ask is a consultation, survey, call for evidence or event that is not withdrawn.
//   Weeks are ISO weeks, Monday to Sunday. An ask counts in a week when its window (a single day,
//   a window, or the window an approximate date stands for, both ends inclusive) covers any day
//   of that week, so two windows that touch (one ends the day the other starts) overlap.
//   An item counts once per audience, however many times it lists that audience.
//   A clash is an audience with more than `threshold` asks in a week; consecutive weeks with the
//   same asks are one clash.

export interface LoadItem {
  id: number;
  kind: TimelineKind;
  status: TimelineStatus;
  /** "YYYY-MM-DD" */
  startsOn: string;
  /** "YYYY-MM-DD", inclusive; null for a single day. */
  endsOn: string | null;
  audienceIds: readonly number[];
}

export interface LoadWeek {
  /** The Monday, "YYYY-MM-DD". */
  start: string;
  /** The Sunday, "YYYY-MM-DD". */
  end: string;
  /** The ISO week, "2024-W27". */
  label: string;
}

export interface AudienceLoad {
  audienceId: number;
  /** Asks in each week, in the order of `Load.weeks`. */
  counts: number[];
  /** Which asks, each week, by id (ascending). */
  itemIds: number[][];
}

export interface Load {
  weeks: LoadWeek[];
  audiences: AudienceLoad[];
}

export interface Clash {
  audienceId: number;
  /** The first and last week of the clash. */
  from: LoadWeek;
  to: LoadWeek;
  /** The asks that overlap, by id (ascending). */
  itemIds: number[];
}

const DAY = 86_400_000;

function toTime(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function toIso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The ISO week a day falls in: its Monday, Sunday and label. */
export function isoWeekOf(iso: string): LoadWeek {
  const time = toTime(iso);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = time - weekday * DAY;
  // The ISO week's year is its Thursday's; week 1 holds the year's first Thursday.
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return {
    start: toIso(monday),
    end: toIso(monday + 6 * DAY),
    label: `${year}-W${String(week).padStart(2, "0")}`,
  };
}

/** Every ISO week that holds a day from `from` to `to` (inclusive), in order. */
export function weeksCovering(from: string, to: string): LoadWeek[] {
  const weeks: LoadWeek[] = [];
  if (to < from) return weeks;
  for (let week = isoWeekOf(from); week.start <= to; week = isoWeekOf(toIso(toTime(week.start) + 7 * DAY)))
    weeks.push(week);
  return weeks;
}

/** Does this item ask anything of people (and still mean to)? */
export function isAsk(item: Pick<LoadItem, "kind" | "status">): boolean {
  return ASK_KINDS.includes(item.kind) && item.status !== "withdrawn";
}

function covers(item: LoadItem, week: LoadWeek): boolean {
  return item.startsOn <= week.end && (item.endsOn ?? item.startsOn) >= week.start;
}

/** Asks per audience per week over the weeks from `from` to `to`. */
export function audienceLoad(
  items: readonly LoadItem[],
  audienceIds: readonly number[],
  period: { from: string; to: string },
): Load {
  const weeks = weeksCovering(period.from, period.to);
  const asks = items.filter(isAsk).sort((a, b) => a.id - b.id);
  const audiences = audienceIds.map((audienceId) => {
    const theirs = asks.filter((item) => new Set(item.audienceIds).has(audienceId));
    const itemIds = weeks.map((week) => theirs.filter((item) => covers(item, week)).map((item) => item.id));
    return { audienceId, counts: itemIds.map((ids) => ids.length), itemIds };
  });
  return { weeks, audiences };
}

/** The clashes in a load: more than `threshold` asks of one audience in a week. */
export function findClashes(load: Load, threshold: number): Clash[] {
  const clashes: Clash[] = [];
  for (const audience of load.audiences) {
    let current: Clash | undefined;
    load.weeks.forEach((week, i) => {
      const ids = audience.itemIds[i] ?? [];
      if (ids.length <= threshold) {
        current = undefined;
        return;
      }
      if (current && current.itemIds.join() === ids.join()) {
        current.to = week;
        return;
      }
      current = { audienceId: audience.audienceId, from: week, to: week, itemIds: ids };
      clashes.push(current);
    });
  }
  return clashes;
}

/** The first and last day any ask covers; undefined when there are none. */
export function spanOfAsks(items: readonly LoadItem[]): { from: string; to: string } | undefined {
  const asks = items.filter(isAsk);
  if (asks.length === 0) return undefined;
  // ISO dates sort as text.
  const starts = asks.map((i) => i.startsOn).sort();
  const ends = asks.map((i) => i.endsOn ?? i.startsOn).sort();
  return { from: starts[0] as string, to: ends.at(-1) as string };
}

/** Every clash among these items, over the weeks their asks cover. */
export function clashesAmong(
  items: readonly LoadItem[],
  audienceIds: readonly number[],
  threshold: number,
): Clash[] {
  const span = spanOfAsks(items);
  return span ? findClashes(audienceLoad(items, audienceIds, span), threshold) : [];
}

/** The clashes one item is part of. */
export function clashesOf(itemId: number, clashes: readonly Clash[]): Clash[] {
  return clashes.filter((c) => c.itemIds.includes(itemId));
}
