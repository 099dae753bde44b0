import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { type FormState, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendManagePage, signInFirst } from "../../platform/http-pages.ts";
import { idParam, queryOf } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { readUploadedFile, registerUploads } from "../../platform/uploads.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { promoteAction, setActionStatus } from "./action.service.ts";
import * as agendaRepo from "./agenda.repository.ts";
import {
  addPaper,
  moveAgendaItem,
  removeAgendaItem,
  removePaper,
  replacePaperFile,
  setPaperPublic,
  updateAgendaItem,
} from "./agenda.service.ts";
import { groupsPath, manageActionLogPath, manageMeetingPath } from "./governance.paths.ts";
import { renderManageMeeting } from "./manage-meeting.routes.ts";
import { getMeeting, meetingAndGroup } from "./meeting.service.ts";
import { agendaItemView } from "./views/agenda-item.view.ts";
import { manageMeetingTitle } from "./views/manage-meeting.view.ts";

// An agenda item's page (its minute and papers), papers' visibility, and actions' status and
// promotion into a route map.

type IdParams = { Params: { id: string } };

async function meetingOfItem(db: Db, itemId: number): Promise<number> {
  const item = await agendaRepo.findItem(db, itemId);
  if (!item) throw new NotFoundError("There is no such agenda item.");
  return item.meetingId;
}

async function meetingOfPaper(db: Db, paperId: number): Promise<{ meetingId: number; itemId: number }> {
  const paper = await agendaRepo.findPaper(db, paperId);
  if (!paper) throw new NotFoundError("There is no such paper.");
  return { meetingId: paper.meetingId, itemId: paper.agendaItemId };
}

async function meetingOfAction(db: Db, actionId: number): Promise<number> {
  const action = await agendaRepo.findAction(db, actionId);
  if (!action) throw new NotFoundError("There is no such action.");
  return action.meetingId;
}

export function manageItemRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const renderItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    itemId: number,
    options: { saved?: string | undefined; state?: FormState; status?: number } = {},
  ) => {
    const meetingId = await meetingOfItem(db, itemId);
    const { group } = await meetingAndGroup(db, meetingId);
    authorize(request.actor, "group.manage", { groupId: group.id });
    const meeting = await getMeeting(db, request.actor, meetingId);
    const item = meeting.items.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError("There is no such agenda item.");
    return sendManagePage(request, reply, {
      title: formTitle(item.title, options.state !== undefined),
      breadcrumbs: [
        { href: groupsPath, text: "Groups" },
        { href: manageMeetingPath(meeting.id), text: manageMeetingTitle(meeting) },
      ],
      status: options.status,
      content: agendaItemView({
        meeting,
        item,
        csrfToken: request.csrfToken,
        saved: options.saved,
        state: options.state,
      }),
    });
  };

  app.get<IdParams>("/manage/agenda-items/:id", async (request, reply) => {
    const id = idParam(request.params.id);
    return (
      signInFirst(request, reply, `/manage/agenda-items/${id}`) ??
      renderItem(request, reply, id, { saved: queryOf(request).saved })
    );
  });

  app.post<IdParams>("/manage/agenda-items/:id", async (request, reply) => {
    const id = idParam(request.params.id);
    return runChange(db, request, reply, {
      returnTo: `/manage/agenda-items/${id}`,
      change: async (trx, actor, form, posted) => {
        await updateAgendaItem(trx, actor, id, posted.version, {
          title: form.title,
          notes: form.notes,
          discussionPoints: form.discussionPoints,
          decisions: form.decisions,
        });
        return `${manageMeetingPath(await meetingOfItem(trx, id))}?saved=item-updated#agenda`;
      },
      refused: (state, status) =>
        renderItem(request, reply, id, { state: { form: "item", ...state }, status }),
    });
  });

  /** A one-button change on an item or paper or action: back to the meeting when done or refused. */
  const buttonPost = (
    url: string,
    meetingOf: (db: Db, id: number) => Promise<number>,
    change: (
      trx: Trx,
      actor: Parameters<typeof removeAgendaItem>[1],
      id: number,
      form: Record<string, string | undefined>,
      /** The version the button was drawn with, read only by a change that uses one. */
      version: () => number,
    ) => Promise<string>,
  ) =>
    app.post<IdParams>(url, async (request, reply) => {
      const id = idParam(request.params.id);
      const meetingId = await meetingOf(db, id);
      return runChange(db, request, reply, {
        returnTo: manageMeetingPath(meetingId),
        change: (trx, actor, form, posted) => change(trx, actor, id, form, () => posted.version),
        refused: (state, status) =>
          renderManageMeeting(db, request, reply, meetingId, { state: { form: "button", ...state }, status }),
      });
    });

  buttonPost("/manage/agenda-items/:id/remove", meetingOfItem, async (trx, actor, id, _form, version) => {
    const meetingId = await meetingOfItem(trx, id);
    await removeAgendaItem(trx, actor, id, version());
    return `${manageMeetingPath(meetingId)}?saved=item-removed#agenda`;
  });

  buttonPost("/manage/agenda-items/:id/move", meetingOfItem, async (trx, actor, id, form) => {
    await moveAgendaItem(trx, actor, id, form.direction === "up" ? "up" : "down");
    return `${manageMeetingPath(await meetingOfItem(trx, id))}?saved=item-moved#agenda`;
  });

  // A paper: a link, or a file (multipart; only this scope reads multipart forms), or both.
  app.register(async (scope) => {
    await registerUploads(scope);
    scope.post<IdParams>("/manage/agenda-items/:id/papers", async (request, reply) => {
      const id = idParam(request.params.id);
      return runChange(db, request, reply, {
        returnTo: `/manage/agenda-items/${id}`,
        change: async (trx, actor, form) => {
          await addPaper(trx, actor, id, {
            title: form.paperTitle,
            reference: form.reference,
            url: form.url,
            file: await readUploadedFile(request, "file", { label: "the paper" }),
            public: form.public,
          });
          return `/manage/agenda-items/${id}?saved=paper#papers`;
        },
        refused: (state, status) =>
          renderItem(request, reply, id, { state: { form: "paper", ...state }, status }),
      });
    });
    scope.post<IdParams>("/manage/papers/:id/file", async (request, reply) => {
      const id = idParam(request.params.id);
      const { itemId } = await meetingOfPaper(db, id);
      return runChange(db, request, reply, {
        returnTo: `/manage/agenda-items/${itemId}`,
        change: async (trx, actor) => {
          await replacePaperFile(
            trx,
            actor,
            id,
            await readUploadedFile(request, "file", { label: "the paper" }),
          );
          return `/manage/agenda-items/${itemId}?saved=paper-updated#papers`;
        },
        refused: (state, status) =>
          renderItem(request, reply, itemId, { state: { form: `paper-file-${id}`, ...state }, status }),
      });
    });
  });

  const paperMeeting = async (db: Db, id: number) => (await meetingOfPaper(db, id)).meetingId;

  buttonPost("/manage/papers/:id/visibility", paperMeeting, async (trx, actor, id, form) => {
    const { itemId } = await meetingOfPaper(trx, id);
    await setPaperPublic(trx, actor, id, form.public === "yes");
    return `/manage/agenda-items/${itemId}?saved=paper-updated#papers`;
  });

  buttonPost("/manage/papers/:id/remove", paperMeeting, async (trx, actor, id) => {
    const { itemId } = await meetingOfPaper(trx, id);
    await removePaper(trx, actor, id);
    return `/manage/agenda-items/${itemId}?saved=paper-updated#papers`;
  });

  buttonPost("/manage/actions/:id/status", meetingOfAction, async (trx, actor, id, form) => {
    await setActionStatus(trx, actor, id, {
      status: form.status === "open" ? "open" : "closed",
      closedOn: form.closedOn,
    });
    const meetingId = await meetingOfAction(trx, id);
    // From the action log: back to it.
    if (form.back === "log")
      return `${manageActionLogPath((await meetingAndGroup(trx, meetingId)).group.slug)}?saved=action-status`;
    return `${manageMeetingPath(meetingId)}?saved=action-status#actions`;
  });

  buttonPost("/manage/actions/:id/promote", meetingOfAction, async (trx, actor, id, form) => {
    await promoteAction(trx, actor, id, { themeSlug: form.themeSlug });
    return `${manageMeetingPath(await meetingOfAction(trx, id))}?saved=action-promoted#actions`;
  });
}
