import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import type { Db } from "../platform/database.ts";
import * as createRouteMaps from "./migrations/2026-11-22T1000_create_route_maps.ts";
import * as createImportedDocuments from "./migrations/2026-11-22T1100_create_imported_documents.ts";
import * as rolesAndScopes from "./migrations/2026-11-22T1200_roles_and_scopes.ts";
import * as governance from "./migrations/2026-11-22T1300_governance.ts";
import * as indicators from "./migrations/2026-11-22T1400_indicators.ts";
import * as accountability from "./migrations/2026-11-22T1500_accountability.ts";
import * as auditEventsArePermanent from "./migrations/2026-11-22T1700_audit_events_are_permanent.ts";
import * as apiTokens from "./migrations/2026-11-22T1710_api_tokens.ts";
import * as accountLinksAndThrottling from "./migrations/2026-11-22T1720_account_links_and_throttling.ts";
import * as importMinutesAndUpdates from "./migrations/2026-11-22T1730_import_minutes_and_updates.ts";
import * as oidcSubject from "./migrations/2026-11-22T1740_oidc_subject.ts";
import * as indicatorEditingAndIndexes from "./migrations/2026-11-22T1820_indicator_editing_and_indexes.ts";
import * as reportingRounds from "./migrations/2026-11-22T1830_reporting_rounds.ts";
import * as bulkUpdatesAndEvidenceFiles from "./migrations/2026-11-22T1840_bulk_updates_and_evidence_files.ts";
import * as progressNewestIndex from "./migrations/2026-11-22T1841_progress_newest_index.ts";
import * as commitments from "./migrations/2026-11-22T1850_commitments.ts";
import * as reminderClaims from "./migrations/2026-11-22T1900_reminder_claims.ts";
import * as versionsOnGovernanceAndOrganisations from "./migrations/2026-12-07T2200_versions_on_governance_and_organisations.ts";
import * as progressVersionsPerOrganisation from "./migrations/2026-12-07T2210_progress_versions_per_organisation.ts";
import * as reports from "./migrations/2026-12-08T0100_reports.ts";
import * as timeline from "./migrations/2026-12-08T0120_timeline.ts";
import * as funding from "./migrations/2026-12-08T0130_funding.ts";
import * as improvementProjects from "./migrations/2026-12-08T0140_improvement_projects.ts";

// Migrations are listed here, in order, rather than read from the folder at run time:
// the list is checked by the type checker and works the same from any working directory.
const migrations: Record<string, Migration> = {
  "2026-11-22T1000_create_route_maps": createRouteMaps,
  "2026-11-22T1100_create_imported_documents": createImportedDocuments,
  "2026-11-22T1200_roles_and_scopes": rolesAndScopes,
  "2026-11-22T1300_governance": governance,
  "2026-11-22T1400_indicators": indicators,
  "2026-11-22T1500_accountability": accountability,
  "2026-11-22T1700_audit_events_are_permanent": auditEventsArePermanent,
  "2026-11-22T1710_api_tokens": apiTokens,
  "2026-11-22T1720_account_links_and_throttling": accountLinksAndThrottling,
  "2026-11-22T1730_import_minutes_and_updates": importMinutesAndUpdates,
  "2026-11-22T1740_oidc_subject": oidcSubject,
  "2026-11-22T1820_indicator_editing_and_indexes": indicatorEditingAndIndexes,
  "2026-11-22T1830_reporting_rounds": reportingRounds,
  "2026-11-22T1840_bulk_updates_and_evidence_files": bulkUpdatesAndEvidenceFiles,
  "2026-11-22T1841_progress_newest_index": progressNewestIndex,
  "2026-11-22T1850_commitments": commitments,
  "2026-11-22T1900_reminder_claims": reminderClaims,
  "2026-12-07T2200_versions_on_governance_and_organisations": versionsOnGovernanceAndOrganisations,
  "2026-12-07T2210_progress_versions_per_organisation": progressVersionsPerOrganisation,
  "2026-12-08T0100_reports": reports,
  "2026-12-08T0120_timeline": timeline,
  "2026-12-08T0130_funding": funding,
  "2026-12-08T0140_improvement_projects": improvementProjects,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Migrations are written to stand alone, and branches land in any order: a database that has run
  // a later-named one still takes an earlier-named one it lacks (pending ones run in name order).
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
