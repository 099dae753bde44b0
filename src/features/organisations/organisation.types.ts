import type { OrganisationType } from "../../db/schema.ts";

export { ORGANISATION_TYPES } from "../../db/schema/organisations.ts";
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
