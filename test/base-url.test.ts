import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { addAction, promoteAction } from "../src/features/governance/action.service.ts";
import { createGroup } from "../src/features/governance/group.service.ts";
import { planMeeting } from "../src/features/governance/meeting.service.ts";
import { agreeMinutes, publishMinutes } from "../src/features/governance/minutes.service.ts";
import { buildLandscape, type LandscapeFixture } from "../src/features/landscape/landscape.fixtures.ts";
import { publishEdition } from "../src/features/route-maps/edition-drafts.service.ts";
import type { Actor } from "../src/platform/actor.ts";
import type { DatabaseHandle, Trx } from "../src/platform/database.ts";
import { actorWith } from "./support/accounts.ts";
import { testDeps } from "./support/app-deps.ts";
import { createTestDatabase } from "./support/database.ts";
import { createTheme, unique } from "./support/factories.ts";

// Every absolute address in an answer comes from WAYMARK_BASE_URL, never from the Host header:
// anyone can send `Host: evil.example`, and the page cache would hand that answer to everyone.

const BASE = "https://waymark.example.org";
const EVIL = "evil.example";

describe("absolute addresses whatever Host the request names", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let f: LandscapeFixture;
  let actionLog: string;

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await createApp(testDeps(handle.db, { config: { baseUrl: BASE, pageCacheSeconds: 60 } }));
    f = await buildLandscape(handle.db);
    // A group whose published action was promoted to a route map: the action log links to it.
    const admin: Actor = await actorWith(handle.db);
    const run = <T>(work: (trx: Trx) => Promise<T>) => handle.db.transaction().execute(work);
    const group = await run((trx) => createGroup(trx, admin, { name: unique("Base Address Group") }));
    const meeting = await run((trx) =>
      planMeeting(trx, admin, group.id, { date: "2024-05-21", status: "held" }),
    );
    const action = await run((trx) => addAction(trx, admin, meeting, { text: "Map the functions" }));
    const theme = await createTheme(handle.db, { name: unique("Leadership") });
    const { editionId } = await run((trx) => promoteAction(trx, admin, action, { themeSlug: theme.slug }));
    const { version } = await handle.db
      .selectFrom("route_map_edition")
      .select("version")
      .where("id", "=", editionId)
      .executeTakeFirstOrThrow();
    await run((trx) =>
      publishEdition(trx, admin, { editionId, version, day: "1", month: "8", year: "2024" }),
    );
    await run((trx) => agreeMinutes(trx, admin, meeting, {}));
    await run((trx) => publishMinutes(trx, admin, meeting, { publishedOn: "2024-07-01" }));
    actionLog = `/groups/${group.slug}/actions.csv`;
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  /** The answer's text; a Word file's every part, unzipped. */
  async function textOf(body: Buffer, type: string): Promise<string> {
    if (!type.startsWith("application/vnd.openxmlformats")) return body.toString("utf8");
    const zip = await JSZip.loadAsync(body);
    const parts = await Promise.all(Object.values(zip.files).map((file) => file.async("string")));
    return parts.join("\n");
  }

  it("builds feed links and event UIDs, download links and CSV addresses from the base URL only", async () => {
    const addresses = [
      `/groups/${f.leadership.slug}/calendar.ics`,
      `/people/${f.people.louise}/calendar.ics`,
      `/groups/${f.leadership.slug}/meetings/${f.meetings.published}/minutes.html`,
      `/groups/${f.leadership.slug}/meetings/${f.meetings.published}/minutes.docx`,
      actionLog,
    ];
    for (const url of addresses) {
      const forged = await app.inject({ url, headers: { host: EVIL, "x-forwarded-host": EVIL } });
      expect(forged.statusCode, url).toBe(200);
      const text = await textOf(forged.rawPayload, String(forged.headers["content-type"]));
      expect(text, url).toContain(BASE);
      expect(text, url).not.toContain(EVIL);
      if (url.endsWith(".ics")) expect(text, url).toMatch(/^UID:meeting-\d+@waymark\.example\.org\r?$/m);
      // The next reader, whatever their Host, gets the same addresses (from the cache or not).
      const next = await app.inject({ url, headers: { host: "localhost" } });
      const nextText = await textOf(next.rawPayload, String(next.headers["content-type"]));
      expect(nextText, url).toContain(BASE);
      expect(nextText, url).not.toContain(EVIL);
    }
  });
});
