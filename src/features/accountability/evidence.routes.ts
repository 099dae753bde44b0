import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError } from "../../platform/errors.ts";
import { sendStoredFile } from "../../platform/uploads.ts";
import { parseId } from "../../platform/validation.ts";
import { getEvidenceFile } from "./evidence.service.ts";

// An uploaded evidence document, downloaded: as a sandboxed attachment (src/platform/uploads.ts),
// cached publicly only when anyone may read it and the public asks.

export function evidenceRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get("/evidence/:id/file", async (request, reply) => {
    const id = parseId((request.params as Record<string, string | undefined>).id);
    if (id === null) throw new NotFoundError("There is no document at this address.");
    const file = await getEvidenceFile(deps.db, request.actor, id);
    reply.header("vary", "Cookie");
    return sendStoredFile(reply, file, {
      cache: file.forAnyone && request.actor.kind === "public" ? "public" : "private",
    });
  });
}
