import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Db } from "../../src/platform/database.ts";
import { actionVersion, progressVersion } from "./accountability-fixtures.ts";
import type { Samples } from "./html-samples.ts";
import { getPage, postForm, type Session } from "./http.ts";

// Accountability's sample addresses for the HTML-validity test, from the demo data: the register,
// organisations with and without actions, actions with and without updates, and the signed-in
// pages; plus forms sent back with their errors.

export async function accountabilitySamples(app: FastifyInstance, db: Db, editor: Session) {
  const theme = await db
    .selectFrom("theme")
    .select("id")
    .where("slug", "=", "leadership")
    .executeTakeFirstOrThrow();
  const withUpdate = await db
    .selectFrom("progress_update")
    .select(["action_key", "id", "organisation_id"])
    .where("theme_id", "=", theme.id)
    .where("state", "=", "submitted")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  // An action The Promise Scotland leads that nobody has reported on yet.
  const responsibilities = await db
    .selectFrom("action_responsibility")
    .innerJoin("organisation", "organisation.id", "action_responsibility.organisation_id")
    .select("action_key")
    .where("theme_id", "=", theme.id)
    .where("organisation.slug", "=", "the-promise-scotland")
    .execute();
  const updated = await db.selectFrom("progress_update").select("action_key").execute();
  const quiet = responsibilities.find((r) => !updated.some((u) => u.action_key === r.action_key))!.action_key;
  const tpsId = (
    await db
      .selectFrom("organisation")
      .select("id")
      .where("slug", "=", "the-promise-scotland")
      .executeTakeFirstOrThrow()
  ).id;
  // The action's own version (who must act, by when) and The Promise Scotland's update of it.
  const version = (key: string) => actionVersion(db, theme.id, key);
  const progress = (key: string) => progressVersion(db, theme.id, key, tpsId);
  const organisationVersion = async (slug: string) =>
    (await db.selectFrom("organisation").select("version").where("slug", "=", slug).executeTakeFirstOrThrow())
      .version;

  const publicPages: Samples = {
    "/organisations": [{}],
    "/organisations/:slug": [
      { params: { slug: "the-promise-scotland" }, label: "leads actions" },
      { params: { slug: "glasgow-city" }, label: "named through its sector" },
      { params: { slug: "care-inspectorate" }, label: "named on nothing" },
    ],
    "/themes/:slug/actions/:key": [
      { params: { slug: "leadership", key: withUpdate.action_key }, label: "with an update" },
      { params: { slug: "leadership", key: quiet }, label: "with no update yet" },
    ],
  };
  const editorPages: Samples = {
    "/manage/themes/:slug/actions/:key/responsibility": [{ params: { slug: "leadership", key: quiet } }],
    "/progress": [{}],
    "/progress/:organisation": [
      { params: { organisation: "the-promise-scotland" } },
      {
        params: { organisation: "the-promise-scotland" },
        query: "?saved=submitted",
        label: "just submitted",
      },
    ],
    "/progress/:organisation/:theme/:key": [
      { params: { organisation: "the-promise-scotland", theme: "leadership", key: quiet } },
    ],
    "/manage/organisations/new": [{}],
    "/manage/organisations/:slug": [{ params: { slug: "the-promise-scotland" } }],
  };
  const tps = `/progress/the-promise-scotland/leadership/${quiet}`;
  const errors: Array<[string, Promise<LightMyRequestResponse>, number]> = [
    [
      "an organisation that is not there",
      getPage(app, undefined, "/organisations/no-such-organisation"),
      404,
    ],
    [
      "an update with mistakes",
      postForm(app, editor, tps, {
        version: await progress(quiet),
        status: "",
        percent: "lots",
        linkUrl: "not a link",
      }),
      400,
    ],
    [
      "an update from a stale form (conflict)",
      postForm(app, editor, tps, {
        version: (await progress(quiet)) + 5,
        status: "on_track",
        confidence: "evidenced",
        narrative: "Going well.",
      }),
      409,
    ],
    [
      "who must act, with mistakes",
      postForm(app, editor, `/manage/themes/leadership/actions/${quiet}/responsibility`, {
        version: await version(quiet),
        dueYear: "soon",
        weight: "lots",
      }),
      400,
    ],
    [
      "an organisation added with mistakes",
      postForm(app, editor, "/manage/organisations", {
        name: "",
        type: "club",
        areaCode: "12",
        sectors: "x",
      }),
      400,
    ],
    [
      "an organisation changed with mistakes",
      postForm(app, editor, "/manage/organisations/the-promise-scotland", {
        version: await organisationVersion("the-promise-scotland"),
        type: "club",
        sectors: "x",
      }),
      400,
    ],
    [
      "an organisation changed from a stale form (conflict)",
      postForm(app, editor, "/manage/organisations/the-promise-scotland", {
        version: "999999",
        type: "education",
        areaCode: "S12000033",
      }),
      409,
    ],
    [
      "an organisation just changed",
      getPage(app, editor, "/organisations/the-promise-scotland?saved=organisation"),
      200,
    ],
    [
      "an empty request for evidence",
      postForm(app, editor, `/manage/progress-updates/${withUpdate.id}/request-evidence`, {
        version: await progressVersion(db, theme.id, withUpdate.action_key, withUpdate.organisation_id),
        note: "",
      }),
      400,
    ],
  ];
  return { publicPages, editorPages, errors };
}
