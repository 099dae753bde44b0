import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorWith } from "../../../test/support/accounts.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, signIn, testApp } from "../../../test/support/http.ts";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { checkAnswer, type OpenApiDocument, strictAjv } from "../../../test/support/openapi-check.ts";
import type { Actor } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { importDocument } from "../import/document-import.service.ts";

// /commitments and /api/v1/commitments: the key actions of imported progress updates, in the
// document's order, each with its source, for anyone.

const part2 = importFixture("progress/progress-update-part2.txt");
const ADDRESS = "https://www.gov.scot/publications/supporting-families-progress-update/pages/part-2/";

/** A small progress update with markup in it, which must come out as text. */
const markup = new TextEncoder().encode(
  [
    "Keeping the promise: progress update 2026",
    "",
    "Part 4 <b>Bold</b> & plain",
    "",
    "This part sets out two key actions.",
    "",
    "  • We will publish <script>alert(1)</script> in plain words",
    "",
    "  • We will ask young people what “help” means & write it down",
    "",
  ].join("\n"),
);

let handle: DatabaseHandle;
let app: FastifyInstance;
let editor: Actor;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  app = await testApp(handle.db);
  editor = await actorWith(handle.db, [{ role: "programme_editor" }]);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe("the commitments page", () => {
  it("says plainly when no progress update has been imported", async () => {
    const response = await getPage(app, undefined, "/commitments");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("No progress updates have been brought into Waymark yet.");
  });

  it("lists each update's part and key actions in order, with the source, to the public", async () => {
    await importDocument(handle.db, editor, { fileName: "part2.txt", bytes: part2, sourceAddress: ADDRESS });
    const response = await getPage(app, undefined, "/commitments");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const body = response.body;
    expect(body).toContain("<h2");
    expect(body).toContain("Part 2: Families at the centre");
    expect(body).toContain("Supporting families to stay together: progress update 2025");
    expect(body).toContain(`<a href="${ADDRESS}">${ADDRESS}</a>`);
    expect(body).toContain("4 key actions");
    const order = [
      "We will fund a family support worker in every Glenbrae secondary school",
      "We will publish a plain guide to kinship allowances, with the Kinship Alliance",
      "The Minister for Families will meet care-experienced young people twice a year",
      "We will review how families are told about changes to their support",
    ].map((text) => body.indexOf(text));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain("<li>who can get an allowance</li>");
    expect(body).toContain("Status given in the update: on track");
  });

  it("escapes what the document says, and names a source with no address by its file", async () => {
    const report = await importDocument(handle.db, editor, { fileName: "saved <copy>.txt", bytes: markup });
    expect(report.outcome).toBe("created");
    const body = (await getPage(app, undefined, "/commitments")).body;
    expect(body).not.toContain("<script>alert(1)</script>");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).toContain("Part 4: &lt;b&gt;Bold&lt;/b&gt; &amp; plain");
    expect(body).toContain("a saved copy (saved &lt;copy&gt;.txt)");
    // Newest import first.
    expect(body.indexOf("Part 4:")).toBeLessThan(body.indexOf("Part 2:"));
  });

  it("is the same for someone signed in, never cached for them", async () => {
    const reader = await signIn(app, handle.db, "reader");
    const response = await getPage(app, reader, "/commitments");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("private, no-store");
    expect(response.body).toContain("Part 2: Families at the centre");
  });
});

describe("GET /api/v1/commitments", () => {
  it("answers every source with its key actions, as the OpenAPI document describes", async () => {
    const doc: OpenApiDocument = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const response = await app.inject({ method: "GET", url: "/api/v1/commitments" });
    expect(response.statusCode).toBe(200);
    const json = response.json();
    expect(checkAnswer(doc, strictAjv(), "/api/v1/commitments", 200, json, "get")).toBe("");
    const part = json.sources.find((s: { partNumber: string }) => s.partNumber === "2");
    expect(part).toMatchObject({
      title: "Supporting families to stay together: progress update 2025",
      year: 2025,
      partTitle: "Families at the centre",
      sourceAddress: ADDRESS,
    });
    expect(part.commitments.map((c: { ordinal: number }) => c.ordinal)).toEqual([1, 2, 3, 4]);
    expect(part.commitments[0]).toMatchObject({
      text: "We will fund a family support worker in every Glenbrae secondary school",
      status: "on track",
      number: null,
    });
    expect(part.commitments[1].subItems).toEqual([
      "who can get an allowance",
      "how much it is and how it is paid",
    ]);
    expect(Object.keys(part)).not.toContain("fileName");
  });
});
