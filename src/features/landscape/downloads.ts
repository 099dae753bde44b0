import type { FastifyReply, FastifyRequest } from "fastify";

// Files to download (CSV, iCalendar, Word, web pages): the same caching rules as pages. The
// public's answer may be kept by any cache for a minute; a signed-in visitor's may hold private
// business and is never stored.

export function sendDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { body: string | Buffer; type: string; fileName: string; inline?: boolean },
): FastifyReply {
  reply.header("cache-control", request.actor.kind === "user" ? "private, no-store" : "public, max-age=60");
  reply.header("vary", "Cookie");
  reply.header(
    "content-disposition",
    `${file.inline ? "inline" : "attachment"}; filename="${file.fileName}"`,
  );
  return reply.type(file.type).send(file.body);
}
