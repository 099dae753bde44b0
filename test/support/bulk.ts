import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Session } from "./http.ts";

// Bulk progress updates in tests: posting a spreadsheet as a browser's multipart form does, and
// the committed fixtures (test/fixtures/bulk/) with their placeholders filled in.

/** Posts a spreadsheet, with any other fields, as the bulk upload form does. */
export function postSheet(
  app: FastifyInstance,
  session: Session,
  url: string,
  file: { name: string; data: Buffer },
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return postMultipart(app, session, url, { ...file, field: "file" }, fields);
}

/** Posts a file in `file.field`, with other fields, as a browser's multipart form would, with the session's CSRF token. */
export function postMultipart(
  app: FastifyInstance,
  session: Session,
  url: string,
  file: { field: string; name: string; data: Buffer },
  fields: Record<string, string | number> = {},
): Promise<LightMyRequestResponse> {
  const boundary = `----waymark${crypto.randomBytes(8).toString("hex")}`;
  const part = (name: string, value: string | number) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(
      part("_csrf", session.csrf) +
        Object.entries(fields)
          .map(([k, v]) => part(k, v))
          .join("") +
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: session.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

/**
 * A committed fixture's bytes with its placeholders ({ref1}, {v1}, …) filled in. The bytes are
 * read and written as Latin-1, so a file in another encoding (Windows-1252) keeps its bytes.
 */
export function bulkFixture(name: string, values: Record<string, string | number>): Buffer {
  const text = readFileSync(new URL(`../fixtures/bulk/${name}`, import.meta.url)).toString("latin1");
  return Buffer.from(
    text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole)),
    "latin1",
  );
}
