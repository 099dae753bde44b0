import { unique } from "../support/factories.ts";
import { all, EVERYONE, type MatrixPart, signedIn } from "./matrix.types.ts";

// Accounts: the account page, invitations and password resets. Emailed links are authorised by
// their token, not by a role, so a forged one is "not found" to everyone; test/accounts-*.test.ts
// try real, used and expired ones. (Signing in and out are in route-maps.rows.ts.)

/** A link token of the right shape that was never issued. */
const FORGED = "A".repeat(43);

export const accountsMatrix: MatrixPart<Record<string, never>> = {
  name: "accounts",
  setup: async () => ({}),
  rows: {
    "GET /account": [{ label: "your account", url: () => "/account", expected: signedIn({}, 200) }],
    "POST /account/password": [
      {
        label: "wrong current password",
        url: () => "/account/password",
        body: async () => ({ currentPassword: "not the password", password: "a new long password" }),
        expected: signedIn({}, 400),
      },
    ],
    "POST /account/sign-out-everywhere": [
      {
        // Signed in or not, the answer is the sign-in page ("signed out everywhere" when signed in).
        label: "sign out everywhere",
        url: () => "/account/sign-out-everywhere",
        body: async () => ({}),
        expected: all("sign-in"),
        freshSessions: true,
      },
    ],
    "GET /invitations/:token": [
      { label: "forged link", url: () => `/invitations/${FORGED}`, expected: all(404) },
    ],
    "POST /invitations/:token": [
      {
        label: "forged link",
        url: () => `/invitations/${FORGED}`,
        body: async () => ({ password: "a long new password" }),
        expected: all(404),
      },
    ],
    "GET /password-reset": [{ label: "the form", url: () => "/password-reset", expected: EVERYONE }],
    "POST /password-reset": [
      {
        label: "any address gets the same answer",
        url: () => "/password-reset",
        body: async () => ({ email: `${unique("nobody")}@example.test` }),
        expected: EVERYONE,
      },
    ],
    "GET /password-reset/:token": [
      { label: "forged link", url: () => `/password-reset/${FORGED}`, expected: all(404) },
    ],
    "POST /password-reset/:token": [
      {
        label: "forged link",
        url: () => `/password-reset/${FORGED}`,
        body: async () => ({ password: "a long new password" }),
        expected: all(404),
      },
    ],
  },
};
