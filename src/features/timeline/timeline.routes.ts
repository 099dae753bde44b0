import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { fullDate, londonToday } from "../../platform/dates.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { sendPublicPage } from "../../platform/http-pages.ts";
import { idParam, queryOf } from "../../platform/http-params.ts";
import { isSlug } from "../../platform/slugs.ts";
import { sendDownload } from "../landscape/downloads.ts";
import { TIMELINE_PATH } from "./timeline.paths.ts";
import { getItem, listAudiences, listChoices, listTimeline } from "./timeline.service.ts";
import { TIMELINE_KINDS, type TimelineFilter } from "./timeline.types.ts";
import { loadItemOf } from "./timeline-clash.ts";
import { timelineCalendar, timelineCsv } from "./timeline-exports.ts";
import { audienceLoad, isAsk } from "./timeline-load.ts";
import { timelineView } from "./views/timeline.view.ts";
import { timelineItemView } from "./views/timeline-item.view.ts";
import { timelineLoadView } from "./views/timeline-load.view.ts";

// The public timeline: the list (filtered by a GET form), each item's page, the load per
// audience per week, and the files (iCalendar feeds, CSV). Published items only, whoever asks:
// the files are made to be passed on, and the pages are cached for the public.

const ICS = "text/calendar; charset=utf-8";
const CSV = "text/csv; charset=utf-8";
const crumbs = [{ href: TIMELINE_PATH, text: "What is coming up" }];

/** A slug the filter may use; anything else is ignored (the filter shows everything). */
function slugOrNone(value: string | undefined): string | undefined {
  return value && isSlug(value) ? value : undefined;
}

export function timelineRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const threshold = deps.config.timelineClashThreshold;
  const origin = deps.config.baseUrl;
  // Links and UIDs from WAYMARK_BASE_URL: a feed is cached and shared, so never from Host.
  const uidDomain = new URL(origin).hostname;

  app.get(TIMELINE_PATH, async (request, reply) => {
    const q = queryOf(request);
    const show = q.show === "all" ? "all" : "upcoming";
    const thisMonth = `${londonToday().slice(0, 7)}-01`;
    const filter: TimelineFilter = {
      audience: slugOrNone(q.audience),
      theme: slugOrNone(q.theme),
      kind: TIMELINE_KINDS.find((k) => k === q.kind),
      organisation: slugOrNone(q.organisation),
      from: show === "upcoming" ? thisMonth : undefined,
    };
    const [{ items, clashes }, choices] = await Promise.all([
      listTimeline(db, filter, threshold),
      listChoices(db),
    ]);
    return sendPublicPage(request, reply, {
      title: "What is coming up",
      description:
        "Planned laws, plans, reports, consultations and events to keep the Promise, and who they ask.",
      content: timelineView({
        items,
        clashes,
        choices,
        filter,
        show,
        view: q.view === "quarter" ? "quarter" : "month",
        fromWords: fullDate(thisMonth).replace(/^1 /, ""),
      }),
    });
  });

  app.get("/timeline/load", async (request, reply) => {
    const q = queryOf(request);
    const [{ items }, audiences] = await Promise.all([listTimeline(db, {}, threshold), listAudiences(db)]);
    const asks = items.filter(isAsk);
    const years = [
      ...new Set(asks.flatMap((i) => [i.startsOn.slice(0, 4), (i.endsOn ?? i.startsOn).slice(0, 4)])),
    ]
      .map(Number)
      .sort();
    const asked = q.year && /^\d{4}$/.test(q.year) ? Number(q.year) : Number(londonToday().slice(0, 4));
    const year = asked >= 2000 && asked <= 2100 ? asked : Number(londonToday().slice(0, 4));
    const load = audienceLoad(
      asks.map(loadItemOf),
      audiences.map((a) => a.id),
      { from: `${year}-01-01`, to: `${year}-12-31` },
    );
    return sendPublicPage(request, reply, {
      title: `How much people are asked in ${year}`,
      breadcrumbs: crumbs,
      content: timelineLoadView({ year, years, load, audiences, threshold }),
    });
  });

  app.get("/timeline/:id", async (request, reply) => {
    const id = idParam((request.params as { id?: string }).id, "timeline item");
    const { item, clashes } = await getItem(db, request.actor, id, threshold);
    // A draft is shown only to editors, who are signed in: sendPublicPage never stores their page.
    return sendPublicPage(request, reply, {
      title: item.title,
      breadcrumbs: crumbs,
      content: timelineItemView(item, clashes),
    });
  });

  app.get("/timeline.ics", async (request, reply) => {
    const { items } = await listTimeline(db, {}, threshold);
    const body = timelineCalendar({
      name: "Keeping the Promise: what is coming up",
      description: "Planned laws, plans, reports, consultations and events to keep the Promise.",
      origin,
      uidDomain,
      items,
    });
    return sendDownload(request, reply, { body, type: ICS, fileName: "timeline.ics", inline: true });
  });

  app.get("/timeline/audiences/:slug.ics", async (request, reply) => {
    const slug = (request.params as { slug?: string }).slug ?? "";
    const audience = isSlug(slug) ? (await listAudiences(db)).find((a) => a.slug === slug) : undefined;
    if (!audience) throw new NotFoundError("There is no such group of people on the timeline.");
    const { items } = await listTimeline(db, { audience: slug }, threshold);
    const body = timelineCalendar({
      name: `Keeping the Promise: for ${audience.name.toLowerCase()}`,
      description: `Things on the timeline that ask or are for ${audience.name.toLowerCase()}.`,
      origin,
      uidDomain,
      items,
    });
    return sendDownload(request, reply, { body, type: ICS, fileName: `timeline-${slug}.ics`, inline: true });
  });

  app.get("/timeline.csv", async (request, reply) => {
    const { items } = await listTimeline(db, {}, threshold);
    return sendDownload(request, reply, {
      body: timelineCsv(items, origin),
      type: CSV,
      fileName: "timeline.csv",
    });
  });
}
