import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { type Actor, PUBLIC } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { asTransaction, type Db } from "../../platform/database.ts";
import { ValidationError } from "../../platform/errors.ts";
import { authorize, can } from "../../platform/security/authorize.ts";
import { actorForUser } from "../accounts/user.service.ts";
import { createEditionFromDocument } from "../route-maps/edition-document.service.ts";
import { type EditionDocument, toEditionDocument } from "../route-maps/edition-document.ts";
import { findDraftOf } from "../route-maps/edition-drafts.service.ts";
import { getEditionById, listEditions, listThemeNames } from "../route-maps/route-map.service.ts";
import * as repo from "./import.repository.ts";
import { parseRouteMapPage, type RouteMapPageResult } from "./route-map-page.parser.ts";

// Importing route-map pages: parse, match to what is already there, and create a draft edition
// only when the document is new. Re-importing never duplicates: the same bytes are "skipped",
// a theme that already has a draft, or whose latest edition already says the same, is "matched".

export type ImportOutcome = "created" | "matched" | "skipped";

export interface ImportReport {
  fileName: string;
  outcome: ImportOutcome;
  /** Why it was matched or skipped, or which edition was created. */
  reason: string;
  editionId: number | null;
  contentHash: string;
  parsed: RouteMapPageResult;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The editor an import is done as, by email; refuses anyone else with a message saying why. */
export async function editorByEmail(db: Db, email: string): Promise<Actor> {
  const user = await repo.findEditorByEmail(db, email);
  if (!user) {
    throw new ValidationError(
      { as: `There is no account with the email address ${email}.` },
      `There is no account with the email address ${email}: name an editor's account with --as.`,
    );
  }
  const actor = await actorForUser(db, user);
  if (!can(actor, "route_map.edit")) {
    throw new ValidationError(
      { as: `${email} is not an editor.` },
      `${email} is not an editor: only programme editors and administrators can import route maps.`,
    );
  }
  return actor;
}

/**
 * The account an import of any kind is done as: it must exist and be able to import something
 * (route maps and progress updates need route_map.edit, minutes group.manage for their group,
 * which each document's import checks).
 */
export async function importerByEmail(db: Db, email: string): Promise<Actor> {
  const user = await repo.findEditorByEmail(db, email);
  if (!user) {
    throw new ValidationError(
      { as: `There is no account with the email address ${email}.` },
      `There is no account with the email address ${email}: name an editor's or group secretary's account with --as.`,
    );
  }
  const actor = await actorForUser(db, user);
  if (!can(actor, "route_map.edit") && !can(actor, "group.manage")) {
    throw new ValidationError(
      { as: `${email} may not import documents.` },
      `${email} may not import documents: only programme editors, administrators and group secretaries (for their group's minutes) can.`,
    );
  }
  return actor;
}

/** Parses one document without touching the database: the dry run. */
export function previewRouteMapPage(bytes: Uint8Array): RouteMapPageResult {
  return parseRouteMapPage(bytes);
}

/** The sections that make two editions the same, whatever their label, date or status. */
function sameContent(a: EditionDocument, b: EditionDocument): boolean {
  const strip = ({ label: _l, lastUpdated: _d, status: _s, ...rest }: EditionDocument) => rest;
  return isDeepStrictEqual(strip(a), strip(b));
}

/**
 * Imports one route-map page as a draft edition of its theme, recording the document as its
 * source in the same transaction. Refuses (ValidationError) a document that is not a route map
 * or names a theme Waymark does not have.
 */
export async function importRouteMapPage(
  db: Db,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; sourceAddress?: string | null },
): Promise<ImportReport> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => importRouteMapPage(trx, actor, input));
  }
  authorize(actor, "route_map.edit");
  const parsed = parseRouteMapPage(input.bytes);
  const hash = contentHash(input.bytes);
  const base = { fileName: input.fileName, contentHash: hash, parsed };

  const earlier = await repo.findImportByHash(db, hash);
  if (earlier) {
    return {
      ...base,
      outcome: "skipped",
      reason: `the same document was imported before, from ${earlier.file_name}`,
      editionId: earlier.edition_id,
    };
  }

  const name = parsed.themeName;
  if (!name) {
    throw new ValidationError(
      { theme: "The document has no title naming its route map." },
      "The document has no title naming its route map, so it cannot be matched to a theme.",
    );
  }
  const themes = await listThemeNames(db);
  const theme = themes.find(
    (t) => t.name.trim().toLowerCase() === name.trim().toLowerCase() || t.slug === parsed.draft.theme,
  );
  if (!theme) {
    throw new ValidationError(
      { theme: `There is no route map called “${name}”.` },
      `There is no route map called “${name}”. Its theme must exist in Waymark before its page can be imported.`,
    );
  }
  const document: EditionDocument = { ...parsed.draft, theme: theme.slug };

  const draft = await findDraftOf(db, theme.id);
  if (draft) {
    return {
      ...base,
      outcome: "matched",
      reason: `the ${theme.name} route map already has a draft edition (${draft.label}); nothing was changed`,
      editionId: draft.id,
    };
  }
  // A page that says what a published edition already says (the page it was typed from, say) adds nothing.
  for (const summary of (await listEditions(db, PUBLIC, theme.slug)).editions) {
    const edition = await getEditionById(db, PUBLIC, summary.id);
    if (sameContent(toEditionDocument(edition), document)) {
      return {
        ...base,
        outcome: "matched",
        reason: `the ${theme.name} route map's ${edition.label} edition already says the same`,
        editionId: edition.id,
      };
    }
  }

  const created = await createEditionFromDocument(db, actor, document, {
    source: `import: ${input.fileName}`,
  });
  const row = await repo.insertImportedDocument(db, {
    kind: "route_map",
    file_name: input.fileName,
    source_address: input.sourceAddress ?? null,
    content_hash: hash,
    text: new TextDecoder().decode(input.bytes),
    edition_id: created.id,
    details: {
      format: parsed.format,
      warnings: parsed.warnings,
      missing: parsed.missing,
      truncated: parsed.truncated,
      emptyMilestoneYears: parsed.emptyMilestoneYears,
    },
  });
  await recordAudit(asTransaction(db), actor, {
    action: "imported_document.create",
    entityType: "imported_document",
    entityId: row.id,
    after: { fileName: input.fileName, contentHash: hash, editionId: created.id },
  });
  return {
    ...base,
    outcome: "created",
    reason: `created a draft ${created.label} edition of the ${theme.name} route map`,
    editionId: created.id,
  };
}

/** What the document holds, in one line: "1 outcome, 10 actions (6 sub-items), 6 sectors, …". */
export function describeFound(parsed: RouteMapPageResult): string {
  const d = parsed.draft;
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const subItems = d.actions.reduce((n, a) => n + a.children.length, 0);
  const missing = new Set(parsed.missing);
  const parts = [
    count(d.outcomes.length, d.layout === "ambitions" ? "ambition" : "outcome"),
    missing.has("routeMap")
      ? "actions unknown"
      : `${count(d.actions.length, "action")}${subItems ? ` (${count(subItems, "sub-item")})` : ""}`,
    missing.has("sectors") ? "sectors unknown" : count(d.sectors.length, "sector"),
    count(d.helping.length, "helping paragraph"),
    missing.has("whatMatters")
      ? "what matters unknown"
      : count(d.whatMatters.length, "what-matters statement"),
  ];
  if (parsed.emptyMilestoneYears) parts.push(count(parsed.emptyMilestoneYears, "empty milestone year"));
  if (d.milestones.length) parts.push(count(d.milestones.length, "milestone"));
  return parts.join(", ");
}
