import { PUBLIC } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { fullDate } from "../../platform/dates.ts";
import { actionPath, organisationPath } from "../accountability/accountability.paths.ts";
import { getOrganisationAccount, listActionAccounts } from "../accountability/accountability.service.ts";
import type { ActionAccount, Party } from "../accountability/accountability.types.ts";
import { dueText } from "../accountability/progress-display.ts";
import { statusInfo } from "../accountability/progress-status.ts";
import { getEditionById, listThemeNames } from "../route-maps/route-map.service.ts";
import type { ReportAction, ReportSection, ReportSnapshot } from "./report.types.ts";

// Taking a report's snapshot: the data it will show, read once, as the public sees it (so only
// published editions and submitted updates, whoever generates it), with each action as it stood
// at the end of the report's date: its newest update submitted by then, not today's.

function partyName(p: Party): string {
  return p.kind === "organisation" ? p.name : `${p.name} (sector)`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function reportAction(
  key: string,
  text: string,
  routeMap: string,
  themeSlug: string,
  account: ActionAccount | undefined,
  role: string | null,
): ReportAction {
  const latest = account?.latest ?? null;
  return {
    key,
    text,
    routeMap,
    path: actionPath(themeSlug, key),
    leads: (account?.parties ?? []).filter((p) => p.role === "lead").map(partyName),
    partners: (account?.parties ?? []).filter((p) => p.role === "partner").map(partyName),
    role,
    due: account ? dueText(account.due) : "Not set",
    overdue: account?.overdue ?? false,
    update: latest?.submittedAt
      ? {
          status: latest.status,
          statusLabel: statusInfo(latest.status).label,
          percent: latest.status === "superseded" ? null : latest.percent,
          submittedOn: isoDay(latest.submittedAt),
          organisation: latest.organisation.name,
          narrative: latest.narrative,
        }
      : null,
  };
}

/**
 * A published route-map edition as a document, as at a date: its outcomes, and each action with
 * who must act, by when, and its newest update submitted by the end of that date.
 */
export async function routeMapSnapshot(db: Db, editionId: number, asAt: string): Promise<ReportSnapshot> {
  // The public's view: a draft edition is "not found" here, whoever generates the report.
  const edition = await getEditionById(db, PUBLIC, editionId);
  const theme = (await listThemeNames(db)).find((t) => t.slug === edition.theme.slug);
  const accounts = theme ? await listActionAccounts(db, { themeId: theme.id, asAt }) : [];
  const byKey = new Map(accounts.map((a) => [a.action.key, a]));
  const name = `${edition.theme.name} route map`;
  const actions = edition.actions.map((item) =>
    reportAction(item.key, item.text, edition.theme.name, edition.theme.slug, byKey.get(item.key), null),
  );
  return {
    format: 1,
    kind: "route_map",
    title: `${name}, ${edition.label} edition: progress as at ${fullDate(asAt)}`,
    asAt,
    subject: {
      name: `${name}, ${edition.label} edition`,
      path: `/themes/${encodeURIComponent(edition.theme.slug)}/editions/${edition.id}`,
    },
    introduction: [
      `This report sets out the ${edition.theme.name} route map as published in ${edition.label}.`,
      `For each action it says who must act, by when, and how the action was going on ${fullDate(asAt)}: the newest update given by then.`,
    ],
    outcomes: edition.outcomes.map((o) => o.text),
    sections: [{ heading: "Actions", actions }],
  };
}

/**
 * Everything an organisation is named on (itself or through its sectors), by route map, with each
 * action's newest update submitted by the end of the date: a report for its board.
 */
export async function organisationSnapshot(db: Db, slug: string, asAt: string): Promise<ReportSnapshot> {
  // The public's view: the organisation's drafts are never read.
  const account = await getOrganisationAccount(db, PUBLIC, slug, { asAt });
  const sections: ReportSection[] = [];
  for (const owed of account.actions) {
    const heading = `${owed.action.themeName} route map`;
    let section = sections.find((s) => s.heading === heading);
    if (!section) {
      section = { heading, actions: [] };
      sections.push(section);
    }
    const through = owed.namedAs.filter((p) => p.kind === "sector").map((p) => p.name);
    const role = `${owed.role === "lead" ? "Lead" : "Partner"}${through.length > 0 ? ` (through ${through.join(", ")})` : ""}`;
    section.actions.push(
      reportAction(
        owed.action.key,
        owed.action.text,
        owed.action.themeName,
        owed.action.themeSlug,
        owed,
        role,
      ),
    );
  }
  const name = account.organisation.name;
  return {
    format: 1,
    kind: "organisation",
    title: `${name}: progress as at ${fullDate(asAt)}`,
    asAt,
    subject: { name, path: organisationPath(account.organisation.slug) },
    introduction: [
      `This report lists every route-map action ${name} is named on, as lead or partner, itself or through its sector.`,
      `For each action it says who must act, by when, and how the action was going on ${fullDate(asAt)}: the newest update given by then.`,
    ],
    outcomes: [],
    sections,
  };
}
