import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { type GroupRecord, listGroups, listVisibleMeetings } from "../landscape/landscape.repository.ts";
import { visibilityFor } from "../landscape/landscape.service.ts";
import { listMembershipRecords } from "../landscape/open-data.repository.ts";
import { BAD_REQUEST_OR_NOT_FOUND, SlugParams } from "./common.schema.ts";
import {
  presentGroup,
  presentGroupList,
  presentMeetingList,
  presentMembershipList,
} from "./governance.presenters.ts";
import { Group, GroupList, MeetingList, MembershipList } from "./group.schema.ts";

// /api/v1/groups…: governance groups, memberships and meetings. Registered inside the API's own
// context (api.routes.ts), so they share its headers and error answers and join its OpenAPI document.

type SlugRequest = { Params: Static<typeof SlugParams> };

async function groupsAndOne(
  deps: AppDeps,
  slug: string,
): Promise<{ all: GroupRecord[]; group: GroupRecord }> {
  const all = await listGroups(deps.db);
  const group = all.find((g) => g.slug === slug);
  if (!group) throw new NotFoundError(`There is no group called "${slug}".`);
  return { all, group };
}

export const GOVERNANCE_TAG = {
  name: "Groups",
  description: "Governance groups, their members and meetings.",
};

export function governanceApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/groups",
    {
      schema: {
        operationId: "listGroups",
        summary: "Every governance group",
        tags: ["Groups"],
        response: { 200: GroupList },
      },
    },
    async () => presentGroupList(await listGroups(deps.db)),
  );

  api.get<SlugRequest>(
    "/groups/:slug",
    {
      schema: {
        operationId: "getGroup",
        summary: "One group: its remit, place and dates",
        tags: ["Groups"],
        params: SlugParams,
        response: { 200: Group, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const { all, group } = await groupsAndOne(deps, request.params.slug);
      return presentGroup(group, new Map(all.map((g) => [g.id, g])));
    },
  );

  api.get<SlugRequest>(
    "/groups/:slug/memberships",
    {
      schema: {
        operationId: "listGroupMemberships",
        summary: "A group's members: who, for which organisation, in what role, from when to when",
        tags: ["Groups"],
        params: SlugParams,
        response: { 200: MembershipList, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const { group } = await groupsAndOne(deps, request.params.slug);
      return presentMembershipList(group, await listMembershipRecords(deps.db, group.id));
    },
  );

  api.get<SlugRequest>(
    "/groups/:slug/meetings",
    {
      schema: {
        operationId: "listGroupMeetings",
        summary: "A group's meetings you may see",
        description:
          "The public sees meetings whose minutes are published, and the next meeting those minutes name. " +
          "Those who may read the group's private business see every meeting.",
        tags: ["Groups"],
        params: SlugParams,
        response: { 200: MeetingList, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const { group } = await groupsAndOne(deps, request.params.slug);
      const visibility = visibilityFor(request.actor);
      const meetings = await listVisibleMeetings(deps.db, visibility, { groupId: group.id });
      return presentMeetingList(group, meetings, visibility);
    },
  );
}
