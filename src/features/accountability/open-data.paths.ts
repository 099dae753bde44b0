import type { ActionScope } from "./open-data.repository.ts";

// The addresses of the public data of accountability, for its routes and for the pages that link
// to it (route maps, sectors, organisations).

export type DataFormat = "csv" | "xlsx";

/**
 * The actions of a scope as a file: all route maps, one route map, a sector or an organisation;
 * as at a day, and (for one route map) of one earlier published edition.
 */
export function actionsDataPath(
  scope: ActionScope,
  format: DataFormat,
  asAt?: string | null,
  editionId?: number,
): string {
  const params = [editionId === undefined ? "" : `edition=${editionId}`, asAt ? `as_at=${asAt}` : ""];
  const query = params.some(Boolean) ? `?${params.filter(Boolean).join("&")}` : "";
  switch (scope.kind) {
    case "all":
      return `/route-maps/actions.${format}${query}`;
    case "theme":
      return `/themes/${encodeURIComponent(scope.themeSlug)}/actions.${format}${query}`;
    case "sector":
      return `/sectors/${encodeURIComponent(scope.sectorSlug)}/actions.${format}${query}`;
    case "organisation":
      return `/organisations/${encodeURIComponent(scope.organisationSlug)}/actions.${format}${query}`;
  }
}
