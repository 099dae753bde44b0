import { API_ROOT } from "../../platform/api/common.schema.ts";
import type { Measure, Project, ProjectSummary } from "./improvement.types.ts";
import { readRunChart } from "./run-chart.ts";

// What improvement's JSON says: published projects, and each measure's values with the run
// chart's reading.

export const projectUrl = (slug: string) => `${API_ROOT}/improvement-projects/${slug}`;

export function presentSummary(p: ProjectSummary & { organisations: string[] }) {
  return {
    slug: p.slug,
    title: p.title,
    status: p.status,
    aim: p.aim,
    organisations: p.organisations,
    url: projectUrl(p.slug),
  };
}

function presentMeasure(m: Measure) {
  const chart = readRunChart(m.points, { baseline: m.baselinePoints, better: m.better });
  const annotations = new Map(m.points.map((p) => [p.date, p.annotation]));
  return {
    id: m.id,
    kind: m.kind,
    name: m.name,
    unit: m.unit,
    better: m.better,
    baselinePoints: m.baselinePoints,
    values: chart.points.map((p) => ({
      date: p.date,
      value: p.value,
      annotation: annotations.get(p.date) ?? "",
      centre: p.centre,
      inShift: p.inShift,
    })),
    reading: {
      verdict: chart.verdict,
      median: chart.median,
      baselineCount: chart.baselineCount,
      usefulPoints: chart.useful,
      longestRun: chart.longestRun,
      crossings: chart.crossings,
      limits: chart.limits,
      shift: chart.shift
        ? {
            side: chart.shift.side,
            length: chart.shift.length,
            from: chart.points[chart.shift.first]?.date ?? "",
            to: chart.points[chart.shift.last]?.date ?? "",
          }
        : null,
      rebasedMedian: chart.rebased?.median ?? null,
      words: chart.words,
    },
  };
}

export function presentProject(p: Project) {
  return {
    slug: p.slug,
    title: p.title,
    status: p.status,
    aim: p.aim,
    team: p.team,
    learned: p.learned,
    organisations: p.organisations.map((o) => ({ slug: o.slug, name: o.name })),
    councilAreas: p.areas,
    actions: p.actions.map((a) => ({ routeMap: a.themeSlug, key: a.key, text: a.text })),
    indicators: p.indicators.map((i) => ({ slug: i.slug, title: i.title })),
    measures: p.measures.map(presentMeasure),
  };
}
