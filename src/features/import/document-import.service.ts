import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { asTransaction, type Db, type Trx } from "../../platform/database.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { saveCommitments } from "../commitments/commitment.service.ts";
import { type DocumentKind, type ParsedDocument, parseDocument } from "./document.parser.ts";
import * as repo from "./import.repository.ts";
import { contentHash, importRouteMapPage } from "./import.service.ts";
import type { NearMatch } from "./import-matching.ts";
import { confirmations } from "./import-matching.ts";
import type { MinutesResult } from "./minutes.types.ts";
import {
  createPlannedGroup,
  type MinutesPlan,
  planMinutesImport,
  saveMinutes,
} from "./minutes-import.service.ts";
import type { ProgressUpdateResult } from "./progress-update.parser.ts";

// Importing any document Waymark reads: a route-map page becomes a draft edition, minutes a
// meeting with draft minutes, a progress update's key actions become commitments. The
// same bytes twice are "skipped"; every record keeps its source (imported_document: text,
// address if known, content hash, import time). Each document is one transaction.

export type ImportOutcome = "created" | "matched" | "skipped";

export interface DocumentImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** Where the document was saved from, if known (a web address). */
  sourceAddress?: string | undefined;
  /** Minutes: the group's slug, when the title does not name it as Waymark does. */
  groupSlug?: string | undefined;
  /** Near-matches confirmed as the same record: "Andrew Warson=Andrew Watson". */
  same?: readonly string[] | undefined;
  /** Minutes of a group Waymark does not have (by the name they print): create it. */
  createGroup?: boolean | undefined;
}

export interface DocumentImportReport {
  fileName: string;
  kind: DocumentKind;
  outcome: ImportOutcome;
  /** Why it was matched or skipped, or what was created. */
  reason: string;
  contentHash: string;
  parsed: ParsedDocument;
  editionId: number | null;
  meetingId: number | null;
  /** Records created and records matched to what Waymark already had. */
  created: number;
  matched: number;
  nearMatches: NearMatch[];
  /** The parser's warnings and the import's own. */
  warnings: string[];
}

function checkAddress(address: string | undefined): string | null {
  const text = address?.trim() ?? "";
  if (text === "") return null;
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {}
  return null;
}

/** The import of one document, in its own transaction unless already in one. */
export async function importDocument(
  db: Db,
  actor: Actor,
  input: DocumentImportInput,
): Promise<DocumentImportReport> {
  if (!db.isTransaction) return db.transaction().execute((trx) => importDocument(trx, actor, input));
  const parsed = parseDocument(input.bytes);
  const hash = contentHash(input.bytes);
  const base = {
    fileName: input.fileName,
    kind: parsed.kind,
    contentHash: hash,
    parsed,
    editionId: null,
    meetingId: null,
    created: 0,
    matched: 0,
    nearMatches: [],
    warnings: [...parsed.warnings],
  };
  if (parsed.kind === "route-map") {
    const report = await importRouteMapPage(db, actor, {
      fileName: input.fileName,
      bytes: input.bytes,
      sourceAddress: checkAddress(input.sourceAddress),
    });
    return {
      ...base,
      outcome: report.outcome,
      reason: report.reason,
      editionId: report.editionId,
      created: report.outcome === "created" ? 1 : 0,
      matched: report.outcome === "matched" ? 1 : 0,
    };
  }
  if (parsed.kind === "minutes") return importMinutes(asTransaction(db), actor, input, parsed, base);
  return importProgressUpdate(asTransaction(db), actor, input, parsed, base);
}

type Base = Omit<DocumentImportReport, "outcome" | "reason">;

async function importMinutes(
  trx: Trx,
  actor: Actor,
  input: DocumentImportInput,
  parsed: MinutesResult,
  base: Base,
): Promise<DocumentImportReport> {
  const planned = await planMinutesImport(trx, actor, parsed, {
    groupSlug: input.groupSlug,
    confirmed: confirmations(input.same),
    createGroup: input.createGroup,
  });
  const reportOf = (p: MinutesPlan) => ({
    ...base,
    nearMatches: p.nearMatches,
    warnings: [...base.warnings, ...p.warnings],
  });
  const earlier = await repo.findImportByHash(trx, base.contentHash);
  // The same document again changes nothing, so it creates no group either.
  const plan = earlier ? planned : await createPlannedGroup(trx, actor, planned);
  if (earlier) {
    return {
      ...reportOf(plan),
      outcome: "skipped",
      reason: `the same document was imported before, from ${earlier.file_name}`,
      meetingId: earlier.meeting_id,
    };
  }
  if (plan.existingMeetingId !== null) {
    return {
      ...reportOf(plan),
      outcome: "matched",
      reason: `${plan.group.name} already has a meeting on ${plan.meetingDate}; nothing was changed`,
      meetingId: plan.existingMeetingId,
      matched: 1,
    };
  }
  const meetingId = await saveMinutes(trx, actor, parsed, plan);
  const row = await repo.insertImportedDocument(trx, {
    kind: "minutes",
    file_name: input.fileName,
    source_address: checkAddress(input.sourceAddress),
    content_hash: base.contentHash,
    text: new TextDecoder().decode(input.bytes),
    edition_id: null,
    meeting_id: meetingId,
    details: {
      layout: parsed.layout,
      meetingDate: parsed.meetingDate,
      publishedDate: parsed.publishedDate,
      metadata: parsed.metadata,
      warnings: [...parsed.warnings, ...plan.warnings],
      missing: parsed.missing,
      truncated: parsed.truncated,
      nearMatches: plan.nearMatches,
    },
  });
  await recordAudit(trx, actor, {
    action: "imported_document.create",
    entityType: "imported_document",
    entityId: row.id,
    after: { fileName: input.fileName, contentHash: base.contentHash, meetingId },
  });
  const newPeople = plan.people.filter((p) => !p.matched).length;
  const newOrganisations = plan.organisations.filter((o) => !o.matched).length;
  return {
    ...reportOf(plan),
    outcome: "created",
    reason:
      `${planned.newGroup !== null ? `created the group ${plan.group.name} (${plan.group.slug}) and ` : ""}` +
      `created a meeting of ${plan.group.name} on ${plan.meetingDate} (draft minutes) with ${plan.attendance.length} attendance entries ` +
      `and ${plan.items.length} agenda items; ${newPeople} new people, ${newOrganisations} new organisations`,
    meetingId,
    created: (planned.newGroup !== null ? 2 : 1) + plan.items.length + newPeople + newOrganisations,
    matched: plan.people.length - newPeople + (plan.organisations.length - newOrganisations),
  };
}

async function importProgressUpdate(
  trx: Trx,
  actor: Actor,
  input: DocumentImportInput,
  parsed: ProgressUpdateResult,
  base: Base,
): Promise<DocumentImportReport> {
  authorize(actor, "route_map.edit");
  const earlier = await repo.findImportByHash(trx, base.contentHash);
  if (earlier) {
    return {
      ...base,
      outcome: "skipped",
      reason: `the same document was imported before, from ${earlier.file_name}`,
    };
  }
  const row = await repo.insertImportedDocument(trx, {
    kind: "progress_update",
    file_name: input.fileName,
    source_address: checkAddress(input.sourceAddress),
    content_hash: base.contentHash,
    text: new TextDecoder().decode(input.bytes),
    edition_id: null,
    details: {
      title: parsed.title,
      year: parsed.year,
      partNumber: parsed.partNumber,
      partTitle: parsed.partTitle,
      commitments: parsed.commitments,
      warnings: parsed.warnings,
      missing: parsed.missing,
      truncated: parsed.truncated,
    },
  });
  await recordAudit(trx, actor, {
    action: "imported_document.create",
    entityType: "imported_document",
    entityId: row.id,
    after: { fileName: input.fileName, contentHash: base.contentHash, kind: "progress_update" },
  });
  // Its key actions become commitments, each with this document as its source (/commitments).
  const count = await saveCommitments(trx, actor, row.id, {
    title: parsed.title,
    year: parsed.year,
    partNumber: parsed.partNumber,
    partTitle: parsed.partTitle,
    commitments: parsed.commitments ?? [],
  });
  return {
    ...base,
    outcome: "created",
    reason: `kept ${parsed.partNumber ? `Part ${parsed.partNumber}` : "the update"} with ${count} key actions as commitments`,
    created: 1 + count,
  };
}
