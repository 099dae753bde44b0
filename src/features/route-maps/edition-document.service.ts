import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { asTransaction, type Db } from "../../platform/database.ts";
import { ConflictError, type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { type EditionDocument, parseEditionDocument } from "./edition-document.ts";
import * as repo from "./edition-editing.repository.ts";
import * as readRepo from "./route-map.repository.ts";
import { type EditionStatus, FRAMEWORKS } from "./route-map.types.ts";

// Creating an edition of a route map from an edition document (edition-document.ts): the demo
// data goes in this way, and so will imports.

export interface CreatedEdition {
  id: number;
  theme: string;
  label: string;
  status: EditionStatus;
}

/**
 * Creates a new edition of a route map from a document, and records who did it and where the
 * document came from (`source`, e.g. "demo data" or a file name). Sectors are matched by name.
 * Checks everything before writing anything; runs in the caller's transaction, or opens one, so
 * a refused document leaves nothing behind.
 */
export async function createEditionFromDocument(
  db: Db,
  actor: Actor,
  input: EditionDocument,
  options: { source: string },
): Promise<CreatedEdition> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => createEditionFromDocument(trx, actor, input, options));
  }
  const trx = asTransaction(db);
  authorize(actor, "route_map.edit");
  const doc = parseEditionDocument(input);

  const theme = await readRepo.findThemeBySlug(trx, doc.theme);
  if (!theme) throw new ValidationError({ theme: `There is no route map called "${doc.theme}".` });

  const known = new Map((await readRepo.listSectors(trx)).map((s) => [s.name.trim().toLowerCase(), s]));
  const sectorIds: number[] = [];
  const unknown: FieldErrors = {};
  doc.sectors.forEach((name, i) => {
    const sector = known.get(name.trim().toLowerCase());
    if (sector) sectorIds.push(sector.id);
    else unknown[`sectors[${i}]`] = `There is no sector called "${name}".`;
  });
  if (Object.keys(unknown).length > 0) {
    const names = [...known.values()].map((s) => s.name).join(", ");
    throw new ValidationError(unknown, `Every sector must be one Waymark knows: ${names}.`);
  }

  await repo.lockTheme(trx, theme.id);
  if (doc.status === "draft" && (await repo.findDraft(trx, theme.id))) {
    throw new ConflictError(
      `The ${theme.name} route map already has a draft edition. Publish or discard it before adding another.`,
    );
  }

  const edition = await repo.insertEdition(trx, {
    theme_id: theme.id,
    status: doc.status,
    layout: doc.layout,
    label: doc.label,
    last_updated: doc.lastUpdated,
    introduction: doc.introduction,
    state_of_play_title: doc.stateOfPlayTitle,
    state_of_play: doc.stateOfPlay,
    ambition_summary: doc.ambitionSummary,
    route_map_intro: doc.routeMapIntro,
    copied_from_id: null,
    published_at: doc.status === "published" ? new Date() : null,
    source: options.source,
  });

  const base = {
    edition_id: edition.id,
    parent_id: null,
    page_refs: "",
    year: null,
    framework: null,
    sector_id: null,
  };
  const items: repo.NewItem[] = [
    ...doc.outcomes.map((o, position) => ({
      ...base,
      section: "outcome" as const,
      position,
      text: o.text,
      page_refs: o.pageRefs,
    })),
    // Milestones and mappings are ordered within their year or framework, as the editing forms order them.
    ...doc.milestones.map((m, i) => ({
      ...base,
      section: "milestone" as const,
      position: doc.milestones.slice(0, i).filter((earlier) => earlier.year === m.year).length,
      text: m.text,
      year: m.year,
    })),
    ...sectorIds.map((sectorId, position) => ({
      ...base,
      section: "sector" as const,
      position,
      text: "",
      sector_id: sectorId,
    })),
    ...doc.helping.map((text, position) => ({ ...base, section: "helping" as const, position, text })),
    ...doc.whatMatters.map((text, position) => ({
      ...base,
      section: "what_matters" as const,
      position,
      text,
    })),
    ...FRAMEWORKS.flatMap(({ code }) =>
      doc.mappings[code].map((text, position) => ({
        ...base,
        section: "mapping" as const,
        position,
        text,
        framework: code,
      })),
    ),
  ];
  await repo.insertItems(trx, items);

  const parents = await repo.insertItems(
    trx,
    doc.actions.map((a, position) => ({ ...base, section: "action" as const, position, text: a.text })),
  );
  const parentAt = new Map(parents.map((p) => [p.position, p.id]));
  await repo.insertItems(
    trx,
    doc.actions.flatMap((a, parentPosition) =>
      a.children.map((child, position) => ({
        ...base,
        section: "action" as const,
        parent_id: parentAt.get(parentPosition)!,
        position,
        text: child.text,
      })),
    ),
  );

  await recordAudit(trx, actor, {
    action: "route_map_edition.create_from_document",
    entityType: "route_map_edition",
    entityId: edition.id,
    after: { source: options.source, document: doc },
  });
  return { id: edition.id, theme: theme.slug, label: edition.label, status: edition.status };
}
