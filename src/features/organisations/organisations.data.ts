import type { OrganisationType } from "../../db/schema.ts";

// Reference data for the register of organisations: the 32 Scottish council areas with their
// official area codes (GSS codes, S12 series, as used by National Records of Scotland and the
// Scottish Government's statistics), and the organisations the seed documents name (route maps,
// minutes of the Children and Families National Leadership Group, the 2024 progress update).
// Each names the sectors it belongs to, by the sector slugs of the demo programme.

export interface ReferenceOrganisation {
  name: string;
  type: OrganisationType;
  areaCode?: string;
  sectors: string[];
}

/** The 32 council areas, by name, with their official codes. */
export const COUNCIL_AREAS: ReadonlyArray<{ name: string; areaCode: string }> = [
  { name: "Aberdeen City", areaCode: "S12000033" },
  { name: "Aberdeenshire", areaCode: "S12000034" },
  { name: "Angus", areaCode: "S12000041" },
  { name: "Argyll and Bute", areaCode: "S12000035" },
  { name: "City of Edinburgh", areaCode: "S12000036" },
  { name: "Clackmannanshire", areaCode: "S12000005" },
  { name: "Dumfries and Galloway", areaCode: "S12000006" },
  { name: "Dundee City", areaCode: "S12000042" },
  { name: "East Ayrshire", areaCode: "S12000008" },
  { name: "East Dunbartonshire", areaCode: "S12000045" },
  { name: "East Lothian", areaCode: "S12000010" },
  { name: "East Renfrewshire", areaCode: "S12000011" },
  { name: "Falkirk", areaCode: "S12000014" },
  { name: "Fife", areaCode: "S12000047" },
  { name: "Glasgow City", areaCode: "S12000049" },
  { name: "Highland", areaCode: "S12000017" },
  { name: "Inverclyde", areaCode: "S12000018" },
  { name: "Midlothian", areaCode: "S12000019" },
  { name: "Moray", areaCode: "S12000020" },
  { name: "Na h-Eileanan Siar", areaCode: "S12000013" },
  { name: "North Ayrshire", areaCode: "S12000021" },
  { name: "North Lanarkshire", areaCode: "S12000050" },
  { name: "Orkney Islands", areaCode: "S12000023" },
  { name: "Perth and Kinross", areaCode: "S12000048" },
  { name: "Renfrewshire", areaCode: "S12000038" },
  { name: "Scottish Borders", areaCode: "S12000026" },
  { name: "Shetland Islands", areaCode: "S12000027" },
  { name: "South Ayrshire", areaCode: "S12000028" },
  { name: "South Lanarkshire", areaCode: "S12000029" },
  { name: "Stirling", areaCode: "S12000030" },
  { name: "West Dunbartonshire", areaCode: "S12000039" },
  { name: "West Lothian", areaCode: "S12000040" },
];

/** The councils as organisations of the register: "Fife Council" is the local authority for Fife. */
export const LOCAL_AUTHORITIES: ReferenceOrganisation[] = COUNCIL_AREAS.map((area) => ({
  name: area.name,
  type: "local_authority",
  areaCode: area.areaCode,
  sectors: ["local-authorities"],
}));

/** Organisations the seed documents name, with the sectors they belong to. */
export const NAMED_ORGANISATIONS: ReferenceOrganisation[] = [
  { name: "Scottish Government", type: "national_government", sectors: ["scottish-government"] },
  { name: "COSLA", type: "local_government", sectors: ["cosla", "local-authorities"] },
  { name: "The Promise Scotland", type: "other", sectors: [] },
  { name: "SOLACE", type: "local_government", sectors: ["local-authorities"] },
  { name: "Improvement Service", type: "local_government", sectors: ["local-authorities"] },
  { name: "Social Work Scotland", type: "third_sector", sectors: ["local-authorities"] },
  { name: "CELCIS", type: "education", sectors: ["education"] },
  { name: "NHS Education for Scotland", type: "health_board", sectors: ["health-boards", "education"] },
  { name: "Public Health Scotland", type: "health_board", sectors: ["health-boards"] },
  { name: "Police Scotland", type: "justice", sectors: ["police-scotland"] },
  { name: "Care Inspectorate", type: "inspectorate", sectors: ["inspectorates"] },
  { name: "Scottish Social Services Council", type: "public_body", sectors: ["inspectorates"] },
  { name: "Children's Hearings Scotland", type: "public_body", sectors: ["childrens-hearings-system"] },
  {
    name: "Scottish Children's Reporter Administration",
    type: "public_body",
    sectors: ["childrens-hearings-system"],
  },
  { name: "Children in Scotland", type: "third_sector", sectors: ["third-sector"] },
  { name: "CCPS", type: "third_sector", sectors: ["third-sector"] },
  { name: "Staf", type: "third_sector", sectors: ["third-sector"] },
];
