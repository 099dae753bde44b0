import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "../support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../support/http.ts";
import { type RouteSamples, routeSamples } from "../support/route-samples.ts";
import { listRoutes } from "../support/routes.ts";
import { tableDigest } from "../support/table-digest.ts";
import { pdfFile, postMultipart } from "../support/uploads.ts";

// Issue 23, item 6: the bad input that was answered with a 500. Each is now a 400 (or, for an id
// in the address, a 404) that names what was wrong, and changes nothing: a form without its
// version, an id that is a number only to JavaScript (Infinity, 1e309, 0x10) on every route with
// one, a file with content but no name, and a multipart body that cannot be read.

/** Values that are not ids, though JavaScript or a lenient parser may read some as numbers. */
const NOT_IDS = [
  "Infinity",
  "-Infinity",
  "1e309",
  "9999999999999999999",
  "-1",
  "0",
  "0x10",
  "1.5",
  " 1",
  "1e3",
  "NaN",
];
const ID_PARAM = /^(id|\w+Id)$/;

const errorOf = (response: LightMyRequestResponse) =>
  (JSON.parse(response.body) as { error?: { code?: string; fields?: Record<string, string> } }).error;

/** A page's error summary and messages, as text. */
const pageText = (response: LightMyRequestResponse) =>
  response.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("bad input is refused with a 400 or 404 naming what was wrong, never a 500", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let samples: RouteSamples;
  let administrator: Session;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await testApp(handle.db);
    await app.ready();
    samples = await routeSamples(handle.db);
    administrator = await signIn(app, handle.db, "administrator");
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  describe("a form without its version, or with one that is not a number", () => {
    const VERSIONS: Array<[string, Record<string, string>]> = [
      ["none", {}],
      ["empty", { version: "" }],
      ["words", { version: "abc" }],
      ["Infinity", { version: "Infinity" }],
      ["negative", { version: "-1" }],
      ["too long", { version: "99999999999" }],
    ];

    it("publishing an indicator says the version is missing (400), and publishes nothing", async () => {
      const indicator = await handle.db
        .selectFrom("indicator")
        .select(["slug", "published"])
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const before = await tableDigest(handle.db);
      for (const [name, version] of VERSIONS) {
        const response = await postForm(app, administrator, `/manage/indicators/${indicator.slug}/publish`, {
          published: indicator.published ? "no" : "yes",
          ...version,
        });
        expect([name, response.statusCode]).toEqual([name, 400]);
        expect(pageText(response)).toContain("version");
      }
      expect(await tableDigest(handle.db)).toEqual(before);
    });

    it("asking for more evidence shows the form again, saying the version is missing (400)", async () => {
      const update = await handle.db
        .selectFrom("progress_update")
        .select("id")
        .where("state", "=", "submitted")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const before = await tableDigest(handle.db);
      for (const [name, version] of VERSIONS) {
        const response = await postForm(
          app,
          administrator,
          `/manage/progress-updates/${update.id}/request-evidence`,
          {
            note: "Send the minutes that agreed this",
            ...version,
          },
        );
        expect([name, response.statusCode]).toEqual([name, 400]);
        const text = pageText(response);
        expect(text).toContain("There is a problem");
        expect(text).toContain("version");
        // The note typed is kept in the form.
        expect(response.body).toContain("Send the minutes that agreed this");
      }
      expect(await tableDigest(handle.db)).toEqual(before);
    });
  });

  it("an id that is not a whole number from 1 up, on every route with one, is a 400 or 404, and changes nothing", async () => {
    const routes = listRoutes(app).filter((r) =>
      [...r.url.matchAll(/:(\w+)/g)].some(([, name]) => ID_PARAM.test(name!)),
    );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(["GET /api/v1/rounds/:id", "GET /api/v1/admin/users/:id"]),
    );
    const before = await tableDigest(handle.db);
    const wrong: string[] = [];
    for (const route of routes) {
      for (const [, name] of route.url.matchAll(/:(\w+)/g)) {
        if (!ID_PARAM.test(name!)) continue;
        for (const value of NOT_IDS) {
          const url = samples.fill(route.url.replace(`:${name}`, encodeURIComponent(value)));
          const api = url.startsWith("/api/");
          const response = await app.inject({
            method: route.method as "GET",
            url,
            headers: { cookie: administrator.cookie, "x-csrf-token": administrator.csrf },
            ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }),
          });
          const where = `${route.method} ${url}`;
          if (![400, 404].includes(response.statusCode)) wrong.push(`${where}: ${response.statusCode}`);
          else if (api) {
            const error = errorOf(response);
            if (response.statusCode === 400 && !error?.fields?.[name!])
              wrong.push(`${where}: 400 without naming ${name}: ${response.body}`);
            if (!error?.code) wrong.push(`${where}: not the API's error shape: ${response.body}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await tableDigest(handle.db)).toEqual(before);
  }, 300_000);

  describe("uploads", () => {
    let uploads: Array<{ url: string; field: string; fields: Record<string, string> }>;

    beforeAll(async () => {
      const indicator = await handle.db
        .selectFrom("indicator")
        .select("slug")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const organisation = await handle.db
        .selectFrom("action_responsibility")
        .innerJoin("organisation", "organisation.id", "action_responsibility.organisation_id")
        .innerJoin("theme", "theme.id", "action_responsibility.theme_id")
        .select(["organisation.slug as organisation", "theme.slug as theme", "action_key as key"])
        .orderBy("action_responsibility.id")
        .executeTakeFirstOrThrow();
      // The update form's version, so that only the file can be what is refused.
      const form = await getPage(
        app,
        administrator,
        `/progress/${organisation.organisation}/${organisation.theme}/${organisation.key}`,
      );
      const formVersion = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? "";
      expect(formVersion).not.toBe("");
      uploads = [
        { url: `/manage/indicators/${indicator.slug}/upload`, field: "file", fields: {} },
        { url: "/manage/import", field: "document", fields: {} },
        { url: `/progress/${organisation.organisation}/upload`, field: "file", fields: {} },
        {
          url: `/progress/${organisation.organisation}/${organisation.theme}/${organisation.key}`,
          field: "document",
          fields: {
            status: "on_track",
            confidence: "self_assessed",
            narrative: "Going well",
            version: formVersion,
          },
        },
      ];
    });

    it("a file with content but no name is refused naming its field (400), and nothing is saved", async () => {
      const before = await tableDigest(handle.db);
      const wrong: string[] = [];
      for (const upload of uploads) {
        const response = await postMultipart(app, administrator, upload.url, upload.fields, {
          field: upload.field,
          fileName: "",
          content: pdfFile(),
        });
        if (response.statusCode !== 400) wrong.push(`${upload.url}: ${response.statusCode}`);
        else if (!/There is a problem/.test(response.body)) wrong.push(`${upload.url}: no error summary`);
        else if (!response.body.includes(`href="#${upload.field}"`))
          wrong.push(`${upload.url}: the error does not point to the ${upload.field} field`);
      }
      expect(wrong).toEqual([]);
      expect(await tableDigest(handle.db)).toEqual(before);
    });

    it("a multipart body that cannot be read is a 400 saying so, and nothing is saved", async () => {
      const b = "waymark-broken-boundary";
      const csrfPart = `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${administrator.csrf}\r\n`;
      const bodies: Array<[string, string, string]> = [
        [
          "a boundary the body never uses",
          `multipart/form-data; boundary=${b}`,
          `--other\r\n\r\nx\r\n--other--\r\n`,
        ],
        ["no boundary at all", "multipart/form-data", `${csrfPart}--${b}--\r\n`],
        [
          "a body cut short",
          `multipart/form-data; boundary=${b}`,
          `${csrfPart}--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nyear,val`,
        ],
        ["no parts", `multipart/form-data; boundary=${b}`, `--${b}--\r\n`],
        [
          "a part without headers",
          `multipart/form-data; boundary=${b}`,
          `${csrfPart}--${b}\r\n\r\nhello\r\n--${b}--\r\n`,
        ],
        [
          "a malformed part header",
          `multipart/form-data; boundary=${b}`,
          `${csrfPart}--${b}\r\nnot a header\r\n\r\nx\r\n--${b}--\r\n`,
        ],
        ["bytes that are not multipart", `multipart/form-data; boundary=${b}`, "\u0000\u0001 not a form"],
      ];
      const before = await tableDigest(handle.db);
      const wrong: string[] = [];
      for (const upload of uploads) {
        for (const [name, contentType, payload] of bodies) {
          const response = await app.inject({
            method: "POST",
            url: upload.url,
            headers: {
              cookie: administrator.cookie,
              "content-type": contentType,
              "x-csrf-token": administrator.csrf,
            },
            payload,
          });
          if (response.statusCode !== 400) wrong.push(`${upload.url} with ${name}: ${response.statusCode}`);
          else if (!/There is a problem/.test(response.body))
            wrong.push(`${upload.url} with ${name}: no explanation`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await tableDigest(handle.db)).toEqual(before);
    }, 120_000);
  });
});
