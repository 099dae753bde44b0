import type { Static } from "typebox";
import type { FeatureApi } from "../../platform/api/api-shell.ts";
import { BAD_REQUEST_OR_NOT_FOUND, SlugParams } from "../../platform/api/common.schema.ts";
import { Group, GroupList, MeetingList, MembershipList } from "./group.schema.ts";
import {
  governanceUrls,
  presentGroup,
  presentGroupList,
  presentMeetingList,
  presentMembershipList,
} from "./groups.presenters.ts";
import {
  getGroupRecord,
  listGroupMeetings,
  listGroupMemberships,
  listGroupRecords,
} from "./groups.service.ts";

// /api/v1/groups…: governance groups, memberships and meetings. Registered inside the API's own
// context (platform/api/api-shell.ts), so they share its headers and error answers and join its OpenAPI document.

type SlugRequest = { Params: Static<typeof SlugParams> };

/** The landscape's part of the API: governance groups, their memberships and meetings. */
export const groupsApi: FeatureApi = {
  tags: [{ name: "Groups", description: "Governance groups, their members and meetings." }],
  links: { groups: governanceUrls.groups() },
  routes(api, deps) {
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
      async () => presentGroupList(await listGroupRecords(deps.db)),
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
        const { all, group } = await getGroupRecord(deps.db, request.params.slug);
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
        const { group } = await getGroupRecord(deps.db, request.params.slug);
        return presentMembershipList(group, await listGroupMemberships(deps.db, group.id));
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
        const { group } = await getGroupRecord(deps.db, request.params.slug);
        const { meetings, visibility } = await listGroupMeetings(deps.db, request.actor, group.id);
        return presentMeetingList(group, meetings, visibility);
      },
    );
  },
};
