import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../platform/database.ts";
import type { FormState } from "../../platform/http-forms.ts";
import { sendPrivatePage as sendManagePage } from "../../platform/http-pages.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import { formTitle } from "../../platform/views/forms.ts";
import * as repo from "./framework.repository.ts";
import * as edit from "./framework-edit.repository.ts";
import { getIndicator } from "./indicator-read.service.ts";
import { MANAGE } from "./views/edit-parts.ts";
import { indicatorEditView } from "./views/indicator-edit.view.ts";
import type { OutcomeChoice } from "./views/indicator-form.view.ts";

// What the analysts' framework forms share (indicator-edit.routes.ts, indicator-extras.routes.ts):
// the outcomes to choose from, and an indicator's editing page. Forms are read and changes run by
// platform/http-forms.ts.

export async function outcomeChoices(db: Db): Promise<OutcomeChoice[]> {
  const [visions, outcomes] = await Promise.all([repo.listVisions(db), repo.listOutcomes(db)]);
  const title = new Map(visions.map((v) => [v.id, v.title]));
  return outcomes.map((o) => ({
    slug: o.slug,
    title: o.title,
    visionTitle: title.get(o.vision_statement_id) ?? "",
  }));
}

/** The editing page; `state` brings a refused form back with its errors and input. */
export async function renderIndicatorEdit(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  options: { saved?: string | undefined; state?: FormState; status?: number } = {},
): Promise<FastifyReply> {
  authorize(request.actor, "indicator.edit");
  const indicator = await getIndicator(db, request.actor, slug);
  const [version, outcomes, evidence, links, linkable] = await Promise.all([
    repo.indicatorVersion(db, indicator.id),
    outcomeChoices(db),
    edit.listEvidenceForEditing(db, indicator.id),
    edit.listLinksForEditing(db, indicator.id),
    edit.listLinkableActions(db),
  ]);
  const routeMap = (a: { theme_name: string; edition_label: string }) =>
    `${a.theme_name} (${a.edition_label})`;
  return sendManagePage(request, reply, {
    title: formTitle(`Change ${indicator.title}`, options.state !== undefined),
    breadcrumbs: [MANAGE],
    status: options.status,
    content: indicatorEditView({
      indicator,
      version: version?.version ?? 0,
      outcomes,
      evidence,
      links: links.map((l) => ({
        id: l.id,
        // A draft's action linked before links were limited to published ones: its words stay
        // hidden from whoever may not read drafts, who may still unlink it.
        text:
          l.status === "published" || can(request.actor, "route_map.read_draft")
            ? l.text
            : "An action of a draft edition, not yet published",
        routeMap: routeMap(l),
        draft: l.status !== "published",
      })),
      linkable: linkable.map((a) => ({ id: a.id, text: a.text, routeMap: routeMap(a) })),
      csrfToken: request.csrfToken,
      saved: options.saved,
      state: options.state,
    }),
  });
}
