import type { LightMyRequestResponse } from "fastify";
import type { Session } from "./http.ts";

// What test/html-validity.test.ts and each feature's samples for it (test/support/*-pages.ts)
// hand each other.

/** A sample address for a route: its path parameters, a query string, a note for the report. */
export interface Sample {
  params?: Record<string, string | number>;
  query?: string;
  label?: string;
}

/** Sample addresses by route pattern ("/groups/:slug"). */
export type Samples = Record<string, Sample[]>;

/** Fetches every sample as each of these visitors ([name, session]), expecting 200. */
export type Visit = (pages: Samples, who: Array<[string, Session | undefined]>) => Promise<void>;

/** Keeps one answer for the checks, with the status it should have. */
export type RecordPage = (name: string, response: LightMyRequestResponse, expected: number) => void;

/** Fetches an error page, or a form sent back with its errors, and keeps it with the status it should have. */
export type ErrorPage = (
  name: string,
  response: Promise<LightMyRequestResponse>,
  expected: number,
) => Promise<void>;
