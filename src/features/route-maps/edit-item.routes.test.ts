import { describe, expect, it } from "vitest";
import { dom } from "../../../test/support/edit-pages.ts";
import { makeRouteMap } from "../../../test/support/editing-fixtures.ts";
import { editingApp } from "../../../test/support/editing-setup.ts";
import { getPage, postForm } from "../../../test/support/http.ts";

// The items of a draft on its edit page: add, change, move and remove, and sub-items.

const { db, app, editor, startDraft, editPage, versionOnPage } = await editingApp();

describe("editing the items of a draft", () => {
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
});
