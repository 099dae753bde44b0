import { describe, expect, it } from "vitest";
import { createTheme, unique } from "../../../test/support/factories.ts";
import { governanceApp } from "../../../test/support/governance-app.ts";
import { getPage, postForm, signIn } from "../../../test/support/http.ts";
import { publishEdition } from "../route-maps/edition-drafts.service.ts";
import { addAction, promoteAction, setActionStatus } from "./action.service.ts";
import { createGroup } from "./group.service.ts";
import { getMeeting, planMeeting } from "./meeting.service.ts";
import { agreeMinutes, publishMinutes } from "./minutes.service.ts";

// A group's action log: the public see the actions of published minutes only, filtered open or
// closed without JavaScript, overdue ones flagged, promoted ones linked to their route-map action;
// the secretariat see every action and close or reopen them from the log; the CSV says the same,
// with formula cells neutralised. Open actions still come back as matters arising.

const { app, db, admin, run } = await governanceApp();

async function groupWithActions() {
  const group = await run((trx) => createGroup(trx, admin, { name: unique("Workforce Group") }));
  const first = await run((trx) => planMeeting(trx, admin, group.id, { date: "2024-05-21", status: "held" }));
  const act = (meeting: number, text: string, extra: Record<string, string> = {}) =>
    run((trx) => addAction(trx, admin, meeting, { text, ...extra }));
  const overdue = await act(first, "Circulate the leadership timeline", {
    ownerPerson: "Fiona Duncan",
    ownerOrganisation: "The Promise Scotland",
    dueDate: "2024-06-01",
  });
  const notDue = await act(first, "Review the workforce plan", {
    ownerOrganisation: "COSLA",
    dueDate: "2099-01-31",
  });
  const closed = await act(first, "Share the research summary");
  const formula = await act(first, '=HYPERLINK("https://example.org","click")');
  const promoted = await act(first, "Map the leadership functions");
  await run((trx) => setActionStatus(trx, admin, closed, { status: "closed", closedOn: "2024-06-05" }));
  const theme = await createTheme(db, { name: unique("Leadership") });
  const { editionId } = await run((trx) => promoteAction(trx, admin, promoted, { themeSlug: theme.slug }));
  await run((trx) => agreeMinutes(trx, admin, first, {}));
  await run((trx) => publishMinutes(trx, admin, first, { publishedOn: "2024-07-01" }));
  const second = await run((trx) =>
    planMeeting(trx, admin, group.id, { date: "2024-06-11", status: "held" }),
  );
  const secret = await act(second, "Draft action nobody outside may read", { dueDate: "2024-01-01" });
  return {
    group,
    first,
    second,
    theme,
    editionId,
    ids: { overdue, notDue, closed, formula, promoted, secret },
  };
}

const rowOf = (body: string, text: string) => {
  const at = body.indexOf(text);
  if (at < 0) return "";
  return body.slice(body.lastIndexOf("<tr>", at), body.indexOf("</tr>", at));
};

describe("the public action log", () => {
  it("lists the actions of published minutes with meeting, owner, due date, status and overdue flag", async () => {
    const f = await groupWithActions();
    const page = await getPage(app, undefined, `/groups/${f.group.slug}/actions`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("public, max-age=60");
    const body = page.body.replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    const overdue = rowOf(body, "Circulate the leadership timeline");
    expect(overdue).toContain(`href="/groups/${f.group.slug}/meetings/${f.first}"`);
    expect(overdue).toContain("21 May 2024");
    expect(overdue).toContain("Fiona Duncan, The Promise Scotland");
    expect(overdue).toContain("1 June 2024");
    expect(overdue).toContain("Overdue");
    const notDue = rowOf(body, "Review the workforce plan");
    expect(notDue).toContain("COSLA");
    expect(notDue).toContain(">Open<");
    expect(notDue).not.toContain("Overdue");
    const closed = rowOf(body, "Share the research summary");
    expect(closed).toContain("Closed");
    expect(closed).toContain("on 5 June 2024");
    expect(body).toContain("1 open action is overdue.");
    expect(body).not.toContain("Draft action nobody outside may read");
    // The route map's draft is not public: no link for the public.
    expect(rowOf(body, "Map the leadership functions")).not.toContain("/manage/editions/");
    expect(body).toContain(`href="/groups/${f.group.slug}/actions.csv"`);
  });

  it("filters open and closed actions with a plain form", async () => {
    const f = await groupWithActions();
    const open = await getPage(app, undefined, `/groups/${f.group.slug}/actions?status=open`);
    expect(open.body).toContain("Circulate the leadership timeline");
    expect(open.body).toContain("Review the workforce plan");
    expect(open.body).not.toContain("Share the research summary");
    expect(open.body).toMatch(/value="open" checked/);
    expect(open.body).toContain(`href="/groups/${f.group.slug}/actions.csv?status=open"`);
    const closed = await getPage(app, undefined, `/groups/${f.group.slug}/actions?status=closed`);
    expect(closed.body).toContain("Share the research summary");
    expect(closed.body).not.toContain("Circulate the leadership timeline");
    // Anything else shows everything.
    const odd = await getPage(app, undefined, `/groups/${f.group.slug}/actions?status=%3Cscript%3E`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain("Share the research summary");
    expect(odd.body).not.toContain("<script>");
    expect((await getPage(app, undefined, "/groups/no-such-group/actions")).statusCode).toBe(404);
  });

  it("links a promoted action to its route-map action: the draft for editors, the published edition for all", async () => {
    const f = await groupWithActions();
    const editor = await signIn(app, db, "programme_editor");
    const asEditor = await getPage(app, editor, `/groups/${f.group.slug}/actions`);
    expect(rowOf(asEditor.body, "Map the leadership functions")).toContain(
      `href="/manage/editions/${f.editionId}/items/`,
    );
    // The editor sees unpublished minutes' actions (marked) too.
    expect(asEditor.body).toContain("Draft action nobody outside may read");
    expect(asEditor.body).toContain("Minutes not published");
    expect(asEditor.headers["cache-control"]).toContain("no-store");

    const edition = await db
      .selectFrom("route_map_edition")
      .select("version")
      .where("id", "=", f.editionId)
      .executeTakeFirstOrThrow();
    await run((trx) =>
      publishEdition(trx, admin, {
        editionId: f.editionId,
        version: edition.version,
        day: "1",
        month: "8",
        year: "2024",
      }),
    );
    const page = await getPage(app, undefined, `/groups/${f.group.slug}/actions`);
    expect(rowOf(page.body, "Map the leadership functions")).toContain(
      `href="/themes/${f.theme.slug}/editions/${f.editionId}#route-map"`,
    );
  });

  it("gives the same log as CSV, formula cells neutralised, never unpublished actions to the public", async () => {
    const f = await groupWithActions();
    const csv = await getPage(app, undefined, `/groups/${f.group.slug}/actions.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="${f.group.slug}-actions.csv"`);
    const lines = csv.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "meeting date,minutes,action,owner,owner person,owner organisation,due date,status,closed on,overdue,route map,route map address",
    );
    expect(lines).toContain(
      '2024-05-21,published,Circulate the leadership timeline,"Fiona Duncan, The Promise Scotland",Fiona Duncan,The Promise Scotland,2024-06-01,open,,yes,,',
    );
    expect(lines).toContain("2024-05-21,published,Share the research summary,,,,,closed,2024-06-05,no,,");
    expect(csv.body).toContain(`'=HYPERLINK(""https://example.org"",""click"")"`);
    expect(csv.body).not.toContain("Draft action nobody outside may read");
    const open = await getPage(app, undefined, `/groups/${f.group.slug}/actions.csv?status=closed`);
    expect(open.body).not.toContain("Circulate the leadership timeline");

    const reader = await signIn(app, db, "reader");
    const asReader = await getPage(app, reader, `/groups/${f.group.slug}/actions.csv`);
    expect(asReader.body).toContain("2024-06-11,draft,Draft action nobody outside may read");
    expect(asReader.headers["cache-control"]).toBe("private, no-store");
  });
});

describe("the secretariat's action log", () => {
  it("holds every action, and closes or reopens one from the log", async () => {
    const f = await groupWithActions();
    const secretary = await signIn(app, db, [{ role: "group_secretary", groupId: f.group.id }]);
    const page = await getPage(app, secretary, `/manage/groups/${f.group.slug}/actions`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    const secret = rowOf(page.body, "Draft action nobody outside may read");
    expect(secret).toContain(`href="/manage/meetings/${f.second}#actions"`);
    expect(secret).toContain("Overdue");
    expect(secret).toContain(`action="/manage/actions/${f.ids.secret}/status"`);

    const closed = await postForm(app, secretary, `/manage/actions/${f.ids.secret}/status`, {
      status: "closed",
      back: "log",
    });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`/manage/groups/${f.group.slug}/actions?saved=action-status`);
    const after = await getPage(app, secretary, closed.headers.location!);
    expect(after.body).toContain("The action has been updated.");
    expect(rowOf(after.body, "Draft action nobody outside may read")).toContain("Closed");
    const row = await db
      .selectFrom("meeting_action")
      .select(["status", "closed_on"])
      .where("id", "=", f.ids.secret)
      .executeTakeFirstOrThrow();
    // Closed today (the service takes the date as the server sees it).
    expect(row).toEqual({ status: "closed", closed_on: new Date().toISOString().slice(0, 10) });
  });

  it("is for those who manage the group only", async () => {
    const f = await groupWithActions();
    const url = `/manage/groups/${f.group.slug}/actions`;
    const anonymous = await getPage(app, undefined, url);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`);
    expect((await getPage(app, await signIn(app, db, "reader"), url)).statusCode).toBe(403);
    const other = await run((trx) => createGroup(trx, admin, { name: unique("Other group") }));
    const otherSecretary = await signIn(app, db, [{ role: "group_secretary", groupId: other.id }]);
    expect((await getPage(app, otherSecretary, url)).statusCode).toBe(403);
    // …and that secretary's public view of this group holds published actions only.
    const publicView = await getPage(app, otherSecretary, `/groups/${f.group.slug}/actions`);
    expect(publicView.body).not.toContain("Draft action nobody outside may read");
  });
});

describe("open actions as matters arising", () => {
  it("still come back at the group's later meetings until closed", async () => {
    const f = await groupWithActions();
    const later = await getMeeting(db, admin, f.second);
    expect(later.mattersArising.map((a) => a.text).sort()).toEqual([
      '=HYPERLINK("https://example.org","click")',
      "Circulate the leadership timeline",
      "Map the leadership functions",
      "Review the workforce plan",
    ]);
    await run((trx) =>
      setActionStatus(trx, admin, f.ids.overdue, { status: "closed", closedOn: "2024-06-20" }),
    );
    const third = await run((trx) =>
      planMeeting(trx, admin, f.group.id, { date: "2024-07-01", status: "planned" }),
    );
    const after = await getMeeting(db, admin, third);
    expect(after.mattersArising.map((a) => a.text)).not.toContain("Circulate the leadership timeline");
    expect(after.mattersArising.map((a) => a.text)).toContain("Draft action nobody outside may read");
  });
});
