import type { FastifyInstance } from "fastify";
import type { Static } from "typebox";
import { PUBLIC } from "../../platform/actor.ts";
import { API_ROOT, BAD_REQUEST_OR_NOT_FOUND, SlugParams } from "../../platform/api/common.schema.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ActionParams, ActionStory, OrganisationAccount, OrganisationList } from "./accountability.schema.ts";
import {
  getOrganisationAccount,
  listActionAccounts,
  listOrganisationSummaries,
} from "./accountability.service.ts";
import type {
  ActionAccount as ActionAccountType,
  OrganisationSummary as Organisation,
  Party,
  ProgressUpdate as Update,
} from "./accountability.types.ts";
import { getActionStory } from "./progress.service.ts";

// Accountability's open data under /api/v1, registered inside the API (platform/api/api-shell.ts, through accountability.feature.ts):
// organisations, what each must act on, and each action's submitted updates (writing them is
// progress.api.ts). An organisation's
// page adds its drafts for someone who may read them (its contributors, readers, the programme
// team); everything else is read as the public, whoever asks.

const url = {
  organisation: (slug: string) => `${API_ROOT}/organisations/${encodeURIComponent(slug)}`,
  action: (theme: string, key: string) => `${API_ROOT}/themes/${encodeURIComponent(theme)}/actions/${key}`,
  theme: (slug: string) => `${API_ROOT}/themes/${encodeURIComponent(slug)}`,
};

function presentOrganisation(o: Organisation) {
  return {
    slug: o.slug,
    name: o.name,
    type: o.type,
    areaCode: o.areaCode,
    sectors: o.sectors.map((s) => ({ slug: s.slug, name: s.name })),
    url: url.organisation(o.slug),
  };
}

const presentParty = (p: Party) => ({ kind: p.kind, slug: p.slug, name: p.name, role: p.role });

function presentUpdate(u: Update) {
  return {
    organisation: { slug: u.organisation.slug, name: u.organisation.name },
    status: u.status,
    percent: u.percent,
    narrative: u.narrative,
    confidence: u.confidence,
    submittedAt: (u.submittedAt ?? u.updatedAt).toISOString(),
    evidenceRequested: u.evidenceRequestedAt !== null,
    evidence: u.evidence,
  };
}

function presentDraft(u: Update) {
  return {
    status: u.status,
    percent: u.percent,
    narrative: u.narrative,
    confidence: u.confidence,
    updatedAt: u.updatedAt.toISOString(),
  };
}

function presentAccount(a: ActionAccountType) {
  return {
    theme: { slug: a.action.themeSlug, name: a.action.themeName, url: url.theme(a.action.themeSlug) },
    key: a.action.key,
    text: a.action.text,
    parties: a.parties.map(presentParty),
    due: a.due,
    overdue: a.overdue,
    latest: a.latest ? presentUpdate(a.latest) : null,
    url: url.action(a.action.themeSlug, a.action.key),
  };
}

export function accountabilityApi(api: FastifyInstance, deps: AppDeps): void {
  api.get(
    "/organisations",
    {
      schema: {
        operationId: "listOrganisations",
        summary: "Every organisation in the register, by name",
        tags: ["Accountability"],
        response: { 200: OrganisationList },
      },
    },
    async () => ({ organisations: (await listOrganisationSummaries(deps.db)).map(presentOrganisation) }),
  );

  api.get<{ Params: Static<typeof SlugParams> }>(
    "/organisations/:slug",
    {
      schema: {
        operationId: "getOrganisation",
        summary:
          "An organisation and everything it must act on, with the latest submitted updates, and its drafts for those who may read them",
        tags: ["Accountability"],
        params: SlugParams,
        response: { 200: OrganisationAccount, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const account = await getOrganisationAccount(deps.db, request.actor, request.params.slug, {
        staleAfterDays: deps.config.staleAfterDays,
      });
      return {
        organisation: presentOrganisation(account.organisation),
        actions: account.actions.map((a) => ({
          role: a.role,
          action: presentAccount(a),
          version: a.version,
          stale: a.stale,
          ...(account.showsDrafts ? { draft: a.draft ? presentDraft(a.draft) : null } : {}),
        })),
      };
    },
  );

  api.get<{ Params: Static<typeof ActionParams> }>(
    "/themes/:slug/actions/:key",
    {
      schema: {
        operationId: "getAction",
        summary: "One action: who must act, by when, and every submitted update",
        tags: ["Accountability"],
        params: ActionParams,
        response: { 200: ActionStory, ...BAD_REQUEST_OR_NOT_FOUND },
      },
    },
    async (request) => {
      const story = await getActionStory(deps.db, PUBLIC, request.params.slug, request.params.key);
      const account = (await listActionAccounts(deps.db, { themeId: story.action.themeId })).find(
        (a) => a.action.key === story.action.key,
      );
      return {
        theme: {
          slug: story.action.themeSlug,
          name: story.action.themeName,
          url: url.theme(story.action.themeSlug),
        },
        key: story.action.key,
        text: story.action.text,
        parties: story.parties.map(presentParty),
        due: account?.due ?? story.due,
        updates: story.updates.filter((u) => u.state === "submitted").map(presentUpdate),
      };
    },
  );
}
