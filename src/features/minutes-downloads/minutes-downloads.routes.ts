import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { isSlug } from "../../platform/slugs.ts";
import { parseId } from "../../platform/validation.ts";
import { meetingPath } from "../governance/governance.paths.ts";
import { sendDownload } from "../landscape/downloads.ts";
import { minutesAsDocx, minutesAsHtml } from "./minutes-downloads.service.ts";

// The minutes of a meeting to download, beside the meeting's page: as Word and as a web page.

type MeetingParams = { Params: { slug: string; id: string } };

function meetingParams(request: FastifyRequest<MeetingParams>): { slug: string; id: number } {
  const id = parseId(request.params.id);
  if (!isSlug(request.params.slug) || id === null) throw new NotFoundError("There is no such meeting.");
  return { slug: request.params.slug, id };
}

function fileName(slug: string, id: number, extension: string): string {
  return `${slug}-meeting-${id}-minutes.${extension}`;
}

export function minutesDownloadRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<MeetingParams>("/groups/:slug/meetings/:id/minutes.docx", async (request, reply) => {
    const { slug, id } = meetingParams(request);
    const url = `${deps.config.baseUrl}${meetingPath(slug, id)}`;
    const body = await minutesAsDocx(deps.db, request.actor, slug, id, url);
    return sendDownload(request, reply, {
      body,
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      fileName: fileName(slug, id, "docx"),
    });
  });

  app.get<MeetingParams>("/groups/:slug/meetings/:id/minutes.html", async (request, reply) => {
    const { slug, id } = meetingParams(request);
    const url = `${deps.config.baseUrl}${meetingPath(slug, id)}`;
    const body = await minutesAsHtml(deps.db, request.actor, slug, id, url);
    return sendDownload(request, reply, {
      body,
      type: "text/html; charset=utf-8",
      fileName: fileName(slug, id, "html"),
    });
  });
}
