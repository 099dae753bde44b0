import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { COMMITMENT_TAG, CommitmentSourceList } from "./commitment.schema.ts";
import { listCommitmentSources } from "./commitment.service.ts";

// /api/v1/commitments, registered inside the API's context by platform/api/api-shell.ts, so it is
// validated and documented. Public: progress updates are published documents.

export function commitmentApiRoutes(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/commitments",
    {
      schema: {
        operationId: "listCommitments",
        summary: "The key actions of every imported progress update, with where each came from",
        tags: [COMMITMENT_TAG.name],
        response: { 200: CommitmentSourceList },
      },
    },
    async () => ({
      sources: (await listCommitmentSources(deps.db)).map(({ fileName: _fileName, importedAt, ...s }) => ({
        ...s,
        importedAt: importedAt.toISOString(),
      })),
    }),
  );
}
