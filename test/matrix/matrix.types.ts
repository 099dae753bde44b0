import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/platform/database.ts";
import type { Session } from "../support/http.ts";

// The authorisation matrix's vocabulary, shared by every feature's rows (test/matrix/*.rows.ts).
// The visitors are the columns: one for the public and one per role. A contributor holds their
// role for the matrix's own organisation, a secretary for its own group (MatrixContext); an
// outsider is a contributor for another organisation, trying the matrix organisation's addresses.

export const VISITORS = [
  "public",
  "reader",
  "editor",
  "administrator",
  "contributor",
  "secretary",
  "analyst",
  "outsider",
] as const;
export type Visitor = (typeof VISITORS)[number];

/** A status code, or "sign-in": a 303 to the sign-in page. */
export type Answer = 200 | 201 | 204 | 303 | 400 | 401 | 403 | 404 | 409 | "sign-in";
export type Expected = Record<Visitor, Answer>;

export type Fields = Record<string, string | number>;

export interface Sample<F> {
  /** What the address points at, for the report: "draft", "published edition". */
  label: string;
  /** The address; `visitor` lets a change that ends its target (publish, delete) have one per visitor. */
  url: (f: F, visitor: Visitor) => string;
  /** The form to post, made just before it is sent (so it can carry a current version). */
  body?: (f: F, db: Db, visitor: Visitor) => Promise<Fields>;
  expected: Expected;
  /** Sign each visitor in afresh for this sample (signing out ends the shared sessions). */
  freshSessions?: boolean;
}

/**
 * Something some visitors may not see, carrying a marker found nowhere else: the matrix looks for
 * it in every answer, to every visitor not in `seenBy`.
 */
export interface Secret {
  marker: string;
  /** What it is, for the report: "a draft edition's action". */
  what: string;
  seenBy: readonly Visitor[];
}

/** What every feature's setup gets: the app, its database, and signed-in sessions for each visitor. */
export interface MatrixContext {
  app: FastifyInstance;
  db: Db;
  sessions: Record<Visitor, Session>;
  /** The organisation the contributor reports for, and the group the secretary keeps. */
  organisationId: number;
  groupId: number;
  /** The organisation the outsider reports for. */
  outsiderOrganisationId: number;
  /** A new marker for a secret only `seenBy` may see, to put in a fixture's words. */
  secret: (what: string, seenBy: readonly Visitor[]) => string;
}

/** Who may read route maps' drafts (route_map.read_draft). */
export const DRAFT_READERS: readonly Visitor[] = ["reader", "editor", "administrator"];

/** One feature's routes: its fixtures, built once, and its rows keyed "METHOD /pattern". */
export interface MatrixPart<F> {
  name: string;
  setup: (context: MatrixContext) => Promise<F>;
  rows: Record<string, Sample<F>[]>;
}

/** Every visitor gets `answer`, except the ones named. */
export function all(answer: Answer, except: Partial<Expected> = {}): Expected {
  return { ...Object.fromEntries(VISITORS.map((v) => [v, answer])), ...except } as Expected;
}

/** Signed-in visitors named in `allowed` get their answer; the public goes to sign-in; the rest 403. */
export function signedIn(allowed: Partial<Expected>, refused: Answer = 403): Expected {
  return all(refused, { public: "sign-in", ...allowed });
}

/** Public pages and open data: everyone. */
export const EVERYONE: Expected = all(200);
