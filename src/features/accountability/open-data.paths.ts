import type { ActionScope } from "./open-data.repository.ts";

// The addresses of the public data of accountability, for its routes and for the pages that link
// to it (route maps, sectors, organisations).

export type DataFormat = "csv" | "xlsx";

/** The actions of a scope as a file: all route maps, one route map, a sector or an organisation. */
export function actionsDataPath(scope: ActionScope, format: DataFormat, asAt?: string | null): string {
  const query = asAt ? `?as_at=${asAt}` : "";
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
