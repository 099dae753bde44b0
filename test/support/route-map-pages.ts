import type { FastifyInstance } from "fastify";
import type { Section } from "../../src/db/schema.ts";
import { getProgramme, listEditions, listSectors } from "../../src/features/route-maps/route-map.service.ts";
import { PUBLIC } from "../../src/platform/actor.ts";
import type { Db } from "../../src/platform/database.ts";
import type { ErrorPage, RecordPage, Samples } from "./html-samples.ts";
import { getPage, postForm, type Session } from "./http.ts";

// Route maps' samples for the HTML-validity test, from the demo data: the public pages of the
// programme, foundations, route maps, editions and sectors, and the editing pages on a draft of
// the Leadership route map with an item in every section; then each editing form sent back with
// its errors, and the draft laid out the June 2024 way.

async function version(db: Db, editionId: number): Promise<number> {
  const row = await db
    .selectFrom("route_map_edition")
    .select("version")
    .where("id", "=", editionId)
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function routeMapSamples(app: FastifyInstance, db: Db, editor: Session) {
  // Start a draft of the Leadership route map so the editing pages have something to show.
  const started = await postForm(app, editor, "/manage/themes/leadership/drafts", {});
  if (started.statusCode !== 303) throw new Error(`Could not start a draft: ${started.statusCode}`);
  const draftId = Number(/\/manage\/editions\/(\d+)/.exec(String(started.headers.location))![1]);
  // The draft is a copy of December 2025, which has nothing in some sections (what is helping,
  // the mapping table): add one item to every section, so every kind of item page exists.
  const inDraft = await db
    .selectFrom("edition_item")
    .select("sector_id")
    .where("edition_id", "=", draftId)
    .where("section", "=", "sector")
    .execute();
  const sectorId = (await listSectors(db)).find((s) => !inDraft.some((i) => i.sector_id === s.id))!.id;
  const additions: Array<Record<string, string | number>> = [
    { section: "outcome", text: "Leaders model a culture of speaking up.", pageRefs: "Pg 36" },
    { section: "milestone", text: "The revised Common Core is launched.", year: 2026 },
    { section: "sector", sectorId },
    { section: "helping", text: "The Promise Scotland’s leadership programme." },
    { section: "what_matters", text: "That the people in charge listen to us." },
    { section: "mapping", framework: "uncrc", text: "Article 12" },
  ];
  for (const fields of additions) {
    const added = await postForm(app, editor, `/manage/editions/${draftId}/items`, {
      version: await version(db, draftId),
      ...fields,
    });
    if (added.statusCode !== 303)
      throw new Error(`Could not add a ${String(fields.section)}: ${added.body.slice(0, 500)}`);
  }
  const items = await db
    .selectFrom("edition_item")
    .select(["id", "section", "parent_id"])
    .where("edition_id", "=", draftId)
    .orderBy("position")
    .execute();
  const itemPages = new Map<string, number>();
  for (const item of items) {
    const kind: string = item.parent_id === null ? item.section : `${item.section} (sub-item)`;
    if (!itemPages.has(kind)) itemPages.set(kind, item.id);
  }
  const firstItem = (section: Section): number => itemPages.get(section)!;

  const programme = await getProgramme(db);
  const themes = programme.foundations.flatMap((f) => f.themes);
  const unpublished = themes.find((t) => t.latest === null)!;
  const { editions } = await listEditions(db, PUBLIC, "leadership");
  const published = editions.filter((e) => e.status === "published");
  const publishedItem = await db
    .selectFrom("edition_item")
    .select("id")
    .where("edition_id", "=", published[0]!.id)
    .executeTakeFirstOrThrow();

  const publicPages: Samples = {
    "/": [{}],
    "/foundations/:slug": programme.foundations.map((f) => ({ params: { slug: f.slug } })),
    "/themes/:slug": [
      { params: { slug: "leadership" } },
      { params: { slug: unpublished.slug }, label: "no edition published yet" },
    ],
    "/themes/:slug/editions": [
      { params: { slug: "leadership" } },
      { params: { slug: unpublished.slug }, label: "no edition published yet" },
    ],
    "/themes/:slug/editions/:id": published.map((e) => ({ params: { slug: "leadership", id: e.id } })),
    "/themes/:slug/compare": [
      { params: { slug: "leadership" } },
      {
        params: { slug: "leadership" },
        query: `?from=${published[0]!.id}&to=${published[1]!.id}`,
        label: "newer against older",
      },
      { params: { slug: unpublished.slug }, label: "nothing to compare" },
    ],
    "/sectors": [{}],
    "/sectors/:slug": (await listSectors(db)).map((s) => ({ params: { slug: s.slug } })),
  };
  const editorPages: Samples = {
    "/manage": [{}, { query: "?saved=discarded&theme=leadership", label: "after discarding a draft" }],
    "/manage/editions/:id": [
      { params: { id: draftId }, label: "draft" },
      { params: { id: draftId }, query: "?saved=started", label: "draft just started" },
      { params: { id: published[0]!.id }, label: "published edition" },
    ],
    "/manage/editions/:id/items/:itemId": [
      ...[...itemPages].map(([kind, itemId]) => ({ params: { id: draftId, itemId }, label: kind })),
      { params: { id: published[0]!.id, itemId: publishedItem.id }, label: "in a published edition" },
    ],
    "/manage/editions/:id/preview": [{ params: { id: draftId } }],
    "/manage/editions/:id/discard": [{ params: { id: draftId } }],
  };

  /** Error pages and editing forms sent back with their errors; then the draft in the June 2024 layout. */
  async function visitErrors(errorPage: ErrorPage, record: RecordPage): Promise<void> {
    await errorPage("no such route map", getPage(app, undefined, "/themes/no-such-theme"), 404);
    await errorPage(
      "malformed edition address",
      getPage(app, undefined, "/themes/leadership/editions/x"),
      404,
    );
    await errorPage(
      "comparing an edition with itself",
      getPage(app, undefined, `/themes/leadership/compare?from=${published[0]!.id}&to=${published[0]!.id}`),
      400,
    );
    await errorPage(
      "a draft, to the public",
      getPage(app, undefined, `/themes/leadership/editions/${draftId}`),
      404,
    );
    await errorPage("no such edition, to an editor", getPage(app, editor, "/manage/editions/999999"), 404);
    const current = await version(db, draftId);
    await errorPage(
      "adding an empty outcome",
      postForm(app, editor, `/manage/editions/${draftId}/items`, {
        version: current,
        section: "outcome",
        text: "",
      }),
      400,
    );
    await errorPage(
      "adding a milestone outside 2025–2030",
      postForm(app, editor, `/manage/editions/${draftId}/items`, {
        version: current,
        section: "milestone",
        text: "Too far.",
        year: 2031,
      }),
      400,
    );
    await errorPage(
      "edition details with an empty label",
      postForm(app, editor, `/manage/editions/${draftId}/details`, {
        version: current,
        label: "",
        layout: "timeline",
      }),
      400,
    );
    await errorPage(
      "editing an action to empty text",
      postForm(app, editor, `/manage/editions/${draftId}/items/${firstItem("action")}`, {
        version: current,
        text: "",
      }),
      400,
    );
    await errorPage(
      "publishing with an impossible date",
      postForm(app, editor, `/manage/editions/${draftId}/publish`, {
        version: current,
        "lastUpdated-day": "31",
        "lastUpdated-month": "2",
        "lastUpdated-year": "2026",
      }),
      400,
    );
    await errorPage(
      "saving details from a stale form (conflict)",
      postForm(app, editor, `/manage/editions/${draftId}/details`, {
        version: current - 1,
        label: "New edition",
        layout: "outcomes",
      }),
      409,
    );
    await errorPage(
      "editing an item from a stale form (conflict)",
      postForm(app, editor, `/manage/editions/${draftId}/items/${firstItem("outcome")}`, {
        version: current - 1,
        text: "Reworded.",
      }),
      409,
    );
    await errorPage(
      "discarding from a stale form (conflict)",
      postForm(app, editor, `/manage/editions/${draftId}/discard`, { version: current - 1 }),
      409,
    );

    // The same draft laid out as a June 2024 page (2030 ambitions with page references).
    const toAmbitions = await postForm(app, editor, `/manage/editions/${draftId}/details`, {
      version: current,
      label: "New edition",
      layout: "ambitions",
      introduction: "This route map sets out what must happen.",
      stateOfPlayTitle: "Scotland in 2024",
      stateOfPlay: "Work is underway.",
      ambitionSummary: "By 2030, leaders will listen.",
      routeMapIntro: "To get there:",
    });
    if (toAmbitions.statusCode !== 303) throw new Error(`Could not change the layout: ${toAmbitions.body}`);
    record(
      "draft laid out with 2030 ambitions",
      await getPage(app, editor, `/manage/editions/${draftId}`),
      200,
    );
    record(
      "preview laid out with 2030 ambitions",
      await getPage(app, editor, `/manage/editions/${draftId}/preview`),
      200,
    );
  }

  return { publicPages, editorPages, visitErrors };
}
