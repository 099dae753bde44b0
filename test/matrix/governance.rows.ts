import { addAction } from "../../src/features/governance/action.service.ts";
import { addAgendaItem, addPaper } from "../../src/features/governance/agenda.service.ts";
import { findGroupById } from "../../src/features/governance/group.service.ts";
import { planMeeting } from "../../src/features/governance/meeting.service.ts";
import { addMembership } from "../../src/features/governance/membership.service.ts";
import { agreeMinutes, publishMinutes } from "../../src/features/governance/minutes.service.ts";
import type { Db, Trx } from "../../src/platform/database.ts";
import { makeUser } from "../support/editing-fixtures.ts";
import { createTheme } from "../support/factories.ts";
import {
  all,
  EVERYONE,
  type Expected,
  type Fields,
  type MatrixPart,
  type Sample,
  signedIn,
  VISITORS,
  type Visitor,
} from "./matrix.types.ts";

// Governance: the public group pages and minutes, and managing groups and meetings. The matrix's
// secretary keeps the matrix group, so they may manage it; readers may read its unpublished
// minutes but change nothing. POSTs carry bodies that would succeed if allowed; changes that end
// their target (agree, publish, remove) get one target per visitor.

type PerVisitor = Record<Visitor, number>;

/** The version a record's edit form would carry now (so an allowed change is not a conflict). */
async function versionOf(
  db: Db,
  table: "meeting" | "agenda_item" | "group_membership",
  id: number,
): Promise<number> {
  const row = await db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirst();
  return row?.version ?? 0;
}

async function groupVersion(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("governance_group")
    .select("version")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** Those who may manage the matrix group: its secretary, programme editors and administrators. */
const MANAGERS_SEE: Expected = signedIn({ editor: 200, administrator: 200, secretary: 200 });
const MANAGERS_CHANGE: Expected = signedIn({ editor: 303, administrator: 303, secretary: 303 });
/** Unpublished minutes: not found to whoever may not read the group's private business. */
const PRIVATE_READ: Expected = all(404, { reader: 200, editor: 200, administrator: 200, secretary: 200 });
const PRIVATE_READERS: readonly Visitor[] = ["reader", "editor", "administrator", "secretary"];

interface Fixtures {
  slug: string;
  published: number;
  draft: number;
  item: number;
  paper: number;
  /** A public paper's file in published minutes, and a paper's file in draft minutes. */
  publicFile: number;
  draftFile: number;
  action: number;
  membership: number;
  themeSlug: string;
  toAgree: PerVisitor;
  toPublish: PerVisitor;
  membershipToRemove: PerVisitor;
  itemToRemove: PerVisitor;
  paperToRemove: PerVisitor;
  actionToPromote: PerVisitor;
}

const date = (prefix: string, iso: string): Fields => {
  const [y, m, d] = iso.split("-");
  return { [`${prefix}-day`]: d!, [`${prefix}-month`]: m!, [`${prefix}-year`]: y! };
};

const fixed = (fields: Fields) => async () => fields;

const rows: Record<string, Sample<Fixtures>[]> = {
  "GET /groups": [{ label: "every group", url: () => "/groups", expected: EVERYONE }],
  "GET /groups/:slug": [{ label: "a group", url: (f) => `/groups/${f.slug}`, expected: EVERYONE }],
  "GET /groups/:slug/meetings/:id": [
    {
      label: "published minutes",
      url: (f) => `/groups/${f.slug}/meetings/${f.published}`,
      expected: EVERYONE,
    },
    { label: "draft minutes", url: (f) => `/groups/${f.slug}/meetings/${f.draft}`, expected: PRIVATE_READ },
  ],
  "GET /groups/:slug/actions": [
    { label: "the action log", url: (f) => `/groups/${f.slug}/actions?status=open`, expected: EVERYONE },
  ],
  "GET /groups/:slug/actions.csv": [
    { label: "the action log as CSV", url: (f) => `/groups/${f.slug}/actions.csv`, expected: EVERYONE },
  ],
  "GET /manage/groups/:slug/actions": [
    {
      label: "manage the action log",
      url: (f) => `/manage/groups/${f.slug}/actions`,
      expected: MANAGERS_SEE,
    },
  ],
  "GET /groups/:slug/papers/:id/file": [
    {
      label: "a public paper's file, minutes published",
      url: (f) => `/groups/${f.slug}/papers/${f.publicFile}/file`,
      expected: EVERYONE,
    },
    {
      label: "a paper's file, minutes in draft",
      url: (f) => `/groups/${f.slug}/papers/${f.draftFile}/file`,
      expected: PRIVATE_READ,
    },
  ],
  "GET /manage/groups/new": [
    {
      label: "new group",
      url: () => "/manage/groups/new",
      expected: signedIn({ editor: 200, administrator: 200 }),
    },
  ],
  "POST /manage/groups": [
    {
      label: "add a group",
      url: () => "/manage/groups",
      body: async (_f, _db, visitor) => ({ name: `Matrix group added by ${visitor}` }),
      expected: signedIn({ editor: 303, administrator: 303 }),
    },
  ],
  "GET /manage/groups/:slug": [
    { label: "manage the group", url: (f) => `/manage/groups/${f.slug}`, expected: MANAGERS_SEE },
  ],
  "POST /manage/groups/:slug": [
    {
      label: "group details",
      url: (f) => `/manage/groups/${f.slug}`,
      body: async (f, db) => ({
        name: "Matrix Group",
        remit: "Checking who may do what.",
        version: await groupVersion(db, f.slug),
      }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/groups/:slug/members": [
    {
      label: "add a member",
      url: (f) => `/manage/groups/${f.slug}/members`,
      body: async (_f, _db, visitor) => ({
        person: `Member added by ${visitor}`,
        organisation: "Matrix Organisation",
      }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/groups/:slug/meetings": [
    {
      label: "plan a meeting",
      url: (f) => `/manage/groups/${f.slug}/meetings`,
      body: fixed({ ...date("date", "2025-03-04"), startTime: "10:00", endTime: "11:00" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "GET /manage/memberships/:id": [
    { label: "a membership", url: (f) => `/manage/memberships/${f.membership}`, expected: MANAGERS_SEE },
  ],
  "POST /manage/memberships/:id": [
    {
      label: "change a membership",
      url: (f) => `/manage/memberships/${f.membership}`,
      body: async (f, db) => ({
        organisation: "Matrix Organisation",
        role: "member",
        version: await versionOf(db, "group_membership", f.membership),
      }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/memberships/:id/remove": [
    {
      label: "remove a membership",
      url: (f, v) => `/manage/memberships/${f.membershipToRemove[v]}/remove`,
      body: async (f, db, v) => ({
        version: await versionOf(db, "group_membership", f.membershipToRemove[v]),
      }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "GET /manage/meetings/:id": [
    { label: "manage a meeting", url: (f) => `/manage/meetings/${f.draft}`, expected: MANAGERS_SEE },
  ],
  "POST /manage/meetings/:id": [
    {
      label: "meeting details",
      url: (f) => `/manage/meetings/${f.draft}`,
      body: async (f, db) => ({
        ...date("date", "2025-02-01"),
        status: "held",
        version: await versionOf(db, "meeting", f.draft),
      }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "GET /manage/meetings/:id/attendance": [
    { label: "attendance", url: (f) => `/manage/meetings/${f.draft}/attendance`, expected: MANAGERS_SEE },
  ],
  "POST /manage/meetings/:id/attendance": [
    {
      label: "record attendance",
      url: (f) => `/manage/meetings/${f.draft}/attendance`,
      body: fixed({
        "person-1": "Matrix Member",
        "organisation-1": "Matrix Organisation",
        "status-1": "present",
      }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/meetings/:id/items": [
    {
      label: "add an item",
      url: (f) => `/manage/meetings/${f.draft}/items`,
      body: fixed({ title: "Any other business" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/meetings/:id/actions": [
    {
      label: "add an action",
      url: (f) => `/manage/meetings/${f.draft}/actions`,
      body: fixed({ text: "Write to members" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/meetings/:id/next": [
    {
      label: "set the next meeting",
      url: (f) => `/manage/meetings/${f.draft}/next`,
      body: fixed({ ...date("nextDate", "2025-06-01"), nextOnline: "yes" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/meetings/:id/agree": [
    {
      label: "agree the minutes",
      url: (f, v) => `/manage/meetings/${f.toAgree[v]}/agree`,
      body: fixed({}),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/meetings/:id/publish": [
    {
      label: "publish the minutes",
      url: (f, v) => `/manage/meetings/${f.toPublish[v]}/publish`,
      body: fixed(date("publishedOn", "2025-03-01")),
      expected: MANAGERS_CHANGE,
    },
  ],
  "GET /manage/agenda-items/:id": [
    { label: "an agenda item", url: (f) => `/manage/agenda-items/${f.item}`, expected: MANAGERS_SEE },
  ],
  "POST /manage/agenda-items/:id": [
    {
      label: "change an item",
      url: (f) => `/manage/agenda-items/${f.item}`,
      body: async (f, db) => ({ title: "Welcome", version: await versionOf(db, "agenda_item", f.item) }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/agenda-items/:id/remove": [
    {
      label: "remove an item",
      url: (f, v) => `/manage/agenda-items/${f.itemToRemove[v]}/remove`,
      body: async (f, db, v) => ({ version: await versionOf(db, "agenda_item", f.itemToRemove[v]) }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/agenda-items/:id/move": [
    {
      label: "move an item",
      url: (f) => `/manage/agenda-items/${f.item}/move`,
      body: fixed({ direction: "down" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/agenda-items/:id/papers": [
    {
      label: "add a paper",
      url: (f) => `/manage/agenda-items/${f.item}/papers`,
      body: fixed({ paperTitle: "Timeline", reference: "paper 1/1", url: "https://example.org/timeline" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/papers/:id/visibility": [
    {
      label: "make a paper public",
      url: (f) => `/manage/papers/${f.paper}/visibility`,
      body: fixed({ public: "yes" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/papers/:id/file": [
    {
      // The matrix posts forms, not files: those allowed are asked to choose a file (400).
      label: "put a new file in place of a paper's file",
      url: (f) => `/manage/papers/${f.paper}/file`,
      expected: signedIn({ editor: 400, administrator: 400, secretary: 400 }),
    },
  ],
  "POST /manage/papers/:id/remove": [
    {
      label: "remove a paper",
      url: (f, v) => `/manage/papers/${f.paperToRemove[v]}/remove`,
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/actions/:id/status": [
    {
      label: "close an action",
      url: (f) => `/manage/actions/${f.action}/status`,
      body: fixed({ status: "closed" }),
      expected: MANAGERS_CHANGE,
    },
  ],
  "POST /manage/actions/:id/promote": [
    {
      label: "promote an action into a route map",
      url: (f, v) => `/manage/actions/${f.actionToPromote[v]}/promote`,
      body: async (f) => ({ themeSlug: f.themeSlug }),
      // Needs both: managing the group and editing route maps (a secretary may not edit route maps).
      expected: signedIn({ editor: 303, administrator: 303 }),
    },
  ],
};

async function perVisitor(make: (visitor: Visitor) => Promise<number>): Promise<PerVisitor> {
  const result = {} as PerVisitor;
  for (const visitor of VISITORS) result[visitor] = await make(visitor);
  return result;
}

export const governanceMatrix: MatrixPart<Fixtures> = {
  name: "governance",
  rows,
  setup: async ({ db, groupId, secret }) => {
    const actor = await makeUser(db, "administrator");
    // Unpublished minutes' business is for whoever may read the group's private business.
    const privately = (what: string) => secret(what, PRIVATE_READERS);
    const run = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);
    const group = await findGroupById(db, groupId);
    const membership = await run((trx) =>
      addMembership(trx, actor, groupId, { person: "Matrix Chair", role: "co_chair" }),
    );
    const meeting = (isoDate: string, status = "held") =>
      run((trx) => planMeeting(trx, actor, groupId, { date: isoDate, status }));
    const published = await meeting("2025-01-01");
    const draft = await meeting("2025-02-01");
    await run((trx) => agreeMinutes(trx, actor, published, {}));
    await run((trx) => publishMinutes(trx, actor, published, { publishedOn: "2025-01-10" }));
    const item = await run((trx) =>
      addAgendaItem(trx, actor, draft, { title: `Welcome ${privately("unpublished minutes' agenda item")}` }),
    );
    await run((trx) => addAgendaItem(trx, actor, draft, { title: "Any other business" }));
    const paper = await run((trx) =>
      addPaper(trx, actor, item, {
        title: `Forward look ${privately("a paper in unpublished minutes")}`,
        reference: "paper 2/1",
      }),
    );
    const file = (title: string, secretly = false) => ({
      fileName: `${title}.txt`,
      content: new TextEncoder().encode(`${title}\n${secretly ? privately(`the file of ${title}`) : ""}\n`),
    });
    const draftFile = await run((trx) =>
      addPaper(trx, actor, item, { title: "Draft paper with a file", file: file("draft paper", true) }),
    );
    const withFile = await meeting("2025-01-05");
    const withFileItem = await run((trx) => addAgendaItem(trx, actor, withFile, { title: "Papers" }));
    const publicFile = await run((trx) =>
      addPaper(trx, actor, withFileItem, { title: "Public paper", file: file("public paper"), public: true }),
    );
    await run((trx) => agreeMinutes(trx, actor, withFile, {}));
    await run((trx) => publishMinutes(trx, actor, withFile, { publishedOn: "2025-01-12" }));
    const action = await run((trx) =>
      addAction(trx, actor, draft, {
        text: `Circulate the timeline ${privately("an action in unpublished minutes")}`,
      }),
    );
    const theme = await createTheme(db);
    return {
      slug: group.slug,
      published,
      draft,
      item,
      paper,
      publicFile,
      draftFile,
      action,
      membership,
      themeSlug: theme.slug,
      toAgree: await perVisitor(() => meeting("2025-01-15")),
      toPublish: await perVisitor(async () => {
        const id = await meeting("2025-01-20");
        await run((trx) => agreeMinutes(trx, actor, id, {}));
        return id;
      }),
      membershipToRemove: await perVisitor((v) =>
        run((trx) => addMembership(trx, actor, groupId, { person: `Member to remove, ${v}` })),
      ),
      itemToRemove: await perVisitor((v) =>
        run((trx) => addAgendaItem(trx, actor, draft, { title: `Item to remove, ${v}` })),
      ),
      paperToRemove: await perVisitor((v) =>
        run((trx) => addPaper(trx, actor, item, { title: `Paper to remove, ${v}` })),
      ),
      actionToPromote: await perVisitor((v) =>
        run((trx) => addAction(trx, actor, draft, { text: `Action to promote, ${v}` })),
      ),
    };
  },
};
