import { describe, expect, it } from "vitest";
import { dom, errorSummaryLinks } from "../../../test/support/edit-pages.ts";
import { makeRouteMap } from "../../../test/support/editing-fixtures.ts";
import { editingApp } from "../../../test/support/editing-setup.ts";
import { getPage, postForm } from "../../../test/support/http.ts";
import { CONFLICT_MESSAGE } from "./edition-editing.guard.ts";

// When the editing pages refuse: form errors, conflicts between two editors, and addresses that
// name no edition or item.

const { db, app, editor, otherEditor, startDraft, versionOnPage } = await editingApp();

describe("refused changes and bad addresses", () => {
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
