import type { ProgressStatus } from "./progress-status.ts";

// Roll-up, as pure functions: action → outcome → route map → foundation → programme.
//
// - A node's percentage is the weighted mean of its counted children's percentages (weight 1
//   unless given; weight 0 shows the child but does not count it).
// - Superseded actions leave the roll-up; so does anything empty (an outcome with no actions yet):
//   it has no percentage, and does not drag its parent towards zero.
// - An action nobody has reported on counts as not started, at 0%.
// - A node's status is the most pressing of its children's: delayed before at risk; then complete
//   if every counted child is complete, not started if none has started, on track if every one is
//   on track or complete, and in progress otherwise.

export interface Leaf {
  status: ProgressStatus;
  percent: number;
  weight?: number;
}

export interface Group {
  weight?: number;
  children: Node[];
}

export type Node = Leaf | Group;

/** What a node rolls up to; `counted` is how many actions it counts, so an empty node is 0 with null percent. */
export interface Rolled {
  status: ProgressStatus | null;
  percent: number | null;
  counted: number;
}

function isLeaf(node: Node): node is Leaf {
  return "status" in node;
}

const weightOf = (node: Node) => node.weight ?? 1;

/** The status of a group from its children's statuses (superseded and empty children already left out). */
export function combineStatuses(statuses: readonly ProgressStatus[]): ProgressStatus | null {
  if (statuses.length === 0) return null;
  if (statuses.includes("delayed")) return "delayed";
  if (statuses.includes("at_risk")) return "at_risk";
  if (statuses.every((s) => s === "complete")) return "complete";
  if (statuses.every((s) => s === "not_started")) return "not_started";
  if (statuses.every((s) => s === "on_track" || s === "complete")) return "on_track";
  return "in_progress";
}

/** Rolls a tree up; percentages are rounded to whole numbers only at the node asked for. */
export function rollUp(node: Node): Rolled {
  const exact = rollExact(node);
  return { ...exact, percent: exact.percent === null ? null : Math.round(exact.percent) };
}

function rollExact(node: Node): Rolled {
  if (isLeaf(node)) {
    if (node.status === "superseded") return { status: null, percent: null, counted: 0 };
    return { status: node.status, percent: clampPercent(node.percent), counted: 1 };
  }
  const parts = node.children
    .map((child) => ({ weight: weightOf(child), rolled: rollExact(child) }))
    .filter((p) => p.rolled.counted > 0 && p.rolled.percent !== null);
  const counted = parts.reduce((n, p) => n + p.rolled.counted, 0);
  if (parts.length === 0) return { status: null, percent: null, counted: 0 };
  const status = combineStatuses(parts.map((p) => p.rolled.status!));
  const weighted = parts.filter((p) => p.weight > 0);
  const total = weighted.reduce((n, p) => n + p.weight, 0);
  const percent = total === 0 ? null : weighted.reduce((n, p) => n + p.weight * p.rolled.percent!, 0) / total;
  return { status, percent, counted };
}

function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}
