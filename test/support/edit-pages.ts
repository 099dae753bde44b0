import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { parseHTML } from "linkedom";
import { expect } from "vitest";
import { getPage, postForm, type Session } from "./http.ts";

// The editing pages as the route tests use them: start a draft with the overview's button, open
// the edit page, read the version its forms carry, read the error summary.

export function dom(response: LightMyRequestResponse) {
  return parseHTML(response.body).document;
}

/** Starts a draft through the overview's button; returns the draft's id and where the answer went. */
export async function startDraftOnPage(app: FastifyInstance, session: Session, themeSlug: string) {
  const response = await postForm(app, session, `/manage/themes/${themeSlug}/drafts`, {});
  expect(response.statusCode).toBe(303);
  const id = Number(/^\/manage\/editions\/(\d+)\?/.exec(response.headers.location as string)![1]);
  return { id, location: response.headers.location as string };
}

export async function openEditPage(app: FastifyInstance, session: Session, id: number) {
  const response = await getPage(app, session, `/manage/editions/${id}`);
  expect(response.statusCode).toBe(200);
  return dom(response);
}

/** The version the edit page's forms carry, as a browser would submit it. */
export async function versionOnEditPage(app: FastifyInstance, session: Session, id: number): Promise<string> {
  const doc = await openEditPage(app, session, id);
  return doc.querySelector('form[action$="/details"] input[name="version"]')!.getAttribute("value")!;
}

/** The error summary's links, each with whether its target exists on the page. */
export function errorSummaryLinks(doc: Document) {
  return [...doc.querySelectorAll(".ds_error-summary a")].map((a) => {
    const href = a.getAttribute("href")!;
    return { href, text: a.textContent!.trim(), targetExists: doc.getElementById(href.slice(1)) !== null };
  });
}
