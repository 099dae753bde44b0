import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { sendPublicPage } from "../../platform/http-pages.ts";
import { idParam, slugParam } from "../../platform/http-params.ts";
import { can } from "../../platform/security/authorize.ts";
import { sendStoredFile } from "../../platform/uploads.ts";
import { groupPath, groupsPath } from "./governance.paths.ts";
import { getGroup, listGroups } from "./group.service.ts";
import { getMeeting, mayReadPrivate } from "./meeting.service.ts";
import { getPaperFile } from "./minutes.service.ts";
import { groupsView, groupView } from "./views/groups.view.ts";
import { minutesTitle, minutesView } from "./views/minutes.view.ts";

// Governance's public pages: every group, one group, and one meeting's minutes. The public see
// only published minutes and public papers; the service decides, with the request's actor.

const GROUPS = { href: groupsPath, text: "Groups" };

export function governancePublicRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get("/groups", async (request, reply) => {
    const groups = await listGroups(db);
    return sendPublicPage(request, reply, {
      title: "Groups",
      content: groupsView(groups, { canCreate: can(request.actor, "group.create") }),
    });
  });

  app.get<{ Params: { slug: string } }>("/groups/:slug", async (request, reply) => {
    const group = await getGroup(db, request.actor, slugParam(request.params.slug, "group"));
    return sendPublicPage(request, reply, {
      title: group.name,
      breadcrumbs: [GROUPS],
      content: groupView(group, {
        canManage: can(request.actor, "group.manage", { groupId: group.id }),
        seesPrivate: mayReadPrivate(request.actor, group.id),
      }),
    });
  });

  app.get<{ Params: { slug: string; id: string } }>("/groups/:slug/meetings/:id", async (request, reply) => {
    const slug = slugParam(request.params.slug, "group");
    const meeting = await getMeeting(db, request.actor, idParam(request.params.id));
    if (meeting.group.slug !== slug) throw new NotFoundError("There is no such meeting.");
    return sendPublicPage(request, reply, {
      title: minutesTitle(meeting),
      breadcrumbs: [GROUPS, { href: groupPath(slug), text: meeting.group.name }],
      content: minutesView(meeting, {
        canManage: can(request.actor, "group.manage", { groupId: meeting.group.id }),
      }),
    });
  });

  // A paper's file, as a download: private papers and papers of unpublished minutes are 404 to
  // anyone who may not read the group's private business.
  app.get<{ Params: { slug: string; id: string } }>(
    "/groups/:slug/papers/:id/file",
    async (request, reply) => {
      const slug = slugParam(request.params.slug, "group");
      const file = await getPaperFile(db, request.actor, idParam(request.params.id));
      if (file.groupSlug !== slug) throw new NotFoundError("There is no such paper.");
      reply.header("vary", "Cookie");
      return sendStoredFile(reply, file, {
        cache: file.forAnyone && request.actor.kind === "public" ? "public" : "private",
      });
    },
  );
}
