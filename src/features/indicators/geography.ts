// Reference data: the geographies an observation may be for, by their official Scottish
// Government statistical codes (Scotland, the 32 council areas as coded since 2019, and the 14
// NHS health boards as coded since 2019). Codes are what uploads carry; names are what pages show.

export type GeographyType = "country" | "council_area" | "health_board";

export interface Geography {
  code: string;
  name: string;
  type: GeographyType;
}

export const SCOTLAND: Geography = { code: "S92000003", name: "Scotland", type: "country" };

const COUNCIL_AREAS: ReadonlyArray<[string, string]> = [
  ["S12000033", "Aberdeen City"],
  ["S12000034", "Aberdeenshire"],
  ["S12000041", "Angus"],
  ["S12000035", "Argyll and Bute"],
  ["S12000036", "City of Edinburgh"],
  ["S12000005", "Clackmannanshire"],
  ["S12000006", "Dumfries and Galloway"],
  ["S12000042", "Dundee City"],
  ["S12000008", "East Ayrshire"],
  ["S12000045", "East Dunbartonshire"],
  ["S12000010", "East Lothian"],
  ["S12000011", "East Renfrewshire"],
  ["S12000014", "Falkirk"],
  ["S12000047", "Fife"],
  ["S12000049", "Glasgow City"],
  ["S12000017", "Highland"],
  ["S12000018", "Inverclyde"],
  ["S12000019", "Midlothian"],
  ["S12000020", "Moray"],
  ["S12000013", "Na h-Eileanan Siar"],
  ["S12000021", "North Ayrshire"],
  ["S12000050", "North Lanarkshire"],
  ["S12000023", "Orkney Islands"],
  ["S12000048", "Perth and Kinross"],
  ["S12000038", "Renfrewshire"],
  ["S12000026", "Scottish Borders"],
  ["S12000027", "Shetland Islands"],
  ["S12000028", "South Ayrshire"],
  ["S12000029", "South Lanarkshire"],
  ["S12000030", "Stirling"],
  ["S12000039", "West Dunbartonshire"],
  ["S12000040", "West Lothian"],
];

const HEALTH_BOARDS: ReadonlyArray<[string, string]> = [
  ["S08000015", "NHS Ayrshire and Arran"],
  ["S08000016", "NHS Borders"],
  ["S08000017", "NHS Dumfries and Galloway"],
  ["S08000029", "NHS Fife"],
  ["S08000019", "NHS Forth Valley"],
  ["S08000020", "NHS Grampian"],
  ["S08000031", "NHS Greater Glasgow and Clyde"],
  ["S08000022", "NHS Highland"],
  ["S08000032", "NHS Lanarkshire"],
  ["S08000024", "NHS Lothian"],
  ["S08000025", "NHS Orkney"],
  ["S08000026", "NHS Shetland"],
  ["S08000030", "NHS Tayside"],
  ["S08000028", "NHS Western Isles"],
];

/** Every geography: Scotland first, then council areas and health boards, each alphabetical. */
export const GEOGRAPHIES: readonly Geography[] = [
  SCOTLAND,
  ...COUNCIL_AREAS.map(([code, name]): Geography => ({ code, name, type: "council_area" })),
  ...HEALTH_BOARDS.map(([code, name]): Geography => ({ code, name, type: "health_board" })),
];

const BY_CODE = new Map(GEOGRAPHIES.map((g) => [g.code, g]));

export function findGeography(code: string): Geography | undefined {
  return BY_CODE.get(code);
}

/** The geography's name, or the code itself when it is not one we know. */
export function geographyName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}

export const COUNCIL_AREA_CODES: readonly string[] = COUNCIL_AREAS.map(([code]) => code);

export function isCouncilArea(code: string): boolean {
  return BY_CODE.get(code)?.type === "council_area";
}
