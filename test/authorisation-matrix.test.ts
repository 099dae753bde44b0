import crypto from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/features/api-tokens/token.service.ts";
import type { DatabaseHandle, Db } from "../src/platform/database.ts";
import { accountabilityMatrix } from "./matrix/accountability.rows.ts";
import { accountsMatrix } from "./matrix/accounts.rows.ts";
import { adminMatrix } from "./matrix/admin.rows.ts";
import { bulkMatrix } from "./matrix/bulk.rows.ts";
import { commitmentsMatrix } from "./matrix/commitments.rows.ts";
import { fundingMatrix } from "./matrix/funding.rows.ts";
import { governanceMatrix } from "./matrix/governance.rows.ts";
import { importMatrix } from "./matrix/import.rows.ts";
import { improvementMatrix } from "./matrix/improvement.rows.ts";
import { indicatorsMatrix } from "./matrix/indicators.rows.ts";
import { indicatorsEditMatrix } from "./matrix/indicators-edit.rows.ts";
import { landscapeMatrix } from "./matrix/landscape.rows.ts";
import {
  type Answer,
  type MatrixContext,
  type MatrixPart,
  type Secret,
  VISITORS,
  type Visitor,
} from "./matrix/matrix.types.ts";
import { openDataMatrix } from "./matrix/open-data.rows.ts";
import { reportsMatrix } from "./matrix/reports.rows.ts";
import { roundsMatrix } from "./matrix/rounds.rows.ts";
import { routeMapsMatrix } from "./matrix/route-maps.rows.ts";
import { answerText, secretKeeper, secretsIn } from "./matrix/secrets.ts";
import { singleSignOnMatrix } from "./matrix/single-sign-on.rows.ts";
import { siteInformationMatrix } from "./matrix/site-information.rows.ts";
import { timelineMatrix } from "./matrix/timeline.rows.ts";
import { createTestDatabase } from "./support/database.ts";
import { anonymousSession, getPage, postForm, type Session, signIn, testApp } from "./support/http.ts";
import { listRoutes } from "./support/routes.ts";

// The authorisation matrix: every route of the app, read from the router itself, against the
// public and every role, with the answer each must get (allowed, 403, 404 for a draft that must
// stay invisible, or a redirect to sign-in). Each feature describes its routes in its own file in
// test/matrix/ (a MatrixPart: fixtures and rows); a route with no row fails the coverage test, so a
// new route cannot be forgotten, and a new role is a new column the type checker asks for everywhere.
// POSTs carry a valid CSRF token: this is about authorisation, not CSRF.
//
// It also looks inside every answer: each fixture some visitors may not see (a draft's words,
// unpublished minutes, an organisation's draft update, another person's e-mail address…) carries
// a marker of its own (test/matrix/secrets.ts), and no answer to a visitor may hold a marker that
// visitor may not see, whether a page, a list, an export or the API. Every change to the API is
// sent again with the visitor's own API token, which must be allowed no more than their session.

// biome-ignore lint/suspicious/noExplicitAny: each part has its own fixtures type
const PARTS: MatrixPart<any>[] = [
  routeMapsMatrix,
  siteInformationMatrix,
  adminMatrix,
  governanceMatrix,
  accountsMatrix,
  importMatrix,
  indicatorsMatrix,
  indicatorsEditMatrix,
  landscapeMatrix,
  accountabilityMatrix,
  bulkMatrix,
  singleSignOnMatrix,
  roundsMatrix,
  commitmentsMatrix,
  reportsMatrix,
  fundingMatrix,
  improvementMatrix,
  timelineMatrix,
  // Last: its draft markers are seen by no one on its own routes (see open-data.rows.ts).
  openDataMatrix,
];

/** Audit events so far: each change the matrix sends is measured by the events it adds. */
async function countAuditEvents(db: Db): Promise<number> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * State-changing routes whose allowed answer records nothing in the trail, and why. Every other
 * allowed change must write at least one audit event (issue 3: an audit event for every change).
 */
const NOT_A_RECORDED_CHANGE: Record<string, string> = {
  "POST /sign-out":
    "ends the visitor's own session; sessions are not kept in the trail (signing out everywhere is)",
  "POST /password-reset (any address gets the same answer)":
    "the matrix's address has no account, so nothing is stored (a real account's request is audited)",
  "POST /manage/import": "the check before importing: it shows the review and saves nothing",
  "POST /manage/themes/:slug/drafts (route map that has a draft (opens it))": "opens the draft there is",
  "POST /manage/indicators/:slug/actions/:id/remove as analyst":
    "the administrator, earlier in the matrix, unlinked it already: unlinking again changes nothing",
  "POST /rounds/:id/close as administrator":
    "the editor, earlier in the matrix, closed it already: closing again changes nothing",
};

/** Is this allowed change one that records nothing (by route, route and sample, or route and visitor)? */
function notRecorded(c: Cell): boolean {
  return [c.route, `${c.route} (${c.label})`, `${c.route} as ${c.visitor}`].some(
    (key) => key in NOT_A_RECORDED_CHANGE,
  );
}

interface Cell {
  route: string;
  label: string;
  url: string;
  visitor: Visitor;
  expected: Answer;
  got: Answer | number;
  location: string;
  /** Audit events the request wrote (changes only; 0 for reads). */
  audited: number;
  /** The secrets the answer gave away to its visitor. */
  leaked: Secret[];
  /** Sent with the visitor's API token rather than their session. */
  byToken?: boolean;
}

/** An API change as a script in a browser session sends it: JSON, with the CSRF token in a header. */
function sendJson(
  app: FastifyInstance,
  session: Session,
  method: string,
  url: string,
  body: Record<string, string | number>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as "POST",
    url,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
    ...(Object.keys(body).length > 0 ? { payload: body } : {}),
  });
}

/** The answer as the matrix names it: a 303 to the sign-in page is "sign-in". */
function answerOf(response: LightMyRequestResponse): number | "sign-in" {
  const location = String(response.headers.location ?? "");
  if (response.statusCode === 303 && location.startsWith("/sign-in")) return "sign-in";
  return response.statusCode;
}

function table(cells: Cell[]): string {
  const rows = [
    ["route", "address", "visitor", "expected", "got"],
    ...cells.map((c) => [
      c.route,
      `${c.url} (${c.label})`,
      c.visitor,
      String(c.expected),
      `${String(c.got)}${c.location ? ` → ${c.location}` : ""}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((v, i) => v.padEnd(widths[i]!)).join("  ")).join("\n");
}

describe("authorisation matrix: every route against every kind of visitor", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const routes: string[] = [];
  const cells: Cell[] = [];
  /** API changes sent again with each visitor's own API token. */
  const tokenCells: Cell[] = [];
  const { secrets, secret, keep } = secretKeeper();
  /** Markers found in an answer to someone who may see them: the secrets really are in answers. */
  const shown = new Set<string>();
  /** Each signed-in visitor's API token (made for the account their first session signed in to). */
  const tokens: Partial<Record<Visitor, string>> = {};

  let context: MatrixContext;

  async function sessionsFor(): Promise<Record<Visitor, Session>> {
    const db = handle.db;
    return {
      public: await anonymousSession(app),
      reader: await signIn(app, db, "reader"),
      editor: await signIn(app, db, "programme_editor"),
      administrator: await signIn(app, db, "administrator"),
      contributor: await signIn(app, db, [
        { role: "organisation_contributor", organisationId: context.organisationId },
      ]),
      secretary: await signIn(app, db, [{ role: "group_secretary", groupId: context.groupId }]),
      analyst: await signIn(app, db, "analyst"),
      outsider: await signIn(app, db, [
        { role: "organisation_contributor", organisationId: context.outsiderOrganisationId },
      ]),
    };
  }

  /** An API token for each signed-in visitor's account, as if they had made one on their account page. */
  async function makeTokens(): Promise<void> {
    for (const visitor of VISITORS) {
      const email = (context.sessions[visitor] as { email?: string }).email;
      if (!email) continue;
      const user = await handle.db
        .selectFrom("app_user")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      const token = `wmk_${crypto.randomBytes(32).toString("base64url")}`;
      await handle.db
        .insertInto("api_token")
        .values({
          user_id: user.id,
          name: `Matrix script ${secret(`the ${visitor}'s API token's name`, [visitor])}`,
          token_hash: hashToken(token),
          expires_at: new Date(Date.now() + 86_400_000),
        })
        .execute();
      tokens[visitor] = token;
      // Their address is theirs and the administrators'.
      keep(email, `the ${visitor}'s e-mail address`, [visitor, "administrator"]);
    }
  }

  /** The secrets this answer gives away to its visitor; notes the ones it shows to someone allowed. */
  async function leaksIn(response: LightMyRequestResponse, visitor: Visitor): Promise<Secret[]> {
    const text = await answerText(response);
    for (const s of secrets) if (s.seenBy.includes(visitor) && text.includes(s.marker)) shown.add(s.marker);
    return secretsIn(text, secrets, visitor);
  }

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    const db = handle.db;
    app = await testApp(db);
    await app.ready();
    routes.push(
      ...listRoutes(app)
        .filter((r) => !r.url.startsWith("/assets/"))
        .map((r) => `${r.method} ${r.url}`),
    );
    const organisation = await db
      .insertInto("organisation")
      .values({ slug: "matrix-organisation", name: "Matrix Organisation", type: "third_sector" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const group = await db
      .insertInto("governance_group")
      .values({ slug: "matrix-group", name: "Matrix Group" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const outsiderOrganisation = await db
      .insertInto("organisation")
      .values({ slug: "matrix-outsider", name: "Matrix Outsider", type: "third_sector" })
      .returning("id")
      .executeTakeFirstOrThrow();
    context = {
      app,
      db,
      organisationId: organisation.id,
      groupId: group.id,
      outsiderOrganisationId: outsiderOrganisation.id,
      secret,
    } as MatrixContext;
    context.sessions = await sessionsFor();
    await makeTokens();

    for (const part of PARTS) await runPart(part);
  }, 180_000);

  async function runPart<F>(part: MatrixPart<F>): Promise<void> {
    const fixtures = await part.setup(context);
    for (const [route, samples] of Object.entries(part.rows)) {
      const method = route.split(" ")[0]!;
      for (const sample of samples) {
        const who = sample.freshSessions ? await sessionsFor() : context.sessions;
        for (const visitor of VISITORS) {
          const url = sample.url(fixtures, visitor);
          const body = sample.body ? await sample.body(fixtures, handle.db, visitor) : {};
          const auditsBefore = method === "GET" ? 0 : await countAuditEvents(handle.db);
          const response =
            method === "GET"
              ? await getPage(app, who[visitor], url)
              : url.startsWith("/api/")
                ? await sendJson(app, who[visitor], method, url, body)
                : await postForm(app, who[visitor], url, body);
          cells.push({
            route,
            label: sample.label,
            url,
            visitor,
            expected: sample.expected[visitor],
            got: answerOf(response),
            location: response.statusCode === 303 ? String(response.headers.location ?? "") : "",
            audited: method === "GET" ? 0 : (await countAuditEvents(handle.db)) - auditsBefore,
            leaked: await leaksIn(response, visitor),
          });
          const token = tokens[visitor];
          if (method !== "GET" && url.startsWith("/api/") && token) {
            // Made afresh: a change the session made moved the version on.
            const again = sample.body ? await sample.body(fixtures, handle.db, visitor) : {};
            const before = await countAuditEvents(handle.db);
            const byToken = await app.inject({
              method: method as "POST",
              url,
              headers: { authorization: `Bearer ${token}` },
              ...(Object.keys(again).length > 0 ? { payload: again } : {}),
            });
            tokenCells.push({
              route,
              label: sample.label,
              url,
              visitor,
              expected: sample.expected[visitor],
              got: answerOf(byToken),
              location: "",
              audited: (await countAuditEvents(handle.db)) - before,
              leaked: await leaksIn(byToken, visitor),
              byToken: true,
            });
          }
        }
      }
    }
  }

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it("every route the router serves has expectations here, and every row is a real route", () => {
    expect(routes.length).toBeGreaterThan(20);
    const described = PARTS.flatMap((part) => Object.keys(part.rows));
    expect(routes.filter((r) => !described.includes(r)).map((r) => `no expectations for ${r}`)).toEqual([]);
    expect(described.filter((r) => !routes.includes(r)).map((r) => `not a route: ${r}`)).toEqual([]);
    expect(
      described.filter((r, i) => described.indexOf(r) !== i).map((r) => `described twice: ${r}`),
    ).toEqual([]);
  });

  it("every visitor gets the expected answer at every address", () => {
    expect(cells.length).toBeGreaterThan(routes.length * VISITORS.length - 1);
    const wrong = cells.filter((c) => c.got !== c.expected);
    expect(wrong, `Unexpected answers:\n${table(wrong)}`).toEqual([]);
  });

  it("every change allowed writes an audit event, and every refused one writes none", () => {
    const changes = cells.filter((c) => !c.route.startsWith("GET "));
    // Refused: an error, or the public sent to sign in (signing out everywhere also ends there).
    const refused = changes.filter(
      (c) => (c.got === "sign-in" && c.visitor === "public") || (typeof c.got === "number" && c.got >= 400),
    );
    expect(refused.length).toBeGreaterThan(50);
    expect(
      refused.filter((c) => c.audited !== 0).map((c) => `${c.route} as ${c.visitor}: ${c.audited} events`),
    ).toEqual([]);
    const allowed = changes.filter((c) => !refused.includes(c) && !notRecorded(c));
    expect(allowed.length).toBeGreaterThan(50);
    expect(
      allowed
        .filter((c) => c.audited === 0)
        .map((c) => `${c.route} (${c.label}) as ${c.visitor}: no audit event`),
    ).toEqual([]);
  });

  it("no answer holds anything its visitor may not see, in pages, lists, exports or the API", () => {
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    const leaks = [...cells, ...tokenCells].flatMap((c) =>
      c.leaked.map(
        (s) => `${c.route} (${c.label}) as ${c.visitor}${c.byToken ? " by API token" : ""}: ${s.what}`,
      ),
    );
    expect(leaks).toEqual([]);
    // Each secret is really in some answer to someone who may see it, so not finding it means something.
    expect(
      secrets.filter((s) => s.seenBy.length > 0 && !shown.has(s.marker)).map((s) => `never shown: ${s.what}`),
    ).toEqual([]);
  });

  it("an API change sent with an API token is allowed no more than the same visitor's session", () => {
    expect(tokenCells.length).toBeGreaterThan(20);
    const refused = tokenCells.filter((c) => typeof c.expected === "number" && c.expected >= 400);
    expect(refused.length).toBeGreaterThan(20);
    expect(
      refused.filter((c) => c.got !== c.expected || c.audited !== 0),
      table(refused.filter((c) => c.got !== c.expected || c.audited !== 0)),
    ).toEqual([]);
    expect(
      tokenCells.filter((c) => typeof c.got === "number" && c.got >= 500),
      table(tokenCells),
    ).toEqual([]);
  });

  it("a draft is not found (404, never 403) for the public, in pages and the API", () => {
    const draftReads = cells.filter(
      (c) =>
        c.visitor === "public" &&
        c.label.includes("draft") &&
        c.route.startsWith("GET ") &&
        !c.route.startsWith("GET /manage"),
    );
    expect(draftReads.length).toBeGreaterThanOrEqual(4);
    expect(
      draftReads.filter((c) => c.got !== 404),
      table(draftReads),
    ).toEqual([]);
  });

  it("a reader can read a draft but is refused (403) every change to it", () => {
    const draftPages = [
      "GET /themes/:slug/editions/:id",
      "GET /themes/:slug/compare",
      "GET /api/v1/themes/:slug/editions/:id",
      "GET /api/v1/themes/:slug/compare",
      "GET /manage/editions/:id/preview",
    ];
    const reads = cells.filter(
      (c) => c.visitor === "reader" && draftPages.includes(c.route) && c.label.includes("draft"),
    );
    expect(reads.length).toBe(draftPages.length);
    expect(
      reads.filter((c) => c.got !== 200),
      table(reads),
    ).toEqual([]);
    const changes = cells.filter((c) => c.visitor === "reader" && c.route.startsWith("POST /manage"));
    expect(changes.length).toBeGreaterThanOrEqual(14);
    expect(
      changes.filter((c) => c.got !== 403),
      table(changes),
    ).toEqual([]);
  });

  it("an editor can make every change to a draft, and none to a published edition", () => {
    const editorChanges = cells.filter(
      (c) => c.visitor === "editor" && c.route.startsWith("POST /manage/editions"),
    );
    const onDrafts = editorChanges.filter((c) => c.label.includes("draft"));
    const onPublished = editorChanges.filter((c) => c.label.includes("published"));
    expect(onDrafts.length).toBe(7);
    expect(
      onDrafts.filter((c) => c.got !== 303),
      table(onDrafts),
    ).toEqual([]);
    expect(onPublished.length).toBe(7);
    expect(
      onPublished.filter((c) => c.got !== 403),
      table(onPublished),
    ).toEqual([]);
  });
});
