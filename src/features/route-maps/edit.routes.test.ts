import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeRouteMap, type RouteMapFixture } from "../../../test/support/editing-fixtures.ts";
import {
  anonymousSession,
  getPage,
  postForm,
  type Session,
  signIn,
  testApp,
} from "../../../test/support/http.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { CONFLICT_MESSAGE } from "./edition-editing.guard.ts";
import { getLatestEdition } from "./route-map.service.ts";

let handle: DatabaseHandle;
let db: Db;
let app: FastifyInstance;
let editor: Session;
let otherEditor: Session;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  app = await testApp(db);
  editor = await signIn(app, db, "editor");
  otherEditor = await signIn(app, db, "editor");
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

function dom(response: LightMyRequestResponse) {
  return parseHTML(response.body).document;
}

/** Starts a draft through the page's button; returns the draft's id and its edit page. */
async function startDraft(fixture: RouteMapFixture, session = editor) {
  const response = await postForm(app, session, `/manage/themes/${fixture.themeSlug}/drafts`, {});
  expect(response.statusCode).toBe(303);
  const id = Number(/^\/manage\/editions\/(\d+)\?/.exec(response.headers.location as string)![1]);
  return { id, location: response.headers.location as string };
}

async function editPage(id: number, session = editor) {
  const response = await getPage(app, session, `/manage/editions/${id}`);
  expect(response.statusCode).toBe(200);
  return dom(response);
}

/** The version the edit page's forms carry, as a browser would submit it. */
async function versionOnPage(id: number, session = editor): Promise<string> {
  const doc = await editPage(id, session);
  return doc.querySelector('form[action$="/details"] input[name="version"]')!.getAttribute("value")!;
}

/** The error summary's links, each with whether its target exists on the page. */
function errorSummaryLinks(doc: Document) {
  return [...doc.querySelectorAll(".ds_error-summary a")].map((a) => {
    const href = a.getAttribute("href")!;
    return { href, text: a.textContent!.trim(), targetExists: doc.getElementById(href.slice(1)) !== null };
  });
}

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

describe("editing a draft", () => {
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

  it("adding, changing, moving and removing items: each answer goes back to the section with a confirmation", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    let version = await versionOnPage(id);

    const added = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "outcome",
      text: "Leaders model a culture of speaking up.",
      pageRefs: "Pg 36",
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/manage/editions/${id}?saved=added&section=outcome#outcomes`);
    let doc = dom(await getPage(app, editor, added.headers.location as string));
    expect(doc.querySelector(".ds_notification-message")!.textContent).toContain(
      "The outcome has been added.",
    );
    expect(doc.getElementById("outcomes")!.textContent).toContain("Leaders model a culture of speaking up.");
    expect(doc.getElementById("outcomes")!.textContent).toContain("Page references: Pg 36");

    version = await versionOnPage(id);
    const draft = await db
      .selectFrom("edition_item")
      .select(["id", "text"])
      .where("edition_id", "=", id)
      .where("section", "=", "action")
      .where("parent_id", "is", null)
      .orderBy("position")
      .execute();
    const editForm = dom(await getPage(app, editor, `/manage/editions/${id}/items/${draft[1]!.id}`));
    expect(editForm.querySelector("h1")!.textContent).toBe("Edit action");
    expect(editForm.querySelector("textarea#text")!.textContent).toBe(draft[1]!.text);
    const updated = await postForm(app, editor, `/manage/editions/${id}/items/${draft[1]!.id}`, {
      version,
      text: "The revised Common Core will be agreed and launched.",
    });
    expect(updated.headers.location).toBe(`/manage/editions/${id}?saved=updated&section=action#actions`);

    version = await versionOnPage(id);
    const moved = await postForm(app, editor, `/manage/editions/${id}/items/${draft[1]!.id}/move`, {
      version,
      direction: "up",
    });
    expect(moved.headers.location).toBe(`/manage/editions/${id}?saved=moved&section=action#actions`);
    doc = dom(await getPage(app, editor, `/manage/editions/${id}`));
    const actionTexts = [...doc.querySelectorAll("#actions > ol > li > .wm-edit-item__text")].map((e) =>
      e.textContent!.trim(),
    );
    expect(actionTexts).toEqual(["The revised Common Core will be agreed and launched.", draft[0]!.text]);

    version = await versionOnPage(id);
    const removed = await postForm(app, editor, `/manage/editions/${id}/items/${draft[0]!.id}/delete`, {
      version,
    });
    expect(removed.headers.location).toBe(`/manage/editions/${id}?saved=removed&section=action#actions`);
    doc = dom(await getPage(app, editor, `/manage/editions/${id}`));
    expect(doc.getElementById("actions")!.textContent).not.toContain(draft[0]!.text);
    expect(doc.getElementById("actions")!.textContent).not.toContain(
      "Why is collaborative, relational practice fragile?",
    );

    version = await versionOnPage(id);
    const details = await postForm(app, editor, `/manage/editions/${id}/details`, {
      version,
      label: "December 2025",
      layout: "outcomes",
      introduction: "",
      stateOfPlayTitle: "Where is Scotland now?",
      stateOfPlay: "Work underway aligns with the Public Service Reform Strategy.",
      ambitionSummary: "",
      routeMapIntro: "",
    });
    expect(details.headers.location).toBe(`/manage/editions/${id}?saved=details#details`);
    doc = dom(await getPage(app, editor, `/manage/editions/${id}`));
    expect(doc.querySelector("#details-label")!.getAttribute("value")).toBe("December 2025");
    expect(doc.querySelector("#details-layout-outcomes")!.hasAttribute("checked")).toBe(true);
  });

  it("adds a sub-item under a main action, chosen from a list", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const doc = await editPage(id);
    const parent = doc.querySelector("#add-actions-parentId option:nth-child(2)")!.getAttribute("value")!;
    const response = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version: await versionOnPage(id),
      section: "action",
      text: "How do we create the time and space for learning in the work?",
      parentId: parent,
    });
    expect(response.statusCode).toBe(303);
    const after = await editPage(id);
    const firstAction = after.querySelector("#actions > ol > li")!;
    expect(firstAction.querySelector(".wm-edit-sublist")!.textContent).toContain(
      "How do we create the time and space for learning in the work?",
    );
  });

  it("errors re-render the form with the error summary linking to each field, the input kept, and nothing saved", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const version = await versionOnPage(id);

    const empty = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "outcome",
      text: "   ",
      pageRefs: "Pg 12",
    });
    expect(empty.statusCode).toBe(400);
    let doc = dom(empty);
    expect(doc.querySelector("title")!.textContent).toMatch(/^Error: /);
    expect(errorSummaryLinks(doc)).toEqual([
      { href: "#add-outcomes-text", text: "Enter the outcome", targetExists: true },
    ]);
    expect(doc.querySelector("#add-outcomes-pageRefs")!.getAttribute("value")).toBe("Pg 12");
    expect(
      doc
        .querySelector("#add-outcomes-text")!
        .closest(".ds_question")!
        .classList.contains("ds_question--error"),
    ).toBe(true);

    const year = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "milestone",
      text: "A milestone too far.",
      year: "2031",
    });
    expect(year.statusCode).toBe(400);
    doc = dom(year);
    expect(errorSummaryLinks(doc)).toEqual([
      { href: "#add-milestones-year", text: "Choose a year from 2025 to 2030", targetExists: true },
    ]);
    expect(doc.querySelector("#add-milestones-text")!.textContent).toBe("A milestone too far.");

    const longText = "x".repeat(10_001);
    const long = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "helping",
      text: longText,
    });
    expect(long.statusCode).toBe(400);
    expect(errorSummaryLinks(dom(long))[0]).toMatchObject({ href: "#add-helping-text", targetExists: true });

    const sector = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "sector",
      sectorId: "999999",
    });
    expect(sector.statusCode).toBe(400);
    expect(errorSummaryLinks(dom(sector))).toEqual([
      { href: "#add-sectors-sectorId", text: "Choose a sector from the list", targetExists: true },
    ]);

    const framework = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "mapping",
      framework: "sdg",
      text: "Goal 1",
    });
    expect(errorSummaryLinks(dom(framework))).toEqual([
      { href: "#add-mappings-framework", text: "Choose one of the four frameworks", targetExists: true },
    ]);

    const section = await postForm(app, editor, `/manage/editions/${id}/items`, {
      version,
      section: "chapter",
      text: "x",
    });
    expect(section.statusCode).toBe(400);
    expect(errorSummaryLinks(dom(section))).toEqual([
      { href: "#sections", text: "Choose a section to add to", targetExists: true },
    ]);

    const details = await postForm(app, editor, `/manage/editions/${id}/details`, {
      version,
      label: "",
      layout: "timeline",
      stateOfPlayTitle: "Where is Scotland now?",
      stateOfPlay: "Kept words.",
    });
    expect(details.statusCode).toBe(400);
    doc = dom(details);
    expect(errorSummaryLinks(doc).map((l) => [l.href, l.targetExists])).toEqual([
      ["#details-label", true],
      ["#details-layout-outcomes", true],
    ]);
    expect(doc.querySelector("#details-stateOfPlay")!.textContent).toBe("Kept words.");

    const item = await db
      .selectFrom("edition_item")
      .select("id")
      .where("edition_id", "=", id)
      .where("section", "=", "outcome")
      .executeTakeFirstOrThrow();
    const itemResponse = await postForm(app, editor, `/manage/editions/${id}/items/${item.id}`, {
      version,
      text: "",
      pageRefs: "Pg 99",
    });
    expect(itemResponse.statusCode).toBe(400);
    doc = dom(itemResponse);
    expect(errorSummaryLinks(doc)).toEqual([
      { href: "#text", text: "Enter the outcome", targetExists: true },
    ]);
    expect(doc.querySelector("#pageRefs")!.getAttribute("value")).toBe("Pg 99");

    expect(await versionOnPage(id)).toBe(version);
  });

  it("when two editors save the same version, the second sees the conflict, keeps their words, and the first's text stays", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const seenByBoth = await versionOnPage(id);
    const form = (stateOfPlay: string) => ({
      version: seenByBoth,
      label: "December 2025",
      layout: "outcomes",
      stateOfPlayTitle: "Where is Scotland now?",
      stateOfPlay,
    });
    const first = await postForm(
      app,
      editor,
      `/manage/editions/${id}/details`,
      form("Words from the first editor."),
    );
    expect(first.statusCode).toBe(303);
    const second = await postForm(
      app,
      otherEditor,
      `/manage/editions/${id}/details`,
      form("Words from the second editor."),
    );
    expect(second.statusCode).toBe(409);
    const doc = dom(second);
    expect(doc.querySelector(".ds_error-summary")!.textContent).toContain(CONFLICT_MESSAGE);
    expect(doc.querySelector("#details-stateOfPlay")!.textContent).toBe("Words from the second editor.");
    expect(doc.getElementById("details-stateOfPlay-hint")!.textContent).toContain(
      "Words from the first editor.",
    );
    // The forms now carry the current version: saving again is a choice made knowing the current text.
    expect(doc.querySelector('form[action$="/details"] input[name="version"]')!.getAttribute("value")).toBe(
      String(Number(seenByBoth) + 1),
    );
    const saved = await db
      .selectFrom("route_map_edition")
      .select("state_of_play")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(saved.state_of_play).toBe("Words from the first editor.");

    // Stale move, remove and item edits are conflicts too.
    const item = await db
      .selectFrom("edition_item")
      .select("id")
      .where("edition_id", "=", id)
      .where("section", "=", "outcome")
      .executeTakeFirstOrThrow();
    for (const [url, fields] of [
      [`/manage/editions/${id}/items/${item.id}/move`, { direction: "down" }],
      [`/manage/editions/${id}/items/${item.id}/delete`, {}],
      [`/manage/editions/${id}/items/${item.id}`, { text: "Stale words." }],
      [`/manage/editions/${id}/items`, { section: "helping", text: "Stale words." }],
    ] as const) {
      const response = await postForm(app, otherEditor, url, { version: seenByBoth, ...fields });
      expect(response.statusCode, url).toBe(409);
      expect(response.body, url).toContain("Someone else saved this edition since you opened it.");
    }
    // The words typed into an item form or an add form are kept after a conflict.
    const staleEdit = await postForm(app, otherEditor, `/manage/editions/${id}/items/${item.id}`, {
      version: seenByBoth,
      text: "Stale edit kept.",
    });
    expect(dom(staleEdit).querySelector("#text")!.textContent).toBe("Stale edit kept.");
    const staleAdd = await postForm(app, otherEditor, `/manage/editions/${id}/items`, {
      version: seenByBoth,
      section: "helping",
      text: "Stale addition kept.",
    });
    expect(dom(staleAdd).querySelector("#add-helping-text")!.textContent).toBe("Stale addition kept.");
    const outcomes = await db
      .selectFrom("edition_item")
      .select("text")
      .where("edition_id", "=", id)
      .where("section", "in", ["outcome", "helping"])
      .execute();
    expect(outcomes.map((o) => o.text)).not.toContain("Stale edit kept.");
    expect(outcomes.map((o) => o.text)).not.toContain("Stale addition kept.");
  });

  it("unknown and malformed ids are 404s", async () => {
    const fixture = await makeRouteMap(db);
    const { id } = await startDraft(fixture);
    const other = await startDraft(await makeRouteMap(db));
    const otherItem = await db
      .selectFrom("edition_item")
      .select("id")
      .where("edition_id", "=", other.id)
      .executeTakeFirstOrThrow();
    for (const url of [
      "/manage/editions/abc",
      "/manage/editions/0",
      "/manage/editions/-1",
      "/manage/editions/99999999999",
      "/manage/editions/2000000000",
      `/manage/editions/${id}/items/abc`,
      `/manage/editions/${id}/items/${otherItem.id}`,
      "/manage/editions/2000000000/preview",
      "/manage/editions/1e3/discard",
    ]) {
      const response = await getPage(app, editor, url);
      expect(response.statusCode, url).toBe(404);
    }
    for (const url of [
      "/manage/editions/abc/details",
      "/manage/editions/2000000000/items",
      `/manage/editions/${id}/items/9.5/move`,
      `/manage/editions/${id}/items/${otherItem.id}/delete`,
      "/manage/editions/2000000000/publish",
    ]) {
      const response = await postForm(app, editor, url, { version: 1, direction: "up" });
      expect(response.statusCode, url).toBe(404);
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
