import { all, type MatrixPart } from "./matrix.types.ts";

// Single sign-on is off in the matrix's app (no WAYMARK_OIDC_*), so both addresses are not found
// for everyone. Switched on, they are tested against a real provider in
// src/features/accounts/oidc.routes.test.ts.

export const singleSignOnMatrix: MatrixPart<Record<string, never>> = {
  name: "single sign-on",
  setup: async () => ({}),
  rows: {
    "GET /sign-in/sso": [{ label: "not configured", url: () => "/sign-in/sso", expected: all(404) }],
    "GET /sign-in/sso/callback": [
      { label: "not configured", url: () => "/sign-in/sso/callback?code=x&state=y", expected: all(404) },
    ],
  },
};
