import { EVERYONE, type MatrixPart } from "./matrix.types.ts";

// The pages about the site, robots.txt and the icon: the same for everyone.

const open = (url: string) => [{ label: "for everyone", url: () => url, expected: EVERYONE }];

export const siteInformationMatrix: MatrixPart<Record<string, never>> = {
  name: "site information",
  setup: async () => ({}),
  rows: {
    "GET /accessibility": open("/accessibility"),
    "GET /privacy": open("/privacy"),
    "GET /cookies": open("/cookies"),
    "GET /feedback": open("/feedback"),
    "GET /robots.txt": open("/robots.txt"),
    "GET /favicon.ico": open("/favicon.ico"),
  },
};
