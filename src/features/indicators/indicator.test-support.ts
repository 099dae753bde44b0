import crypto from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Session } from "../../../test/support/http.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import {
  createIndicator,
  createOutcome,
  createVisionStatement,
  type NewIndicator,
} from "./framework.service.ts";

// Test helpers: an analyst to act as, and a small framework of one's own (unique slugs), so no
// test depends on the demo data or another test's rows.

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}`;
}

/** A real account holding the role, as an actor (the pending-upload table refers to it). */
export async function actorWithRole(db: Db, role: "analyst" | "reader" | "programme_editor"): Promise<Actor> {
  const email = `${uniqueSlug(role)}@example.test`;
  const row = await db
    .insertInto("app_user")
    .values({ email, name: `Test ${role}`, password_hash: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("user_role").values({ user_id: row.id, role }).execute();
  return { kind: "user", id: row.id, name: `Test ${role}`, email, grants: [{ role }] };
}

/** A vision statement, an outcome and one indicator under it; returns the indicator's slug and id. */
export async function createTestIndicator(
  db: Db,
  analyst: Actor,
  values: Partial<Omit<NewIndicator, "outcomeSlug">> = {},
): Promise<{ slug: string; id: number; outcomeSlug: string; visionSlug: string }> {
  const visionSlug = uniqueSlug("vision");
  await db
    .transaction()
    .execute((trx) =>
      createVisionStatement(trx, analyst, { slug: visionSlug, title: `Vision ${visionSlug}` }),
    );
  const outcomeSlug = uniqueSlug("outcome");
  await db
    .transaction()
    .execute((trx) =>
      createOutcome(trx, analyst, { visionSlug, slug: outcomeSlug, title: `Outcome ${outcomeSlug}` }),
    );
  const slug = values.slug ?? uniqueSlug("indicator");
  const id = await db.transaction().execute((trx) =>
    createIndicator(trx, analyst, {
      title: `Indicator ${slug}`,
      unit: "children",
      better: "lower",
      kind: "core",
      measure: "outcome",
      ...values,
      slug,
      outcomeSlug,
    }),
  );
  return { slug, id, outcomeSlug, visionSlug };
}

/** A CSV file's bytes from lines. */
export function csv(...lines: string[]): Buffer {
  return Buffer.from(`${lines.join("\n")}\n`);
}

/** Posts a file as a browser's multipart form would, with the session's cookies and CSRF token. */
export function postFile(
  app: FastifyInstance,
  session: Session,
  url: string,
  file: { name: string; data: Buffer },
): Promise<LightMyRequestResponse> {
  const boundary = `----waymark${crypto.randomBytes(8).toString("hex")}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
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
