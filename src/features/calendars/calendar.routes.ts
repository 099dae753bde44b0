import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../app.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { isSlug } from "../../platform/slugs.ts";
import { parseId } from "../../platform/validation.ts";
import { sendDownload } from "../landscape/downloads.ts";
import { type FeedAddress, groupCalendar, personCalendar } from "./calendar.service.ts";

// iCalendar feeds: a group's meetings, and a person's. Subscribe to the address in any calendar app.

const ICS = "text/calendar; charset=utf-8";

function feedAddress(request: FastifyRequest): FeedAddress {
  return { origin: `${request.protocol}://${request.host}`, uidDomain: request.hostname };
}

export function calendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { slug: string } }>("/groups/:slug/calendar.ics", async (request, reply) => {
    const { slug } = request.params;
    if (!isSlug(slug)) throw new NotFoundError("There is no group at this address.");
    const body = await groupCalendar(deps.db, request.actor, slug, feedAddress(request));
    return sendDownload(request, reply, { body, type: ICS, fileName: `${slug}.ics`, inline: true });
  });

  app.get<{ Params: { id: string } }>("/people/:id/calendar.ics", async (request, reply) => {
    const id = parseId(request.params.id);
    if (id === null) throw new NotFoundError("There is no person at this address.");
    const body = await personCalendar(deps.db, request.actor, id, feedAddress(request));
    return sendDownload(request, reply, { body, type: ICS, fileName: `person-${id}.ics`, inline: true });
  });
}
