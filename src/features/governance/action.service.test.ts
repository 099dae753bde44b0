import { describe, expect, it } from "vitest";
import { refusal } from "../../../test/support/editing-fixtures.ts";
import { createTheme } from "../../../test/support/factories.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../platform/errors.ts";
import { listItems } from "../route-maps/route-map.repository.ts";
import { actionsForRouteMapItem, addAction, promoteAction } from "./action.service.ts";
import { governanceDatabase } from "./governance.test-support.ts";
import { getMeeting, planMeeting } from "./meeting.service.ts";

const { db, editor, reader, run, makeGroup, secretaryOf } = await governanceDatabase();

describe("promoting an action into a route map", () => {
  it("adds it to the route map's draft edition, and each side finds the other", async () => {
    const group = await makeGroup();
    const theme = await createTheme(db);
    const meetingId = await run((trx) =>
      planMeeting(trx, editor, group.id, { date: "2024-08-05", status: "held" }),
    );
    const actionId = await run((trx) =>
      addAction(trx, editor, meetingId, {
        text: "Review the statutory guidance for children's services planning",
      }),
    );
    const { editionId, itemId } = await run((trx) =>
      promoteAction(trx, editor, actionId, { themeSlug: theme.slug }),
    );

    const item = (await listItems(db, editionId)).find((i) => i.id === itemId)!;
    expect(item).toMatchObject({
      section: "action",
      text: "Review the statutory guidance for children's services planning",
    });
    const action = (await getMeeting(db, editor, meetingId)).otherActions[0]!;
    expect(action.routeMapItem).toEqual({ editionItemId: itemId, key: item.key });
    expect((await actionsForRouteMapItem(db, editor, item.key)).map((a) => a.id)).toEqual([actionId]);
    // The minutes are a draft: the public do not learn of the action through the route map.
    expect(await actionsForRouteMapItem(db, { kind: "public" }, item.key)).toEqual([]);

    expect(
      await refusal(run((trx) => promoteAction(trx, editor, actionId, { themeSlug: theme.slug }))),
    ).toBeInstanceOf(ConflictError);
  });

  it("needs a route map that exists, and the right to edit route maps as well as to manage the group", async () => {
    const group = await makeGroup();
    const theme = await createTheme(db);
    const meetingId = await run((trx) => planMeeting(trx, editor, group.id, { date: "2024-08-05" }));
    const actionId = await run((trx) => addAction(trx, editor, meetingId, { text: "Map the groups" }));
    expect(
      await refusal(run((trx) => promoteAction(trx, editor, actionId, { themeSlug: "no-such-route-map" }))),
    ).toBeInstanceOf(ValidationError);
    const secretary = await secretaryOf(group.id);
    expect(
      await refusal(run((trx) => promoteAction(trx, secretary, actionId, { themeSlug: theme.slug }))),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await refusal(run((trx) => promoteAction(trx, reader, actionId, { themeSlug: theme.slug }))),
    ).toBeInstanceOf(ForbiddenError);
  });
});
