import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { isSlug } from "../../platform/slugs.ts";
import { parseId } from "../../platform/validation.ts";
import { sendDownload } from "../landscape/downloads.ts";
import { type FeedAddress, groupCalendar, personCalendar } from "./calendar.service.ts";

// iCalendar feeds: a group's meetings, and a person's. Subscribe to the address in any calendar app.

const ICS = "text/calendar; charset=utf-8";

/** Links and event UIDs from WAYMARK_BASE_URL: a feed is cached and shared, so never from Host. */
function feedAddress(config: AppDeps["config"]): FeedAddress {
  const origin = config.baseUrl;
  return { origin, uidDomain: new URL(origin).hostname };
}

export function calendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  const address = feedAddress(deps.config);
  app.get<{ Params: { slug: string } }>("/groups/:slug/calendar.ics", async (request, reply) => {
    const { slug } = request.params;
    if (!isSlug(slug)) throw new NotFoundError("There is no group at this address.");
    const body = await groupCalendar(deps.db, request.actor, slug, address);
    return sendDownload(request, reply, { body, type: ICS, fileName: `${slug}.ics`, inline: true });
  });

  app.get<{ Params: { id: string } }>("/people/:id/calendar.ics", async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null) throw new NotFoundError("There is no person at this address.");
    const body = await personCalendar(deps.db, request.actor, id, address);
    return sendDownload(request, reply, { body, type: ICS, fileName: `person-${id}.ics`, inline: true });
  });
}
