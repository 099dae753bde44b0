import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { ErrorResponse } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { presentClash, presentTimelineItem } from "./timeline.presenters.ts";
import {
  TIMELINE_TAG,
  TimelineItemDetail,
  TimelineItemParams,
  TimelineList,
  TimelineQuery,
} from "./timeline.schema.ts";
import { getItem, listTimeline } from "./timeline.service.ts";

// /api/v1/timeline, registered inside the API's context (platform/api/api-shell.ts). Published
// items for everyone; a draft is not found unless the asker may edit the timeline.

export function timelineApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  const threshold = deps.config.timelineClashThreshold;
  const origin = deps.config.baseUrl;

  api.get<{ Querystring: Static<typeof TimelineQuery> }>(
    "/timeline",
    {
      schema: {
        operationId: "listTimeline",
        summary: "The published timeline, by date, with every clash",
        tags: [TIMELINE_TAG.name],
        querystring: TimelineQuery,
        response: { 200: TimelineList, 400: ErrorResponse },
      },
    },
    async (request) => {
      const { items, clashes } = await listTimeline(deps.db, { audience: request.query.audience }, threshold);
      return { items: items.map((i) => presentTimelineItem(i, origin)), clashes: clashes.map(presentClash) };
    },
  );

  api.get<{ Params: Static<typeof TimelineItemParams> }>(
    "/timeline/:id",
    {
      schema: {
        operationId: "getTimelineItem",
        summary: "One timeline item, with the clashes it is part of",
        tags: [TIMELINE_TAG.name],
        params: TimelineItemParams,
        response: { 200: TimelineItemDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { item, clashes } = await getItem(deps.db, request.actor, request.params.id, threshold);
      return { item: presentTimelineItem(item, origin), clashes: clashes.map(presentClash) };
    },
  );
}
