import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { buildLandscape } from "../src/features/landscape/landscape.fixtures.ts";
import type { DatabaseHandle } from "../src/platform/database.ts";
import { testDeps } from "./support/app-deps.ts";
import { createTestDatabase } from "./support/database.ts";
import { checkAnswer, documentedPath, type OpenApiDocument, strictAjv } from "./support/openapi-check.ts";

type Json = Record<string, unknown>;
type Items = Array<{ text: string; pageRefs?: string; children?: Items }>;

describe("the JSON API over the demo data", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    handle = await createTestDatabase("demo");
    app = await createApp(testDeps(handle.db));
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  async function get(url: string): Promise<Json> {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  }

  it("reads every resource by following links from the index, and each answer matches the OpenAPI document", async () => {
    const doc = (await get("/api/v1/openapi.json")) as unknown as OpenApiDocument;
    const ajv = strictAjv();
    const visited = new Set<string>();
    const problems: string[] = [];
    const visit = async (url: string): Promise<Json> => {
      const body = await get(url);
      visited.add(url.split("?")[0] ?? url);
      const problem = checkAnswer(doc, ajv, url, 200, body);
      if (problem) problems.push(problem);
      return body;
    };

    const index = await visit("/api/v1");
    const links = index.links as Record<string, string>;
    await visit(links.programme!);
    await visit(links.foundations!);
    for (const foundation of (await visit(links.foundations!)).foundations as Array<{ url: string }>) {
      await visit(foundation.url);
    }
    for (const theme of (await visit(links.themes!)).themes as Array<{ url: string }>) {
      const detail = await visit(theme.url);
      await visit(`${theme.url}/editions`);
      const editions = detail.editions as Array<{ url: string }>;
      for (const edition of editions) await visit(edition.url);
      if (detail.latestPublishedEditionId !== null) await visit(`${theme.url}/editions/latest`);
      if (editions.length >= 2) await visit(`${theme.url}/compare`);
    }
    for (const sector of (await visit(links.sectors!)).sectors as Array<{ url: string }>) {
      await visit(sector.url);
    }

    const framework = await visit(links.indicators!);
    for (const vision of framework.visionStatements as Array<{
      outcomes: Array<{ indicators: Array<{ url: string }> }>;
    }>)
      for (const indicator of vision.outcomes.flatMap((o) => o.indicators)) {
        const detail = await visit(indicator.url);
        await visit(detail.observations as string);
      }
    // Governance groups: a small landscape of its own, so the groups' reads are exercised too.
    await buildLandscape(handle.db);
    for (const group of (await visit(links.groups!)).groups as Array<{ url: string; links: Json }>) {
      await visit(group.url);
      await visit(group.links.memberships as string);
      await visit(group.links.meetings as string);
    }
    for (const organisation of (await visit(links.organisations!)).organisations as Array<{ url: string }>) {
      const account = await visit(organisation.url);
      // Many organisations share an action: each is read once.
      for (const owed of account.actions as Array<{ action: { url: string } }>)
        if (!visited.has(owed.action.url)) await visit(owed.action.url);
    }

    // Commitments: the demo has no imported progress update, so the list is read as it is.
    await visit(links.commitments!);
    // The public data of accountability: every action, and one route map's as at a day.
    await visit(links.actions!);
    await visit(`${links.actions!}?theme=leadership&as_at=2025-06-30`);
    // The later collections: funds, improvement projects and the timeline list their items with
    // their addresses; reports with their ids.
    for (const name of ["funds", "improvementProjects", "timeline"]) {
      const list = await visit(links[name]!);
      const items = Object.values(list).find(Array.isArray) as Array<{ url: string }>;
      expect(items.length, name).toBeGreaterThan(0);
      for (const item of items) await visit(item.url);
    }
    const { reports } = (await visit(links.reports!)) as { reports: Array<{ id: number }> };
    for (const report of reports) await visit(`${links.reports!}/${report.id}`);
    await visit(links.openapi!);

    expect(problems).toEqual([]);
    // Every documented public read (one that asks for no credentials) was exercised on real data.
    const exercised = new Set([...visited].map((url) => documentedPath(doc, url)));
    const publicReads = Object.entries(doc.paths)
      .filter(([, methods]) => methods.get && !("security" in methods.get))
      .map(([path]) => path);
    expect([...exercised].sort()).toEqual(publicReads.sort());
    expect(visited.size).toBeGreaterThan(25 + 5 + 6);
    // A crawl of a few hundred answers, each checked against its schema: slow on a busy machine.
  }, 180_000);

  it("lists the programme's 25 route maps under its five foundations", async () => {
    const programme = await get("/api/v1/programme");
    const foundations = programme.foundations as Array<{ slug: string; themes: Json[] }>;
    expect(foundations.map((f) => f.slug)).toEqual(["voice", "family", "care", "people", "scaffolding"]);
    expect(foundations.flatMap((f) => f.themes)).toHaveLength(25);
  });

  it("carries both Leadership editions with the sections of their seeds", async () => {
    const editions = await get("/api/v1/themes/leadership/editions");
    expect((editions.editions as Json[]).map((e) => [e.label, e.layout, e.lastUpdated])).toEqual([
      ["December 2025", "outcomes", "2025-12-01"],
      ["June 2024", "ambitions", "2024-06-01"],
    ]);

    const december = await get("/api/v1/themes/leadership/editions/latest");
    expect(december.label).toBe("December 2025");
    expect(december.stateOfPlay).toMatchObject({ title: "Where is Scotland now?" });
    expect((december.outcomes as Items)[0]?.text).toContain("values-based, relational and collective");
    expect((december.actions as Items).length).toBeGreaterThan(3);
    expect((december.sectors as Json[]).map((s) => s.name)).toEqual(
      expect.arrayContaining(["Scottish Government", "COSLA", "Local Authorities", "Health Boards"]),
    );
    expect((december.milestones as Array<{ year: number }>).map((m) => m.year)).toEqual([
      2025, 2026, 2027, 2028, 2029, 2030,
    ]);
    expect((december.helping as Items).length).toBeGreaterThan(0);
    expect((december.whatMatters as Items).length).toBeGreaterThan(0);

    const juneUrl = (editions.editions as Array<{ url: string }>)[1]!.url;
    const june = await get(juneUrl);
    expect(june.stateOfPlay).toMatchObject({ title: "Scotland in 2024" });
    expect((june.outcomes as Items).every((o) => (o.pageRefs ?? "").length > 0)).toBe(true);
    const mappings = june.mappings as Array<{ framework: string; items: Items }>;
    expect(mappings.map((m) => m.framework)).toEqual(["promise_report", "plan_21_24", "uncrc", "shanarri"]);
    expect(mappings.some((m) => m.items.length > 0)).toBe(true);
  });

  it("shows Local Authorities every Leadership action, from the December 2025 edition", async () => {
    const sector = await get("/api/v1/sectors/local-authorities");
    const routeMaps = sector.routeMaps as Array<{
      theme: { slug: string };
      edition: { label: string };
      actions: Items;
    }>;
    const leadership = routeMaps.find((r) => r.theme.slug === "leadership");
    expect(leadership?.edition.label).toBe("December 2025");
    expect(leadership?.actions.length).toBeGreaterThan(3);
  });
});
