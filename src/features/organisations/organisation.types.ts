import type { OrganisationType } from "../../db/schema.ts";

export type { OrganisationType };

/** An organisation in the register, shared by governance, accountability and progress. */
export interface Organisation {
  id: number;
  slug: string;
  name: string;
  type: OrganisationType;
  /** The official code of the area a council or health board serves: "S12000033". */
  areaCode: string | null;
}

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

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  national_government: "National government",
  local_government: "Local government",
  local_authority: "Local authority",
  health_board: "Health board",
  third_sector: "Third sector",
  education: "Education",
  inspectorate: "Inspectorate",
  public_body: "Public body",
  justice: "Justice",
  other: "Other",
};
