import type { OrganisationRef, PersonRef } from "./governance.types.ts";

// Rows joined to a person or an organisation that may not be there (a left join) carry its
// columns as nullable: these make the reference, or null when there is none.

export function personRef(id: number | null, name: string | null): PersonRef | null {
  return id !== null && name !== null ? { id, name } : null;
}

export function organisationRef(
  id: number | null,
  slug: string | null,
  name: string | null,
): OrganisationRef | null {
  return id !== null && slug !== null && name !== null ? { id, slug, name } : null;
}
