import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { toCsv } from "../../platform/csv.ts";
import { londonToday } from "../../platform/dates.ts";
import type { FieldErrors } from "../../platform/errors.ts";
import { sendPublicPage } from "../../platform/http-pages.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { sendDownload } from "./downloads.ts";
import * as repo from "./landscape.repository.ts";
import { getLandscape, visibilityFor } from "./landscape.service.ts";
import { defaultPeriod, PeriodError, type PeriodForm, readPeriod } from "./landscape-period.ts";
import { listMembershipRecords } from "./open-data.repository.ts";
import { landscapeView } from "./views/landscape.view.ts";

// The landscape page and the open-data CSV downloads of groups, memberships and meetings.

export function landscapeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get("/landscape", async (request, reply) => {
    const today = londonToday();
    let chosen: { period: ReturnType<typeof defaultPeriod>; form: PeriodForm };
    let errors: FieldErrors = {};
    try {
      chosen = readPeriod(request.query, today);
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      chosen = { period: defaultPeriod(today), form: error.form };
      errors = error.fields;
      reply.code(400);
    }
    const report = await getLandscape(db, request.actor, { period: chosen.period, today });
    const title = formTitle("The landscape of groups", Object.keys(errors).length > 0);
    return sendPublicPage(request, reply, { title, content: landscapeView(report, chosen.form, errors) });
  });

  app.get("/data/groups.csv", async (request, reply) => {
    const groups = await repo.listGroups(db);
    const byId = new Map(groups.map((g) => [g.id, g]));
    const body = toCsv(
      ["slug", "name", "status", "remit", "parent", "portfolio", "start_date", "review_date", "end_date"],
      groups.map((g) => [
        g.slug,
        g.name,
        g.status,
        g.remit,
        g.parentId === null ? null : (byId.get(g.parentId)?.slug ?? null),
        g.portfolio,
        g.startDate,
        g.reviewDate,
        g.endDate,
      ]),
    );
    return sendDownload(request, reply, { body, type: "text/csv; charset=utf-8", fileName: "groups.csv" });
  });

  app.get("/data/memberships.csv", async (request, reply) => {
    const records = await listMembershipRecords(db);
    const body = toCsv(
      ["group", "group_name", "person_id", "person", "organisation", "role", "deputy_for", "from", "to"],
      records.map((m) => [
        m.group.slug,
        m.group.name,
        m.person.id,
        m.person.name,
        m.organisation?.name ?? null,
        m.role,
        m.deputyFor?.name ?? null,
        m.from,
        m.to,
      ]),
    );
    return sendDownload(request, reply, {
      body,
      type: "text/csv; charset=utf-8",
      fileName: "memberships.csv",
    });
  });

  app.get("/data/meetings.csv", async (request, reply) => {
    const visibility = visibilityFor(request.actor);
    const [groups, meetings] = await Promise.all([
      repo.listGroups(db),
      repo.listVisibleMeetings(db, visibility),
    ]);
    // Where the asker may not read unpublished minutes, they learn only that they are not published.
    const minutes = (m: repo.MeetingRow) =>
      m.minutesStatus === "published" || visibility.everywhere || visibility.groupIds.includes(m.groupId)
        ? m.minutesStatus
        : "not published";
    const byId = new Map(groups.map((g) => [g.id, g]));
    const body = toCsv(
      [
        "group",
        "group_name",
        "meeting_id",
        "date",
        "start_time",
        "end_time",
        "place",
        "online",
        "status",
        "minutes",
        "minutes_published_on",
      ],
      meetings.map((m) => [
        byId.get(m.groupId)?.slug ?? null,
        byId.get(m.groupId)?.name ?? null,
        m.id,
        m.date,
        m.startTime,
        m.endTime,
        m.place,
        m.online,
        m.status,
        minutes(m),
        m.publishedOn,
      ]),
    );
    return sendDownload(request, reply, { body, type: "text/csv; charset=utf-8", fileName: "meetings.csv" });
  });
}
