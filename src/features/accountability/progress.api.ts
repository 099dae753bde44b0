import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { API_ROOT, ErrorResponse, SlugParams } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ConflictError, type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { SavedUpdate, UpdateBody } from "./accountability.schema.ts";
import { type SavedUpdate as Saved, saveUpdate, type UpdateInput } from "./progress.service.ts";

// Writing progress updates under /api/v1, for an organisation's contributors and the programme
// team: the same service, checks, versions and audit as the update page. A script sends its
// personal API token as `Authorization: Bearer …`; a browser session sends its CSRF token in
// X-CSRF-Token. Registered inside the API (platform/api/api-shell.ts, through accountability.feature.ts).

const SECURITY: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];

type Body = Static<typeof UpdateBody>;

/** The service's field names, as the body names them. */
const BODY_FIELDS: Record<string, string> = {
  linkUrl: "evidence.link.url",
  linkTitle: "evidence.link.title",
  indicator: "evidence.indicator",
  voice: "evidence.voice",
};

function inputOf(organisationSlug: string, body: Body): UpdateInput {
  return {
    organisationSlug,
    themeSlug: body.theme,
    key: body.key,
    version: body.version,
    intent: body.submit ? "submit" : "draft",
    status: body.status,
    percent: body.percent === undefined ? undefined : String(body.percent),
    narrative: body.narrative,
    confidence: body.confidence,
    linkUrl: body.evidence?.link?.url,
    linkTitle: body.evidence?.link?.title,
    indicator: body.evidence?.indicator,
    voice: body.evidence?.voice,
  };
}

function present(saved: Saved) {
  const { update, action } = saved;
  return {
    id: update.id,
    state: update.state,
    organisation: { slug: update.organisation.slug, name: update.organisation.name },
    theme: {
      slug: action.themeSlug,
      name: action.themeName,
      url: `${API_ROOT}/themes/${encodeURIComponent(action.themeSlug)}`,
    },
    key: action.key,
    version: saved.version,
    status: update.status,
    percent: update.percent,
    narrative: update.narrative,
    confidence: update.confidence,
    evidence: update.evidence,
    updatedAt: update.updatedAt.toISOString(),
    url: `${API_ROOT}/themes/${encodeURIComponent(action.themeSlug)}/actions/${action.key}`,
  };
}

export function progressApi(api: FastifyInstance, deps: AppDeps): void {
  api.post<{ Params: Static<typeof SlugParams>; Body: Body }>(
    "/organisations/:slug/updates",
    {
      schema: {
        operationId: "saveProgressUpdate",
        summary:
          "Saves the organisation's update on one action it is named on: a draft, or submitted (public)",
        description:
          "For the organisation's contributors and the programme team. Saving again changes the same draft until it is submitted. Send the action's `version` from the organisation's page; if someone changed this organisation's progress on the action since, nothing is saved (409). Other organisations' updates of the action are no conflict.",
        tags: ["Accountability"],
        security: SECURITY,
        params: SlugParams,
        body: UpdateBody,
        response: {
          200: SavedUpdate,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request) => {
      const input = inputOf(request.params.slug, request.body);
      try {
        return present(await deps.db.transaction().execute((trx) => saveUpdate(trx, request.actor, input)));
      } catch (error) {
        if (error instanceof ValidationError) {
          const fields: FieldErrors = {};
          for (const [name, message] of Object.entries(error.fields))
            fields[BODY_FIELDS[name] ?? name] = message;
          throw new ValidationError(fields, error.message);
        }
        if (error instanceof ConflictError)
          throw new ConflictError(
            `Someone else changed this organisation's progress on this action after version ${input.version}. Nothing was saved: read the organisation again for the action's new version and its draft, then send your update again.`,
          );
        throw error;
      }
    },
  );
}
