import { describe, expect, it } from "vitest";
import { apiApp, type Json } from "../../../test/support/api-app.ts";

// The JSON API's headers as open data, drafts kept from the public, and comparing editions.

const { app, editor, ids, get } = await apiApp();

describe("the JSON API", () => {
  describe("answers as open data", () => {
    it("is JSON in UTF-8 that any site may read, cached publicly for a short time, without cookies", async () => {
      const { headers } = await get("/api/v1/programme");
      expect(headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(headers["access-control-allow-origin"]).toBe("*");
      expect(headers["access-control-allow-credentials"]).toBeUndefined();
      expect(headers["cache-control"]).toBe("public, max-age=60");
      expect(headers["set-cookie"]).toBeUndefined();
    });

    it("keeps answers for a signed-in person out of shared caches", async () => {
      const { headers } = await get("/api/v1/themes/leadership", editor);
      expect(headers["cache-control"]).toBe("private, no-store");
      expect(headers.vary).toContain("Cookie");
    });

    it("gives errors the same headers, so other sites can read them too", async () => {
      const { status, headers } = await get("/api/v1/themes/no-such-theme");
      expect(status).toBe(404);
      expect(headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(headers["access-control-allow-origin"]).toBe("*");
    });
  });

  describe("drafts", () => {
    it("are not found by the public, at any address", async () => {
      const { status, body } = await get(`/api/v1/themes/leadership/editions/${ids.draft}`);
      expect(status).toBe(404);
      expect(body).toEqual({
        error: { code: "not_found", message: expect.any(String), fields: {} },
      });
      for (const url of [
        "/api/v1/programme",
        "/api/v1/themes",
        "/api/v1/themes/leadership",
        "/api/v1/themes/leadership/editions",
        "/api/v1/themes/leadership/editions/latest",
        "/api/v1/sectors/local-authorities",
      ]) {
        const answer = await app.inject({ method: "GET", url });
        expect(answer.statusCode, url).toBe(200);
        expect(answer.body, url).not.toContain("Spring 2026");
        expect(answer.body, url).not.toContain("A draft action nobody outside may see yet.");
        expect(answer.body, url).not.toContain(`"status":"draft"`);
      }
    });

    it("are listed first for an editor, and readable in full", async () => {
      const list = await get("/api/v1/themes/leadership/editions", editor);
      expect((list.body.editions as Json[]).map((e) => [e.label, e.status])).toEqual([
        ["Spring 2026", "draft"],
        ["December 2025", "published"],
        ["June 2024", "published"],
      ]);
      const theme = await get("/api/v1/themes/leadership", editor);
      expect((theme.body.editions as Json[])[0]).toMatchObject({
        id: ids.draft,
        status: "draft",
        lastUpdated: null,
      });
      expect(theme.body.latestPublishedEditionId).toBe(ids.december2025);
      const draft = await get(`/api/v1/themes/leadership/editions/${ids.draft}`, editor);
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({
        status: "draft",
        lastUpdated: null,
        copiedFromId: ids.december2025,
        actions: [{ text: "A draft action nobody outside may see yet." }],
      });
    });

    it("never become an editor's latest edition before they are published", async () => {
      const { body } = await get("/api/v1/themes/leadership/editions/latest", editor);
      expect(body.id).toBe(ids.december2025);
    });
  });

  describe("comparing editions", () => {
    type Section = { id: string; added: Json[]; removed: Json[]; changed: Json[]; unchanged: Json[] };
    const sectionOf = (body: Json, id: string) => (body.sections as Section[]).find((s) => s.id === id)!;

    it("compares the latest published edition with the one before it, section by section", async () => {
      const { status, body } = await get("/api/v1/themes/leadership/compare");
      expect(status).toBe(200);
      expect(body).toMatchObject({
        theme: { slug: "leadership", name: "Leadership" },
        from: { id: ids.june2024, label: "June 2024" },
        to: { id: ids.december2025, label: "December 2025" },
        layoutChange: { from: "ambitions", to: "outcomes" },
        hasChanges: true,
      });
      expect((body.sections as Section[]).map((s) => s.id)).toEqual([
        "introduction",
        "state-of-play",
        "by-2030",
        "route-map",
        "milestones",
        "who",
        "helping",
        "what-matters",
        "mapping",
      ]);
      const routeMap = sectionOf(body, "route-map");
      expect(routeMap.removed).toEqual([expect.objectContaining({ text: "Develop leadership learning." })]);
      expect(routeMap.added.map((i) => i.text)).toEqual([
        "The Promise Scotland to support local authorities to develop clear delivery plans.",
        "Via Promise Leads or Delivery Partners.",
        "The Independent Strategic Advisor to visit local areas.",
      ]);
      expect(sectionOf(body, "milestones").added).toEqual([
        expect.objectContaining({ text: "Leadership forums meet in every area.", detail: "2026" }),
      ]);
      const who = sectionOf(body, "who");
      expect(who.added.map((i) => i.text)).toEqual(["Local Authorities"]);
      expect(who.removed.map((i) => i.text)).toEqual([]);
      expect(body.totals).toEqual({ added: expect.any(Number), removed: 2, changed: 0 });
    });

    it("compares the editions asked for, either way round", async () => {
      const { status, body } = await get(
        `/api/v1/themes/leadership/compare?from=${ids.december2025}&to=${ids.june2024}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ from: { id: ids.december2025 }, to: { id: ids.june2024 } });
      expect(sectionOf(body, "route-map").added).toEqual([
        expect.objectContaining({ text: "Develop leadership learning." }),
      ]);
    });

    it("keeps drafts out of comparisons for the public, and lets an editor compare a draft", async () => {
      const hidden = await get(`/api/v1/themes/leadership/compare?to=${ids.draft}`);
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain("draft action");
      const shown = await get(`/api/v1/themes/leadership/compare?to=${ids.draft}`, editor);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        from: { id: ids.december2025 },
        to: { id: ids.draft, status: "draft" },
      });
      expect(sectionOf(shown.body, "route-map").added).toEqual([
        expect.objectContaining({ text: "A draft action nobody outside may see yet." }),
      ]);
    });

    it.each([
      ["from=abc", { from: "must be a whole number" }],
      ["from=0", { from: "must be 1 or more" }],
      ["to=99999999999", { to: "must be 2147483647 or less" }],
      ["from=1.5&to=2", { from: "must be a whole number" }],
      ["from=1&from=2", { from: "must be a whole number" }],
      ["from=", { from: "must be a whole number" }],
    ])("refuses a malformed edition (?%s), naming the parameter", async (query, fields) => {
      const { status, body } = await get(`/api/v1/themes/leadership/compare?${query}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: { code: "validation", message: expect.any(String), fields } });
    });

    it("refuses to compare an edition with itself", async () => {
      const { status, body } = await get(
        `/api/v1/themes/leadership/compare?from=${ids.june2024}&to=${ids.june2024}`,
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: "validation", fields: { to: expect.any(String) } } });
    });

    it("does not find editions that are not this route map's, or a route map with nothing to compare", async () => {
      for (const url of [
        "/api/v1/themes/leadership/compare?from=2147483647",
        "/api/v1/themes/listening/compare",
        `/api/v1/themes/listening/compare?from=${ids.june2024}&to=${ids.december2025}`,
        "/api/v1/themes/no-such-theme/compare",
      ]) {
        const { status, body } = await get(url);
        expect(status, url).toBe(404);
        expect(body, url).toMatchObject({ error: { code: "not_found", fields: {} } });
      }
    });
  });
});
