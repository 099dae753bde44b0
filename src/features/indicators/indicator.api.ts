import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { API_ROOT, BAD_REQUEST_OR_NOT_FOUND, SlugParams } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { Framework, IndicatorSchema, ObservationList, ObservationQuery } from "./indicator.schema.ts";
import type { IndicatorSummary } from "./indicator.types.ts";
import { getFramework, getIndicatorPage, getObservations } from "./indicator-read.service.ts";
import { STATUS_METHOD, type StatusResult } from "./progress-status.ts";

// /api/v1/indicators: the progress framework as open data. Registered inside the API's own
// context (platform/api/api-shell.ts), so its schemas validate, serialise and appear in the OpenAPI document.

export const INDICATOR_TAG = {
  name: "Progress framework",
  description: "Vision statements, outcomes, indicators and their data.",
};

const url = (slug: string) => `${API_ROOT}/indicators/${slug}`;
const status = (s: StatusResult) => ({ ...s, method: [...STATUS_METHOD] });
const summary = (i: IndicatorSummary) => ({
  slug: i.slug,
  title: i.title,
  kind: i.kind,
  measure: i.measure,
  unit: i.unit,
  status: status(i.status),
  url: url(i.slug),
});

type SlugRequest = { Params: Static<typeof SlugParams> };

export function indicatorApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/indicators",
    {
      schema: {
        operationId: "getProgressFramework",
        summary:
          "Every vision statement, its outcomes and their published indicators with their progress status",
        tags: [INDICATOR_TAG.name],
        response: { 200: Framework },
      },
    },
    async (request) => {
      // The API is open data: published indicators only, even for a signed-in analyst.
      const visions = await getFramework(deps.db, { kind: "public", requestId: request.id });
      return {
        visionStatements: visions.map((v) => ({
          slug: v.slug,
          title: v.title,
          summary: v.summary,
          outcomes: v.outcomes.map((o) => ({
            slug: o.slug,
            title: o.title,
            indicators: o.indicators.map(summary),
          })),
        })),
      };
    },
  );

  api.get<SlugRequest>(
    "/indicators/:slug",
    {
      schema: {
        operationId: "getIndicator",
        summary: "One published indicator: its metadata, baseline, target, story and progress status",
        tags: [INDICATOR_TAG.name],
        params: SlugParams,
        response: { 200: IndicatorSchema, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const p = await getIndicatorPage(
        deps.db,
        { kind: "public", requestId: request.id },
        request.params.slug,
        {},
      );
      const m = p.indicator;
      return {
        slug: m.slug,
        title: m.title,
        definition: m.definition,
        unit: m.unit,
        better: m.better,
        kind: m.kind,
        measure: m.measure,
        source: m.source,
        sourceUrl: m.sourceUrl,
        publisher: m.publisher,
        lastUpdated: m.lastUpdated,
        nextUpdate: m.nextUpdate,
        baseline: m.baselinePeriod ? { period: m.baselinePeriod, value: m.baselineValue } : null,
        target: m.targetValue === null ? null : { value: m.targetValue, date: m.targetDate },
        story: m.story,
        breakdowns: m.breakdowns,
        smallNumberThreshold: m.suppressBelow,
        outcome: { slug: m.outcome.slug, title: m.outcome.title },
        visionStatement: { slug: m.vision.slug, title: m.vision.title },
        status: status(p.status),
        observations: `${url(m.slug)}/observations`,
      };
    },
  );

  api.get<SlugRequest & { Querystring: Static<typeof ObservationQuery> }>(
    "/indicators/:slug/observations",
    {
      schema: {
        operationId: "listObservations",
        summary: "A published indicator's observations; suppressed values are null",
        tags: [INDICATOR_TAG.name],
        params: SlugParams,
        querystring: ObservationQuery,
        response: { 200: ObservationList, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const { indicator, observations } = await getObservations(
        deps.db,
        { kind: "public", requestId: request.id },
        request.params.slug,
        { geography: request.query.geography },
      );
      return {
        indicator: indicator.slug,
        observations: observations.map((o) => ({
          period: o.period,
          geography: o.geography,
          geographyName: o.geographyName,
          breakdown: o.breakdown,
          value: o.value,
          flag: o.flag,
        })),
      };
    },
  );
}
