import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Db, Trx } from "../../platform/database.ts";
import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { dateFields, type Form, type FormState, formOf, kept, runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendManagePage, signInFirst } from "../../platform/http-pages.ts";
import { idParam, queryOf } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { addAction, routeMapsForPromotion } from "./action.service.ts";
import { addAgendaItem } from "./agenda.service.ts";
import { type AttendanceInput, recordAttendance } from "./attendance.service.ts";
import { groupsPath, manageGroupPath, manageMeetingPath } from "./governance.paths.ts";
import {
  getMeeting,
  listGroupMeetings,
  meetingAndGroup,
  setNextMeeting,
  updateMeeting,
} from "./meeting.service.ts";
import { agreeMinutes, publishMinutes } from "./minutes.service.ts";
import { attendanceView, MORE_ROWS, rowCount } from "./views/attendance.view.ts";
import { manageMeetingTitle, manageMeetingView } from "./views/manage-meeting.view.ts";

// Managing one meeting: its details, attendance, agenda items, actions, the next meeting, and
// the minutes' workflow (agree, publish). Agenda items, papers and actions have their own
// addresses in manage-items.routes.ts.

type IdParams = { Params: { id: string } };

export async function renderManageMeeting(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: number,
  options: { saved?: string | undefined; state?: FormState; status?: number } = {},
): Promise<FastifyReply> {
  const { group } = await meetingAndGroup(db, meetingId);
  authorize(request.actor, "group.manage", { groupId: group.id });
  const meeting = await getMeeting(db, request.actor, meetingId);
  const groupMeetings = await listGroupMeetings(db, request.actor, group.id);
  const routeMaps = await routeMapsForPromotion(db, request.actor);
  return sendManagePage(request, reply, {
    title: formTitle(manageMeetingTitle(meeting), options.state !== undefined),
    breadcrumbs: [
      { href: groupsPath, text: "Groups" },
      { href: manageGroupPath(group.slug), text: `Manage ${group.name}` },
    ],
    status: options.status,
    content: manageMeetingView({
      meeting,
      groupMeetings,
      routeMaps,
      csrfToken: request.csrfToken,
      saved: options.saved,
      state: options.state,
    }),
  });
}

/** Field errors under the names the form uses: the next-meeting form's fields are "next…". */
function renamed(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ValidationError)) return error;
  const fields: FieldErrors = {};
  for (const [key, message] of Object.entries(error.fields)) fields[names[key] ?? key] = message;
  return new ValidationError(fields, error.message);
}

function attendanceRows(form: Form): AttendanceInput[] {
  return Array.from({ length: Math.min(rowCount(form), 500) }, (_, i) => ({
    person: form[`person-${i + 1}`],
    organisation: form[`organisation-${i + 1}`],
    status: form[`status-${i + 1}`],
    deputisedBy: form[`deputisedBy-${i + 1}`],
    coChair: form[`coChair-${i + 1}`],
  }));
}

export function manageMeetingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** A POST on a meeting: one service call, then back to the meeting page at its section. */
  const meetingPost = (
    suffix: string,
    form: string,
    change: (
      trx: Trx,
      actor: Parameters<typeof updateMeeting>[1],
      id: number,
      values: Form,
      /** The version the form was made from, read only by a change that uses one. */
      version: () => number,
    ) => Promise<string>,
  ) =>
    app.post<IdParams>(`/manage/meetings/:id${suffix}`, async (request, reply) => {
      const id = idParam(request.params.id);
      return runChange(db, request, reply, {
        returnTo: manageMeetingPath(id),
        change: (trx, actor, values, posted) => change(trx, actor, id, values, () => posted.version),
        refused: (state, status) =>
          renderManageMeeting(db, request, reply, id, { state: { form, ...state }, status }),
      });
    });

  app.get<IdParams>("/manage/meetings/:id", async (request, reply) => {
    const id = idParam(request.params.id);
    return (
      signInFirst(request, reply, manageMeetingPath(id)) ??
      renderManageMeeting(db, request, reply, id, { saved: queryOf(request).saved })
    );
  });

  meetingPost("", "meeting", async (trx, actor, id, form, version) => {
    await updateMeeting(trx, actor, id, version(), {
      date: dateFields(form, "date"),
      startTime: form.startTime,
      endTime: form.endTime,
      place: form.place,
      online: form.online,
      status: form.status,
    });
    return `${manageMeetingPath(id)}?saved=details#details`;
  });

  meetingPost("/items", "item", async (trx, actor, id, form) => {
    await addAgendaItem(trx, actor, id, {
      title: form.title,
      notes: form.notes,
      discussionPoints: form.discussionPoints,
      decisions: form.decisions,
    });
    return `${manageMeetingPath(id)}?saved=item#agenda`;
  });

  meetingPost("/actions", "action", async (trx, actor, id, form) => {
    await addAction(trx, actor, id, {
      text: form.text,
      agendaItemId: form.agendaItemId,
      ownerPerson: form.ownerPerson,
      ownerOrganisation: form.ownerOrganisation,
      dueDate: dateFields(form, "dueDate"),
    });
    return `${manageMeetingPath(id)}?saved=action#actions`;
  });

  meetingPost("/next", "next", async (trx, actor, id, form) => {
    try {
      await setNextMeeting(trx, actor, id, {
        date: dateFields(form, "nextDate"),
        startTime: form.nextStartTime,
        endTime: form.nextEndTime,
        place: form.nextPlace,
        online: form.nextOnline,
      });
    } catch (error) {
      throw renamed(error, {
        date: "nextDate",
        startTime: "nextStartTime",
        endTime: "nextEndTime",
        place: "nextPlace",
      });
    }
    return `${manageMeetingPath(id)}?saved=next#next`;
  });

  meetingPost("/agree", "agree", async (trx, actor, id, form) => {
    await agreeMinutes(trx, actor, id, { agreedAt: form.agreedAt, amendments: form.amendments });
    return `${manageMeetingPath(id)}?saved=agreed#minutes`;
  });

  meetingPost("/publish", "publish", async (trx, actor, id, form) => {
    await publishMinutes(trx, actor, id, { publishedOn: dateFields(form, "publishedOn") });
    return `${manageMeetingPath(id)}?saved=published#minutes`;
  });

  const renderAttendance = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    options: { state?: FormState; status?: number; rows?: number } = {},
  ) => {
    const { group } = await meetingAndGroup(db, id);
    authorize(request.actor, "group.manage", { groupId: group.id });
    const meeting = await getMeeting(db, request.actor, id);
    return sendManagePage(request, reply, {
      title: formTitle(
        `Attendance: ${manageMeetingTitle(meeting)}`,
        Boolean(options.state && Object.keys(options.state.errors).length > 0),
      ),
      breadcrumbs: [
        { href: groupsPath, text: "Groups" },
        { href: manageMeetingPath(id), text: manageMeetingTitle(meeting) },
      ],
      status: options.status,
      content: attendanceView({
        meeting,
        csrfToken: request.csrfToken,
        state: options.state,
        rows: options.rows,
      }),
    });
  };

  app.get<IdParams>("/manage/meetings/:id/attendance", async (request, reply) => {
    const id = idParam(request.params.id);
    return (
      signInFirst(request, reply, `${manageMeetingPath(id)}/attendance`) ??
      renderAttendance(request, reply, id)
    );
  });

  app.post<IdParams>("/manage/meetings/:id/attendance", async (request, reply) => {
    const id = idParam(request.params.id);
    const form = formOf(request);
    if (form.more === "yes" && request.actor.kind === "user") {
      // More rows: the same form again, with what was typed and ten more empty rows. Nothing is saved.
      return renderAttendance(request, reply, id, {
        state: { form: "attendance", values: kept(form), errors: {} },
        rows: Math.min(rowCount(form), 490) + MORE_ROWS,
      });
    }
    return runChange(db, request, reply, {
      returnTo: `${manageMeetingPath(id)}/attendance`,
      change: async (trx, actor, values) => {
        await recordAttendance(trx, actor, id, attendanceRows(values));
        return `${manageMeetingPath(id)}?saved=attendance#attendance`;
      },
      refused: (state, status) =>
        renderAttendance(request, reply, id, {
          state: { form: "attendance", ...state },
          status,
          rows: Math.max(rowCount(form), 1),
        }),
    });
  });
}
