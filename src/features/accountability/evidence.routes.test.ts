import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAccountability, progressVersion } from "../../../test/support/accountability-fixtures.ts";
import { postMultipart } from "../../../test/support/bulk.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle } from "../../platform/database.ts";

// Evidence documents: attached to an update through its form, kept safely, and read only by those
// who may read the update: the organisation and the programme team while it is a draft, everyone
// once it is submitted. Another organisation and the public never learn a draft's document exists.

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

describe("evidence documents", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  async function setUp() {
    const db = handle.db;
    const f = await makeAccountability(db);
    const contributor = await signIn(app, db, [
      { role: "organisation_contributor", organisationId: f.second.id },
    ]);
    const formPath = `/progress/${f.second.slug}/${f.themeSlug}/${f.actionKeys[0]}`;
    const fields = async (changes: Record<string, string> = {}) => ({
      version: await progressVersion(db, f.themeId, f.actionKeys[0], f.second.id),
      intent: "draft",
      status: "on_track",
      narrative: "The promise keeper pilot began in two councils.",
      confidence: "evidenced",
      documentTitle: "Pilot plan",
      ...changes,
    });
    return { db, f, contributor, formPath, fields };
  }

  it("a draft's document reaches its organisation and the programme team only; once submitted, everyone", async () => {
    const { db, f, contributor, formPath, fields } = await setUp();
    const saved = await postMultipart(
      app,
      contributor,
      formPath,
      { field: "document", name: "../Pilot plan (v2).pdf", data: PDF },
      await fields(),
    );
    expect(saved.statusCode, saved.body.slice(0, 1000)).toBe(303);
    const stored = await db
      .selectFrom("progress_evidence")
      .innerJoin("progress_update", "progress_update.id", "progress_evidence.update_id")
      .select(["progress_evidence.id", "file_name", "content_type", "byte_size", "title", "state"])
      .where("progress_update.organisation_id", "=", f.second.id)
      .where("kind", "=", "document")
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      file_name: "Pilot plan (v2).pdf",
      content_type: "application/pdf",
      byte_size: PDF.length,
      title: "Pilot plan",
      state: "draft",
    });
    const address = `/evidence/${stored.id}/file`;

    const story = `/themes/${f.themeSlug}/actions/${f.actionKeys[0]}`;
    expect((await getPage(app, contributor, story)).body).toContain(`href="${address}"`);
    const own = await getPage(app, contributor, address);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
    expect(own.headers["content-type"]).toBe("application/pdf");
    expect(own.headers["content-disposition"]).toContain('filename="Pilot plan (v2).pdf"');
    expect(own.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
    expect(own.headers["cache-control"]).toBe("private, no-store");
    expect((await getPage(app, await signIn(app, db, "reader"), address)).statusCode).toBe(200);
    expect((await getPage(app, await signIn(app, db, "programme_editor"), address)).statusCode).toBe(200);

    const other = await signIn(app, db, [{ role: "organisation_contributor", organisationId: f.first.id }]);
    for (const visitor of [undefined, other, await signIn(app, db, "analyst")]) {
      const refused = await getPage(app, visitor, address);
      expect(refused.statusCode).toBe(404);
      expect(refused.rawPayload.includes(PDF)).toBe(false);
      expect((await getPage(app, visitor, story)).body).not.toContain(address);
    }

    // Submitting makes the update, and its document, public.
    const submitted = await postMultipart(
      app,
      contributor,
      formPath,
      { field: "document", name: "", data: Buffer.alloc(0) },
      await fields({ intent: "submit", documentTitle: "" }),
    );
    expect(submitted.statusCode, submitted.body.slice(0, 1000)).toBe(303);
    const anyone = await getPage(app, undefined, address);
    expect(anyone.statusCode).toBe(200);
    expect(anyone.headers["cache-control"]).toBe("public, max-age=60");
    expect(anyone.rawPayload.equals(PDF)).toBe(true);
    const publicStory = await getPage(app, undefined, story);
    expect(publicStory.body).toContain(`<a href="${address}" rel="nofollow noopener">Pilot plan</a>`);

    // The audit trail names the file, never holds it.
    const audit = await db
      .selectFrom("audit_event")
      .select("after")
      .where("action", "=", "progress.draft")
      .where("actor_label", "like", `%<${contributor.email}>`)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(audit.after);
    expect(text).toContain("Pilot plan (v2).pdf");
    expect(text).not.toContain("%PDF-1.4");
  });

  it("refuses a file that is not an allowed kind, or too large, naming the field and saving nothing", async () => {
    const { db, f, contributor, formPath, fields } = await setUp();
    const html = await postMultipart(
      app,
      contributor,
      formPath,
      {
        field: "document",
        name: "report.pdf",
        data: Buffer.from("<html><script>alert(1)</script></html>\u0000"),
      },
      await fields(),
    );
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('href="#document"');
    expect(html.body).toContain("The file for the document must be a PDF");
    expect(html.body).toContain("The promise keeper pilot began in two councils.");
    expect(html.body).toContain("If you chose a document before, choose it again.");

    const large = await postMultipart(
      app,
      contributor,
      formPath,
      { field: "document", name: "big.pdf", data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) },
      await fields(),
    );
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain("The file for the document must be 10 MB or smaller");

    const titleOnly = await postMultipart(
      app,
      contributor,
      formPath,
      { field: "document", name: "", data: Buffer.alloc(0) },
      await fields(),
    );
    expect(titleOnly.statusCode).toBe(400);
    expect(titleOnly.body).toContain("Choose the document the name is for");

    const updates = await db
      .selectFrom("progress_update")
      .select("id")
      .where("organisation_id", "=", f.second.id)
      .execute();
    expect(updates).toEqual([]);
  });

  it("a document address that is not a document, or not there, is not found", async () => {
    expect((await getPage(app, undefined, "/evidence/999999/file")).statusCode).toBe(404);
    expect((await getPage(app, undefined, "/evidence/x/file")).statusCode).toBe(404);
  });
});
