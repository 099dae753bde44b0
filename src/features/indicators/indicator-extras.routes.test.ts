import type { FastifyInstance } from "fastify";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { makeRouteMap, type RouteMapFixture } from "../../../test/support/editing-fixtures.ts";
import { createEdition } from "../../../test/support/factories.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import type { DatabaseHandle, Db } from "../../platform/database.ts";
import { actorWithRole, createTestIndicator } from "./indicator.test-support.ts";

// Beside an indicator, through its editing page's forms: experiential evidence (only with consent
// and anonymised, both confirmed) and the route-map actions meant to move it. Bad input is refused
// naming the field, with nothing saved; stale forms are conflicts; every change is audited; what
// the public see changes with it.

let handle: DatabaseHandle;
let db: Db;
let app: FastifyInstance;
let analyst: Session;
let slug: string;
let indicatorId: number;
let actionIds: number[];
let routeMap: RouteMapFixture;

beforeAll(async () => {
  handle = await createTestDatabase("empty");
  db = handle.db;
  app = await testApp(db);
  analyst = await signIn(app, db, "analyst");
  const created = await createTestIndicator(db, await actorWithRole(db, "analyst"), { published: true });
  slug = created.slug;
  indicatorId = created.id;
  routeMap = await makeRouteMap(db);
  actionIds = (
    await db
      .selectFrom("edition_item")
      .select("id")
      .where("edition_id", "=", routeMap.publishedId!)
      .where("section", "=", "action")
      .where("parent_id", "is", null)
      .orderBy("position")
      .execute()
  ).map((r) => r.id);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const doc = (body: string) => parseHTML(body).document;
const editPath = () => `/manage/indicators/${slug}/edit`;

async function evidenceRows() {
  return db
    .selectFrom("indicator_evidence")
    .selectAll()
    .where("indicator_id", "=", indicatorId)
    .orderBy("id")
    .execute();
}

async function audits(action: string): Promise<number> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const QUOTE = {
  kind: "quote",
  text: "Having the same worker for three years meant I could finally trust someone.",
  attribution: "A young person with care experience, aged 17",
  source: "Care Experienced Survey 2024",
  consented: "yes",
  anonymised: "yes",
};

describe("experiential evidence", () => {
  it("is refused without consent and anonymisation confirmed, naming each, and nothing is saved", async () => {
    const response = await postForm(app, analyst, `/manage/indicators/${slug}/evidence`, {
      kind: "poem",
      text: "",
      attribution: "kept",
    });
    expect(response.statusCode).toBe(400);
    const page = doc(response.body);
    const links = Array.from(page.querySelectorAll(".ds_error-summary a"), (a) => a.getAttribute("href"));
    expect(links).toEqual([
      "#evidence-kind-quote",
      "#evidence-text",
      "#evidence-consented",
      "#evidence-anonymised",
    ]);
    for (const href of links) expect(page.querySelector(href!), href!).not.toBeNull();
    expect(page.querySelector("#evidence-consented-error, #evidence-consented")).not.toBeNull();
    expect(page.querySelector("#evidence-attribution")?.getAttribute("value")).toBe("kept");
    expect(await evidenceRows()).toHaveLength(0);
  });

  it("adds, changes and removes a quote, audited, and the public page follows", async () => {
    const added = await postForm(app, analyst, `/manage/indicators/${slug}/evidence`, QUOTE);
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${editPath()}?saved=evidence-added#evidence`);
    const [row] = await evidenceRows();
    expect(row).toMatchObject({
      kind: "quote",
      text: QUOTE.text,
      consented: true,
      anonymised: true,
      version: 1,
    });
    expect(await audits("indicator.evidence_add")).toBe(1);
    expect((await app.inject({ url: `/indicators/${slug}` })).body).toContain("finally trust someone");

    const page = doc((await getPage(app, analyst, editPath())).body);
    expect(page.querySelector(`#evidence-${row!.id}-text`)?.textContent).toBe(QUOTE.text);

    const changed = await postForm(app, analyst, `/manage/indicators/${slug}/evidence/${row!.id}`, {
      ...QUOTE,
      version: 1,
      kind: "survey_finding",
      text: "Seven in ten said they felt listened to.",
    });
    expect(changed.statusCode).toBe(303);
    expect((await evidenceRows())[0]).toMatchObject({ kind: "survey_finding", version: 2 });
    expect(await audits("indicator.evidence_update")).toBe(1);

    // A change from the page as it was before: a conflict, the words kept, nothing overwritten.
    const stale = await postForm(app, analyst, `/manage/indicators/${slug}/evidence/${row!.id}`, {
      ...QUOTE,
      version: 1,
      text: "An older wording",
    });
    expect(stale.statusCode).toBe(409);
    expect(doc(stale.body).querySelector(`#evidence-${row!.id}-text`)?.textContent).toBe("An older wording");
    expect((await evidenceRows())[0]!.text).toBe("Seven in ten said they felt listened to.");
    const staleRemove = await postForm(
      app,
      analyst,
      `/manage/indicators/${slug}/evidence/${row!.id}/remove`,
      { version: 1 },
    );
    expect(staleRemove.statusCode).toBe(409);
    expect(await evidenceRows()).toHaveLength(1);

    const removed = await postForm(app, analyst, `/manage/indicators/${slug}/evidence/${row!.id}/remove`, {
      version: 2,
    });
    expect(removed.statusCode).toBe(303);
    expect(await evidenceRows()).toHaveLength(0);
    expect(await audits("indicator.evidence_remove")).toBe(1);
    expect((await app.inject({ url: `/indicators/${slug}` })).body).not.toContain("felt listened to");
  });

  it("is 404 for evidence of another indicator, and refused for a reader", async () => {
    const other = await createTestIndicator(db, await actorWithRole(db, "analyst"));
    await postForm(app, analyst, `/manage/indicators/${other.slug}/evidence`, QUOTE);
    const theirs = await db
      .selectFrom("indicator_evidence")
      .select(["id", "version"])
      .where("indicator_id", "=", other.id)
      .executeTakeFirstOrThrow();
    const wrong = await postForm(app, analyst, `/manage/indicators/${slug}/evidence/${theirs.id}/remove`, {
      version: theirs.version,
    });
    expect(wrong.statusCode).toBe(409);
    expect(
      await db.selectFrom("indicator_evidence").select("id").where("id", "=", theirs.id).executeTakeFirst(),
    ).toBeDefined();
    const reader = await signIn(app, db, "reader");
    expect((await postForm(app, reader, `/manage/indicators/${slug}/evidence`, QUOTE)).statusCode).toBe(403);
    expect((await postForm(app, analyst, "/manage/indicators/no-such/evidence", QUOTE)).statusCode).toBe(404);
  });
});

describe("linked route-map actions", () => {
  it("links an action chosen from the list, shows it on the public page, and unlinks it; all audited", async () => {
    const page = doc((await getPage(app, analyst, editPath())).body);
    const options = Array.from(page.querySelectorAll("#link-action option"), (o) => o.getAttribute("value"));
    expect(options).toEqual(["", ...actionIds.map(String)]);

    const linked = await postForm(app, analyst, `/manage/indicators/${slug}/actions`, {
      action: actionIds[1]!,
    });
    expect(linked.statusCode).toBe(303);
    expect(await audits("indicator.action_link")).toBe(1);
    const publicPage = doc((await app.inject({ url: `/indicators/${slug}` })).body);
    expect(publicPage.querySelector("section[aria-labelledby=actions] table")?.textContent).toContain(
      "revised Common Core",
    );

    const after = doc((await getPage(app, analyst, editPath())).body);
    expect(Array.from(after.querySelectorAll("#link-action option"), (o) => o.getAttribute("value"))).toEqual(
      ["", String(actionIds[0])],
    );

    const unlinked = await postForm(
      app,
      analyst,
      `/manage/indicators/${slug}/actions/${actionIds[1]}/remove`,
      {},
    );
    expect(unlinked.statusCode).toBe(303);
    expect(await audits("indicator.action_unlink")).toBe(1);
    expect(
      await db.selectFrom("indicator_action").selectAll().where("indicator_id", "=", indicatorId).execute(),
    ).toHaveLength(0);
  });

  it("refuses no choice, a made-up id and an item that is not an action, naming the field", async () => {
    const outcomeItem = await db
      .selectFrom("edition_item")
      .select("id")
      .where("section", "=", "outcome")
      .executeTakeFirstOrThrow();
    for (const action of ["", "abc", "999999", String(outcomeItem.id)]) {
      const response = await postForm(app, analyst, `/manage/indicators/${slug}/actions`, { action });
      expect(response.statusCode, action).toBe(400);
      expect(doc(response.body).querySelector("#link-action-error")?.textContent).toBe(
        "Choose a route-map action to link",
      );
    }
    expect(
      await db.selectFrom("indicator_action").selectAll().where("indicator_id", "=", indicatorId).execute(),
    ).toHaveLength(0);
  });

  it("offers and accepts only the newest published edition's actions, never a draft's or an older one's", async () => {
    // An older edition entered after the current one (a higher id, an earlier date), then a draft
    // (the newest of all): an analyst may not read the draft, and the older one is not current.
    const draftText = "UNPUBLISHED-DRAFT-ACTION-5c1e: not yet agreed with anyone";
    const olderText = "Older published action 9a3f, replaced since";
    const older = await createEdition(db, {
      themeId: routeMap.themeId,
      status: "published",
      lastUpdated: "2023-01-10",
      actions: [olderText],
    });
    const draft = await createEdition(db, {
      themeId: routeMap.themeId,
      status: "draft",
      actions: [draftText],
    });
    const itemOf = async (editionId: number) =>
      (
        await db
          .selectFrom("edition_item")
          .select("id")
          .where("edition_id", "=", editionId)
          .where("section", "=", "action")
          .executeTakeFirstOrThrow()
      ).id;
    const response = await getPage(app, analyst, editPath());
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain("UNPUBLISHED-DRAFT-ACTION-5c1e");
    expect(response.body).not.toContain("9a3f");
    const options = Array.from(doc(response.body).querySelectorAll("#link-action option"), (o) =>
      o.getAttribute("value"),
    );
    expect(options).toEqual(["", ...actionIds.map(String)]);

    for (const itemId of [await itemOf(draft.id), await itemOf(older.id)]) {
      const refused = await postForm(app, analyst, `/manage/indicators/${slug}/actions`, { action: itemId });
      expect(refused.statusCode, String(itemId)).toBe(400);
      const page = doc(refused.body);
      expect(page.querySelector("#link-action-error")?.textContent).toBe("Choose a route-map action to link");
      expect(refused.body).not.toContain("UNPUBLISHED-DRAFT-ACTION-5c1e");
    }
    expect(
      await db.selectFrom("indicator_action").selectAll().where("indicator_id", "=", indicatorId).execute(),
    ).toHaveLength(0);

    // A draft's action linked before this was refused: listed, to be unlinked, without its words.
    const draftItem = await itemOf(draft.id);
    await db
      .insertInto("indicator_action")
      .values({ indicator_id: indicatorId, edition_item_id: draftItem })
      .execute();
    const withLink = await getPage(app, analyst, editPath());
    expect(withLink.body).not.toContain("UNPUBLISHED-DRAFT-ACTION-5c1e");
    expect(doc(withLink.body).querySelector("section[aria-labelledby=actions] table")?.textContent).toContain(
      "An action of a draft edition, not yet published",
    );
    const unlinked = await postForm(
      app,
      analyst,
      `/manage/indicators/${slug}/actions/${draftItem}/remove`,
      {},
    );
    expect(unlinked.statusCode).toBe(303);
  });
});
