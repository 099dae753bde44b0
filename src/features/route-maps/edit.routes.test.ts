import { describe, expect, it } from "vitest";
import { dom, errorSummaryLinks } from "../../../test/support/edit-pages.ts";
import { makeRouteMap } from "../../../test/support/editing-fixtures.ts";
import { editingApp } from "../../../test/support/editing-setup.ts";
import { anonymousSession, getPage, postForm, signIn } from "../../../test/support/http.ts";
import { getLatestEdition } from "./route-map.service.ts";

// The editing pages under /manage: who may use them, the overview, the edit page, preview,
// publish and discard. Drafts kept off the public pages are in edit.draft-hidden.test.ts; items in
// edit-item.routes.test.ts; refused forms and bad addresses in edit.errors.test.ts.

const { db, app, editor, otherEditor, startDraft, editPage, versionOnPage } = await editingApp();

const POST_ROUTES = (id: number, itemId: number, slug: string) => [
  `/manage/themes/${slug}/drafts`,
  `/manage/editions/${id}/details`,
  `/manage/editions/${id}/items`,
  `/manage/editions/${id}/items/${itemId}`,
  `/manage/editions/${id}/items/${itemId}/move`,
  `/manage/editions/${id}/items/${itemId}/delete`,
  `/manage/editions/${id}/publish`,
  `/manage/editions/${id}/discard`,
];

describe("who may use the editing pages", () => {
  it("the public are sent to sign in, and brought back to the page they asked for", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const edition = await getLatestEdition(db, fixture.themeSlug);
    for (const url of [
      "/manage",
      `/manage/editions/${id}`,
      `/manage/editions/${id}/preview`,
      `/manage/editions/${id}/discard`,
      `/manage/editions/${id}/items/${edition.outcomes[0]!.id}`,
    ]) {
      const response = await getPage(app, undefined, url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`);
    }
    const visitor = await anonymousSession(app);
    for (const url of POST_ROUTES(id, edition.outcomes[0]!.id, fixture.themeSlug)) {
      const response = await postForm(app, visitor, url, { version: 1, text: "Sneaky" });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toMatch(/^\/sign-in\?returnTo=%2Fmanage/);
    }
  });

  it("a reader is refused with a 403 page, and changes nothing", async () => {
    const fixture = await makeRouteMap(db);
    const reader = await signIn(app, db, "reader");
    const manage = await getPage(app, reader, "/manage");
    expect(manage.statusCode).toBe(403);
    expect(manage.body).toContain("You do not have permission to do that.");
    const start = await postForm(app, reader, `/manage/themes/${fixture.themeSlug}/drafts`, {});
    expect(start.statusCode).toBe(403);
    const drafts = await db
      .selectFrom("route_map_edition")
      .select("id")
      .where("theme_id", "=", fixture.themeId)
      .where("status", "=", "draft")
      .execute();
    expect(drafts).toEqual([]);
  });

  it("a form without its CSRF token is refused with 403 and nothing is saved", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const version = await versionOnPage(id);
    const item = (await editPage(id)).querySelector('a[href*="/items/"]')!.getAttribute("href")!;
    const itemId = Number(item.split("/").at(-1));
    for (const url of POST_ROUTES(id, itemId, fixture.themeSlug)) {
      const response = await app.inject({
        method: "POST",
        url,
        headers: { cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          version,
          label: "Forged",
          section: "outcome",
          text: "Forged",
        }).toString(),
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.body, url).toContain("This form has expired or did not come from Waymark");
    }
    expect(await versionOnPage(id)).toBe(version);
  });
});

describe("the editors' overview", () => {
  it("lists each route map with its published edition and a button to start a new edition, or a link to the draft", async () => {
    const fixture = await makeRouteMap(db);
    let doc = dom(await getPage(app, editor, "/manage"));
    const row = () =>
      [...doc.querySelectorAll("tbody tr")].find((r) => r.textContent!.includes(fixture.themeName))!;
    expect(row().textContent).toContain("June 2024");
    expect(
      row().querySelector(`form[action="/manage/themes/${fixture.themeSlug}/drafts"] button`)!.textContent,
    ).toMatch(/Start a new edition/);
    expect(row().querySelector('form input[name="_csrf"]')!.getAttribute("value")).toBe(editor.csrf);

    const { id } = await startDraft(fixture);
    doc = dom(await getPage(app, editor, "/manage"));
    const link = row().querySelector(`a[href="/manage/editions/${id}"]`)!;
    expect(link.textContent).toMatch(/Continue editing the draft/);
  });

  it("starting a second time goes to the existing draft, with a message", async () => {
    const fixture = await makeRouteMap(db);
    const first = await startDraft(fixture);
    expect(first.location).toBe(`/manage/editions/${first.id}?saved=started`);
    const second = await startDraft(fixture, otherEditor);
    expect(second.id).toBe(first.id);
    expect(second.location).toBe(`/manage/editions/${first.id}?saved=existing`);
    const page = await getPage(app, otherEditor, second.location);
    expect(page.body).toContain("This route map already has a draft, so you are editing that one.");
  });

  it("an unknown or malformed route map name is a 404", async () => {
    for (const slug of ["no-such-theme", "a%00b", "Leadership%20", "LEADERSHIP", "-leadership"]) {
      const response = await postForm(app, editor, `/manage/themes/${slug}/drafts`, {});
      expect(response.statusCode, slug).toBe(404);
    }
  });
});

describe("the edit page", () => {
  it("the edit page shows every section of the copied edition, and every form carries the version and CSRF token", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const response = await getPage(app, editor, `/manage/editions/${id}?saved=started`);
    expect(response.headers["cache-control"]).toBe("no-store");
    const doc = dom(response);
    expect(doc.querySelector("h1")!.textContent).toBe(`Edit the draft: ${fixture.themeName}`);
    expect(doc.querySelector(".ds_notification-message")!.textContent).toContain(
      "You have started a new edition.",
    );
    for (const anchor of [
      "details",
      "outcomes",
      "actions",
      "milestones",
      "sectors",
      "helping",
      "what-matters",
      "mappings",
      "publish",
    ]) {
      expect(doc.getElementById(anchor), anchor).not.toBeNull();
    }
    const main = doc.querySelector("main")!.textContent!;
    for (const text of [
      "Values-based leadership will exist at all levels.",
      "Why is collaborative, relational practice fragile?",
      "Promise keeper model explored.",
      fixture.sectors[0]!.name,
      "The Children and Families National Leadership Group.",
      "People who support me are all working together.",
      "Articles 3; 4; 19",
    ]) {
      expect(main).toContain(text);
    }
    const forms = [...doc.querySelectorAll("main form")];
    expect(forms.length).toBeGreaterThan(20);
    for (const form of forms) {
      expect(form.getAttribute("method")).toBe("post");
      expect(form.querySelector('input[name="_csrf"]')!.getAttribute("value")).toBe(editor.csrf);
      expect(form.querySelector('input[name="version"]')!.getAttribute("value")).toBe("1");
    }
    // Ids are unique, so labels and error links find their fields.
    const ids = [...doc.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const label of doc.querySelectorAll("label[for]")) {
      expect(doc.getElementById(label.getAttribute("for")!), label.getAttribute("for")!).not.toBeNull();
    }
  });
});

describe("preview, publish and discard", () => {
  it("the preview shows the draft as the public page will, under a 'not public' banner", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    await postForm(app, editor, `/manage/editions/${id}/items`, {
      version: await versionOnPage(id),
      section: "what_matters",
      text: "The people making big decisions care about what matters to us.",
    });
    const response = await getPage(app, editor, `/manage/editions/${id}/preview`);
    expect(response.statusCode).toBe(200);
    const doc = dom(response);
    expect(doc.querySelector(".ds_notification")!.textContent).toContain("Draft preview: not public");
    expect(doc.querySelector("main")!.textContent).toContain(
      "The people making big decisions care about what matters to us.",
    );
    expect(doc.querySelector("h1")!.textContent).toBe(fixture.themeName);
    expect(doc.querySelector(`main a[href="/manage/editions/${id}"]`)).not.toBeNull();
  });

  it("a reader may preview a draft but is not offered a way into editing it", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const reader = await signIn(app, db, "reader");
    const response = await getPage(app, reader, `/manage/editions/${id}/preview`);
    expect(response.statusCode).toBe(200);
    const doc = dom(response);
    expect(doc.querySelector(".ds_notification")!.textContent).toContain("Draft preview: not public");
    expect(doc.querySelector(`a[href^="/manage/editions/${id}"]`)).toBeNull();
  });

  it("publishing needs a real date, not before the previous edition's, and then the edition is the public one", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    let version = await versionOnPage(id);
    await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "action",
      text: "Public Services Reform Board to consider how to use the promise as an exemplar.",
    });
    version = await versionOnPage(id);

    const invalid = await postForm(app, editor, `/manage/editions/${id}/publish`, {
      version,
      "lastUpdated-day": "31",
      "lastUpdated-month": "2",
      "lastUpdated-year": "2025",
    });
    expect(invalid.statusCode).toBe(400);
    let doc = dom(invalid);
    expect(errorSummaryLinks(doc)).toEqual([
      { href: "#lastUpdated-day", text: "Enter a real date, for example 1 12 2025", targetExists: true },
    ]);
    expect(doc.querySelector("#lastUpdated-day")!.getAttribute("value")).toBe("31");

    const early = await postForm(app, editor, `/manage/editions/${id}/publish`, {
      version,
      "lastUpdated-day": "1",
      "lastUpdated-month": "1",
      "lastUpdated-year": "2024",
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("The date must be on or after 12 June 2024");

    const published = await postForm(app, editor, `/manage/editions/${id}/publish`, {
      version,
      "lastUpdated-day": "1",
      "lastUpdated-month": "12",
      "lastUpdated-year": "2025",
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/manage/editions/${id}?saved=published`);
    doc = dom(await getPage(app, editor, published.headers.location as string));
    expect(doc.querySelector("h1")!.textContent).toBe(`${fixture.themeName}: December 2025`);
    expect(doc.querySelector("main")!.textContent).toContain("Published editions cannot be changed");
    expect(doc.querySelectorAll("main form")).toHaveLength(0);

    const latest = await getLatestEdition(db, fixture.themeSlug);
    expect(latest.id).toBe(id);
    expect(latest.actions.map((a) => a.text)).toContain(
      "Public Services Reform Board to consider how to use the promise as an exemplar.",
    );

    // Editing it now is refused, clearly.
    const after = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version: String(latest.version),
      section: "helping",
      text: "Too late.",
    });
    expect(after.statusCode).toBe(403);
    expect(after.body).toContain("published editions cannot be changed");
  });

  it("discarding asks first, then deletes the draft and says so on the overview", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const confirm = dom(await getPage(app, editor, `/manage/editions/${id}/discard`));
    expect(confirm.querySelector("h1")!.textContent).toBe(
      `Discard the draft of the ${fixture.themeName} route map?`,
    );
    const version = confirm.querySelector('input[name="version"]')!.getAttribute("value")!;
    const response = await postForm(app, editor, `/manage/editions/${id}/discard`, { version });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/manage?saved=discarded&theme=${fixture.themeSlug}`);
    const overview = await getPage(app, editor, response.headers.location as string);
    expect(overview.body).toContain(`The draft of the ${fixture.themeName} route map has been discarded.`);
    expect((await getPage(app, editor, `/manage/editions/${id}`)).statusCode).toBe(404);
  });
});
