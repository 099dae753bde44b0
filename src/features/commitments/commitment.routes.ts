import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { sendPublicPage } from "../../platform/http-pages.ts";
import { listCommitmentSources } from "./commitment.service.ts";
import { commitmentsView } from "./views/commitments.view.ts";

// The commitments page (/commitments); its open data is in commitment.api.ts. Public: progress
// updates are published documents.

export function commitmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get("/commitments", async (request, reply) =>
    sendPublicPage(request, reply, {
      title: "Commitments",
      content: commitmentsView(await listCommitmentSources(deps.db)),
    }),
  );
}
