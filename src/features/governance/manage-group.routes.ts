import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { dateFields, type Form, type FormState, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendManagePage, signInFirst } from "../../platform/http-pages.ts";
import { idParam, queryOf, slugParam } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { groupPath, groupsPath, manageGroupPath, manageMeetingPath } from "./governance.paths.ts";
import * as groupRepo from "./group.repository.ts";
import {
  createGroup,
  findGroup,
  type GroupInput,
  getGroup,
  listGroups,
  updateGroup,
} from "./group.service.ts";
import { planMeeting } from "./meeting.service.ts";
import { addMembership, removeMembership, updateMembership } from "./membership.service.ts";
import { manageGroupView, newGroupView } from "./views/manage-group.view.ts";
import { membershipView } from "./views/membership.view.ts";

// Managing groups: adding one, its details, its members, and planning its meetings. Every page
// and form works without JavaScript; each POST runs one service call in its own transaction and
// answers with a 303, or the page again with the form's errors and the input kept.

const GROUPS = { href: groupsPath, text: "Groups" };

function groupInput(form: Form): GroupInput {
  return {
    name: form.name,
    remit: form.remit,
    priorities: form.priorities,
    parent: form.parent,
    portfolio: form.portfolio,
    status: form.status,
    startDate: dateFields(form, "startDate"),
    reviewDate: dateFields(form, "reviewDate"),
    endDate: dateFields(form, "endDate"),
  };
}

async function renderManageGroup(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  options: { saved?: string | undefined; state?: FormState; status?: number } = {},
): Promise<FastifyReply> {
  const summary = await findGroup(db, slug);
  authorize(request.actor, "group.manage", { groupId: summary.id });
  const group = await getGroup(db, request.actor, slug);
  const parents = await listGroups(db);
  return sendManagePage(request, reply, {
    title: formTitle(`Manage ${group.name}`, options.state !== undefined),
    breadcrumbs: [GROUPS, { href: groupPath(group.slug), text: group.name }],
    status: options.status,
    content: manageGroupView({
      group,
      parents,
      csrfToken: request.csrfToken,
      saved: options.saved,
      state: options.state,
    }),
  });
}

export function manageGroupRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state?: FormState,
    status?: number,
  ) => {
    authorize(request.actor, "group.create");
    return sendManagePage(request, reply, {
      title: formTitle("Add a group", state !== undefined),
      breadcrumbs: [GROUPS],
      status,
      content: newGroupView({ csrfToken: request.csrfToken, parents: await listGroups(db), state }),
    });
  };

  app.get("/manage/groups/new", async (request, reply) => {
    return signInFirst(request, reply, "/manage/groups/new") ?? renderNew(request, reply);
  });

  app.post("/manage/groups", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: "/manage/groups/new",
      change: async (trx, actor, form) => {
        const group = await createGroup(trx, actor, groupInput(form));
        return `${manageGroupPath(group.slug)}?saved=created`;
      },
      refused: (state, status) => renderNew(request, reply, { form: "group", ...state }, status),
    }),
  );

  app.get<{ Params: { slug: string } }>("/manage/groups/:slug", async (request, reply) => {
    const slug = slugParam(request.params.slug, "group");
    return (
      signInFirst(request, reply, manageGroupPath(slug)) ??
      renderManageGroup(db, request, reply, slug, { saved: queryOf(request).saved })
    );
  });

  app.post<{ Params: { slug: string } }>("/manage/groups/:slug", async (request, reply) => {
    const slug = slugParam(request.params.slug, "group");
    return runChange(db, request, reply, {
      returnTo: manageGroupPath(slug),
      change: async (trx, actor, form, posted) => {
        const group = await findGroup(trx, slug);
        await updateGroup(trx, actor, group.id, posted.version, groupInput(form));
        return `${manageGroupPath(slug)}?saved=details#details`;
      },
      refused: (state, status) =>
        renderManageGroup(db, request, reply, slug, { state: { form: "group", ...state }, status }),
    });
  });

  app.post<{ Params: { slug: string } }>("/manage/groups/:slug/members", async (request, reply) => {
    const slug = slugParam(request.params.slug, "group");
    return runChange(db, request, reply, {
      returnTo: manageGroupPath(slug),
      change: async (trx, actor, form) => {
        const group = await findGroup(trx, slug);
        await addMembership(trx, actor, group.id, {
          person: form.person,
          organisation: form.organisation,
          role: form.role,
          deputyFor: form.deputyFor,
          fromDate: dateFields(form, "fromDate"),
          toDate: dateFields(form, "toDate"),
        });
        return `${manageGroupPath(slug)}?saved=member#members`;
      },
      refused: (state, status) =>
        renderManageGroup(db, request, reply, slug, { state: { form: "member", ...state }, status }),
    });
  });

  app.post<{ Params: { slug: string } }>("/manage/groups/:slug/meetings", async (request, reply) => {
    const slug = slugParam(request.params.slug, "group");
    return runChange(db, request, reply, {
      returnTo: manageGroupPath(slug),
      change: async (trx, actor, form) => {
        const group = await findGroup(trx, slug);
        const id = await planMeeting(trx, actor, group.id, {
          date: dateFields(form, "date"),
          startTime: form.startTime,
          endTime: form.endTime,
          place: form.place,
          online: form.online,
        });
        return `${manageMeetingPath(id)}?saved=planned`;
      },
      refused: (state, status) =>
        renderManageGroup(db, request, reply, slug, { state: { form: "meeting", ...state }, status }),
    });
  });

  const renderMembership = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    state?: FormState,
    status?: number,
  ) => {
    const membership = await groupRepo.findMembership(db, id);
    if (!membership) throw new NotFoundError("There is no such membership.");
    authorize(request.actor, "group.manage", { groupId: membership.groupId });
    const group = await groupRepo.findGroupById(db, membership.groupId);
    if (!group) throw new NotFoundError("There is no such group.");
    return sendManagePage(request, reply, {
      title: formTitle(`${membership.person.name}'s membership`, state !== undefined),
      breadcrumbs: [GROUPS, { href: manageGroupPath(group.slug), text: `Manage ${group.name}` }],
      status,
      content: membershipView({ membership, group, csrfToken: request.csrfToken, state }),
    });
  };

  app.get<{ Params: { id: string } }>("/manage/memberships/:id", async (request, reply) => {
    const id = idParam(request.params.id);
    return signInFirst(request, reply, `/manage/memberships/${id}`) ?? renderMembership(request, reply, id);
  });

  app.post<{ Params: { id: string } }>("/manage/memberships/:id", async (request, reply) => {
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: `/manage/memberships/${id}`,
      change: async (trx, actor, form, posted) => {
        await updateMembership(trx, actor, id, posted.version, {
          organisation: form.organisation,
          role: form.role,
          deputyFor: form.deputyFor,
          fromDate: dateFields(form, "fromDate"),
          toDate: dateFields(form, "toDate"),
        });
        return `${await membershipGroupPath(trx, id)}?saved=member-updated#members`;
      },
      refused: (state, status) => renderMembership(request, reply, id, { form: "member", ...state }, status),
    });
  });

  app.post<{ Params: { id: string } }>("/manage/memberships/:id/remove", async (request, reply) => {
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: `/manage/memberships/${id}`,
      change: async (trx, actor, _form, posted) => {
        const path = await membershipGroupPath(trx, id);
        await removeMembership(trx, actor, id, posted.version);
        return `${path}?saved=member-removed#members`;
      },
      refused: (state, status) => renderMembership(request, reply, id, { form: "remove", ...state }, status),
    });
  });

  /** A membership's group's managing page; memberships that are gone are "not found" by the service. */
  async function membershipGroupPath(trx: Trx, id: number): Promise<string> {
    const membership = await groupRepo.findMembership(trx, id);
    const group = membership && (await groupRepo.findGroupById(trx, membership.groupId));
    return group ? manageGroupPath(group.slug) : groupsPath;
  }
}
