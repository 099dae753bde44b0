import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { toCsv } from "../../platform/csv.ts";
import { sendPrivatePage as sendManagePage, sendPublicPage, signInFirst } from "../../platform/http-pages.ts";
import { queryOf, slugParam } from "../../platform/http-params.ts";
import { can } from "../../platform/security/authorize.ts";
import { type ActionLog, getActionLog, parseFilter } from "./action-log.service.ts";
import { groupPath, groupsPath, manageActionLogPath, manageGroupPath } from "./governance.paths.ts";
import { actionLogView, ownerText } from "./views/action-log.view.ts";

// A group's action log: the public page (actions of published minutes), its CSV, and the
// secretariat's page with every action and a button to close or reopen each.

type SlugParams = { Params: { slug: string } };

/** `origin` is WAYMARK_BASE_URL: the CSV is cached and shared, so its links never come from Host. */
function csvOf(origin: string, log: ActionLog): string {
  return toCsv(
    [
      "meeting date",
      "minutes",
      "action",
      "owner",
      "owner person",
      "owner organisation",
      "due date",
      "status",
      "closed on",
      "overdue",
      "route map",
      "route map address",
    ],
    log.entries.map((a) => [
      a.meetingDate,
      a.minutesStatus,
      a.text,
      ownerText(a),
      a.ownerPerson?.name ?? null,
      a.ownerOrganisation?.name ?? null,
      a.dueDate,
      a.status,
      a.closedOn,
      a.overdue,
      a.routeMap?.text ?? null,
      a.routeMap ? `${origin}${a.routeMap.href}` : null,
    ]),
  );
}

export function actionLogRoutes(app: FastifyInstance, { db, config }: AppDeps): void {
  const log = (request: FastifyRequest<SlugParams>, manage: boolean) =>
    getActionLog(db, request.actor, slugParam(request.params.slug, "group"), {
      filter: parseFilter(queryOf(request).status),
      manage,
    });

  app.get<SlugParams>("/groups/:slug/actions", async (request, reply) => {
    const found = await log(request, false);
    return sendPublicPage(request, reply, {
      title: `Action log: ${found.group.name}`,
      breadcrumbs: [
        { href: groupsPath, text: "Groups" },
        { href: groupPath(found.group.slug), text: found.group.name },
      ],
      content: actionLogView(found, {
        manage: false,
        canManage: can(request.actor, "group.manage", { groupId: found.group.id }),
        csrfToken: request.csrfToken,
      }),
    });
  });

  app.get<SlugParams>("/groups/:slug/actions.csv", async (request, reply: FastifyReply) => {
    const found = await log(request, false);
    reply.header("cache-control", request.actor.kind === "user" ? "private, no-store" : "public, max-age=60");
    reply.header("vary", "Cookie");
    reply.header("content-disposition", `attachment; filename="${found.group.slug}-actions.csv"`);
    return reply.type("text/csv; charset=utf-8").send(csvOf(config.baseUrl, found));
  });

  app.get<SlugParams>("/manage/groups/:slug/actions", async (request, reply) => {
    const slug = slugParam(request.params.slug, "group");
    const redirect = signInFirst(request, reply, manageActionLogPath(slug));
    if (redirect) return redirect;
    const found = await log(request, true);
    return sendManagePage(request, reply, {
      title: `Action log: ${found.group.name}`,
      breadcrumbs: [
        { href: groupsPath, text: "Groups" },
        { href: manageGroupPath(found.group.slug), text: found.group.name },
      ],
      content: actionLogView(found, {
        manage: true,
        canManage: true,
        csrfToken: request.csrfToken,
        saved: queryOf(request).saved === "action-status",
      }),
    });
  });
}
