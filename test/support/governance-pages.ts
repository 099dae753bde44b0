import { addAction } from "../../src/features/governance/action.service.ts";
import { createGroup } from "../../src/features/governance/group.service.ts";
import { planMeeting } from "../../src/features/governance/meeting.service.ts";
import { agreeMinutes, publishMinutes } from "../../src/features/governance/minutes.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { makeUser } from "./editing-fixtures.ts";

type Samples = Record<
  string,
  Array<{ params?: Record<string, string | number>; query?: string; label?: string }>
>;

/**
 * Sample addresses of governance's action-log pages, for the HTML-validity test, on a group of
 * their own: published minutes with open, overdue and closed actions, and draft minutes with one.
 */
export async function governancePages(db: Db): Promise<{ publicPages: Samples; editorPages: Samples }> {
  const admin = await makeUser(db, "administrator");
  const run = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  const group = await run((trx) => createGroup(trx, admin, { name: "Action Log Sample Group" }));
  const published = await run((trx) =>
    planMeeting(trx, admin, group.id, { date: "2024-05-21", status: "held" }),
  );
  await run((trx) =>
    addAction(trx, admin, published, {
      text: "Circulate the timeline",
      ownerPerson: "Fiona Duncan",
      dueDate: "2024-06-01",
    }),
  );
  await run((trx) =>
    addAction(trx, admin, published, { text: "Review the plan", ownerOrganisation: "COSLA" }),
  );
  await run((trx) => agreeMinutes(trx, admin, published, {}));
  await run((trx) => publishMinutes(trx, admin, published, { publishedOn: "2024-07-01" }));
  const draft = await run((trx) => planMeeting(trx, admin, group.id, { date: "2024-06-11", status: "held" }));
  await run((trx) => addAction(trx, admin, draft, { text: "Write to the Minister", dueDate: "2099-01-01" }));
  const slug = { slug: group.slug };
  return {
    publicPages: {
      "/groups/:slug/actions": [
        { params: slug },
        { params: slug, query: "?status=open", label: "open actions" },
        { params: slug, query: "?status=closed", label: "no closed actions" },
      ],
    },
    editorPages: {
      "/manage/groups/:slug/actions": [
        { params: slug },
        { params: slug, query: "?saved=action-status", label: "after closing an action" },
      ],
    },
  };
}
