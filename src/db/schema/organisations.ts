import type { Generated, GeneratedAlways } from "kysely";

// The register of organisations, shared by governance, accountability and roles.

export type OrganisationType =
  | "national_government"
  | "local_government"
  | "local_authority"
  | "health_board"
  | "third_sector"
  | "education"
  | "inspectorate"
  | "public_body"
  | "justice"
  | "other";

/**
 * Every kind, in the order forms and the API list them: the values the column's check allows.
 * Kept here beside the type, so accountability's API and the register read one list without
 * importing each other.
 */
export const ORGANISATION_TYPES: readonly OrganisationType[] = [
  "national_government",
  "local_government",
  "local_authority",
  "health_board",
  "third_sector",
  "education",
  "inspectorate",
  "public_body",
  "justice",
  "other",
];

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  type: OrganisationType;
  /** The official code of the area a council or health board serves: "S12000033". */
  area_code: string | null;
  created_at: Generated<Date>;
  /** The name lower-cased with its spacing tidied, for matching; set by the database. */
  name_key: GeneratedAlways<string>;
  /** Taken on by every change to its details: an edit form made from an older one is refused. */
  version: Generated<number>;
}
