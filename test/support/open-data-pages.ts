import type { FastifyInstance } from "fastify";
import type { ErrorPage, Samples } from "./html-samples.ts";
import { getPage } from "./http.ts";

// The public data of accountability's samples for the HTML-validity test: a route map's progress
// as at a day (its earlier editions, sectors and organisations are already route maps' and
// accountability's samples, and now carry the download links), and a bad as_at's error page.
// The downloads themselves (CSV, XLSX) are read back by open-data.routes.test.ts.

export const openDataPages: Samples = {
  "/themes/:slug": [
    { params: { slug: "leadership" }, query: "?as_at=2025-06-30", label: "progress as at a day" },
  ],
};

export async function openDataErrorPages(app: FastifyInstance, errorPage: ErrorPage): Promise<void> {
  await errorPage(
    "a route map as at a date that does not exist",
    getPage(app, undefined, "/themes/leadership?as_at=2025-02-30"),
    400,
  );
}
