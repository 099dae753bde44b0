import { describe, expect, it } from "vitest";
import { makeRouteMap } from "../../../test/support/editing-fixtures.ts";
import { editingApp } from "../../../test/support/editing-setup.ts";
import { getPage, postForm } from "../../../test/support/http.ts";

// A draft kept off the public pages while an editor works on it (the rest of the editing pages
// are in edit.routes.test.ts).

const { db, app, editor, startDraft, versionOnPage } = await editingApp();

describe("a draft is never public", () => {
  it("the public pages and the API show the published edition and none of the draft, until it is published", async () => {
    const fixture = await makeRouteMap(db);
    const draftOnlySector = await db
      .selectFrom("sector")
      .select("slug")
      .where("id", "=", fixture.sectors[2]!.id)
      .executeTakeFirstOrThrow();
    const { id } = await startDraft(fixture);
    const secret = "Draft-only words: not yet agreed with partners";
    let version = await versionOnPage(id);
    const additions: Array<Record<string, string>> = [
      { section: "action", text: `${secret} (action).` },
      { section: "outcome", text: `${secret} (outcome).` },
      { section: "milestone", year: "2027", text: `${secret} (milestone).` },
      { section: "sector", sectorId: String(fixture.sectors[2]!.id) },
    ];
    for (const fields of additions) {
      const response = await postForm(app, editor, `/manage/editions/${id}/items`, { version, ...fields });
      expect(response.statusCode).toBe(303);
      version = await versionOnPage(id);
    }

    const slug = fixture.themeSlug;
    const publishedId = fixture.publishedId!;
    const pages = [
      `/themes/${slug}`,
      `/themes/${slug}/editions`,
      `/themes/${slug}/editions/${id}`,
      `/themes/${slug}/compare?from=${publishedId}&to=${id}`,
      `/sectors/${draftOnlySector.slug}`,
      "/",
      `/api/v1/themes/${slug}`,
      `/api/v1/themes/${slug}/editions`,
      `/api/v1/themes/${slug}/editions/latest`,
      `/api/v1/themes/${slug}/editions/${id}`,
      `/api/v1/themes/${slug}/compare?from=${publishedId}&to=${id}`,
      `/api/v1/sectors/${draftOnlySector.slug}`,
    ];
    for (const url of pages) {
      const response = await getPage(app, undefined, url);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain("Draft-only words");
      expect(response.body, url).not.toContain(`/editions/${id}"`);
    }
    for (const url of [`/themes/${slug}/editions/${id}`, `/api/v1/themes/${slug}/editions/${id}`]) {
      expect((await getPage(app, undefined, url)).statusCode, url).toBe(404);
    }
    // The same pages do show the published edition: the checks above look where the words would be.
    const routeMap = await getPage(app, undefined, `/themes/${slug}`);
    expect(routeMap.statusCode).toBe(200);
    expect(routeMap.body).toContain("Values-based leadership will exist at all levels.");
    const api = await getPage(app, undefined, `/api/v1/themes/${slug}/editions/latest`);
    expect(api.statusCode).toBe(200);
    expect(api.body).toContain("Values-based leadership will exist at all levels.");
    const sector = await getPage(app, undefined, `/sectors/${draftOnlySector.slug}`);
    expect(sector.statusCode).toBe(200);
    expect(sector.body).not.toContain(fixture.themeName);

    const published = await postForm(app, editor, `/manage/editions/${id}/publish`, {
      version,
      "lastUpdated-day": "1",
      "lastUpdated-month": "12",
      "lastUpdated-year": "2025",
    });
    expect(published.statusCode).toBe(303);
    for (const url of [`/themes/${slug}`, `/api/v1/themes/${slug}/editions/latest`]) {
      const response = await getPage(app, undefined, url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(`${secret} (action).`);
    }
    expect((await getPage(app, undefined, `/sectors/${draftOnlySector.slug}`)).body).toContain(
      fixture.themeName,
    );
  });
});
