import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../../test/support/app-deps.ts";
import { createTestDatabase } from "../../../test/support/database.ts";
import { unique } from "../../../test/support/factories.ts";
import { getPage, type Session, signIn } from "../../../test/support/http.ts";
import { createApp } from "../../app.ts";
import { listAudiences } from "./timeline.service.ts";
import { makeOrganisation } from "./timeline.test-support.ts";

// The timeline through HTTP on a real database: an editor adds items through the form (and is
// warned before saving a clash), publishes them; the public filter the timeline, read an item,
// the load, the calendars (read back with ical.js) and the CSV (read back with csv-parse).

const BASE = "https://waymark.example.org";
const handle = await createTestDatabase("empty");
afterAll(() => handle.close());
let app: FastifyInstance;
let editor: Session;
let families: number;
let organisationId: number;
const titles = {
  a: unique("Fostering consultation"),
  b: unique("Family support survey"),
  c: unique("Listening event"),
  draft: unique("Secret draft plan"),
};
const ids: Record<string, number> = {};

function post(url: string, fields: Record<string, string | string[] | number>) {
  const body = new URLSearchParams({ _csrf: editor.csrf });
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, String(v));
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  });
}

function itemFields(title: string, kind: string, start: string, end: string) {
  const [y, m, d] = start.split("-");
  const [ey, em, ed] = end ? end.split("-") : ["", "", ""];
  return {
    title,
    summary: "We want to hear from you.",
    kind,
    organisation: organisationId,
    dateKind: "exact",
    "start-day": d ?? "",
    "start-month": m ?? "",
    "start-year": y ?? "",
    "end-day": ed ?? "",
    "end-month": em ?? "",
    "end-year": ey ?? "",
    status: "open",
    link: "https://www.gov.scot/",
    audiences: [String(families)],
  };
}

async function add(key: string, fields: Record<string, string | string[] | number>) {
  const response = await post("/manage/timeline", fields);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  ids[key] = Number(/\/manage\/timeline\/(\d+)/.exec(response.headers.location as string)?.[1]);
}

beforeAll(async () => {
  app = await createApp(testDeps(handle.db, { config: { baseUrl: BASE } }));
  editor = await signIn(app, handle.db, "programme_editor");
  organisationId = (await makeOrganisation(handle.db, "Scottish Government")).id;
  families = (await listAudiences(handle.db)).find((a) => a.slug === "families-and-carers")!.id;
  // 1 July 2030 is a Monday. A runs to Wednesday 10 July, B starts that day, C is on Sunday 14 July.
  await add("a", itemFields(titles.a, "consultation", "2030-07-01", "2030-07-10"));
  await add("b", itemFields(titles.b, "survey", "2030-07-10", "2030-07-20"));
  await add("draft", { ...itemFields(titles.draft, "report", "2030-08-01", ""), audiences: [] });
});

afterAll(() => app.close());

describe("editing the timeline", () => {
  it("warns before saving a clashing ask, naming the other items, and saves it when told to", async () => {
    const fields = itemFields(titles.c, "event", "2030-07-14", "");
    const warned = await post("/manage/timeline", fields);
    expect(warned.statusCode).toBe(409);
    expect(warned.body).toContain("It has not been saved yet");
    expect(warned.body).toContain(titles.a);
    expect(warned.body).toContain(titles.b);
    expect(warned.body).toContain("Families and carers: 3 things at once in the week starting 8 July 2030");
    expect(warned.body).toContain('name="saveAnyway" value="yes"');
    expect(warned.body).toContain(`value="${titles.c}"`);
    await add("c", { ...fields, saveAnyway: "yes" });
    for (const key of ["a", "b", "c"]) {
      const published = await post(`/manage/timeline/${ids[key]}/publish`, { version: 0, published: "yes" });
      expect(published.statusCode).toBe(303);
    }
  });

  it("refuses a change made from an out-of-date form with 409, keeping what was typed", async () => {
    const response = await post(`/manage/timeline/${ids.a}`, {
      ...itemFields("A newer title", "consultation", "2030-07-01", "2030-07-10"),
      version: 0,
      saveAnyway: "yes",
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("Someone else saved a change");
    expect(response.body).toContain('value="A newer title"');
  });

  it("names each field that needs correcting", async () => {
    const response = await post("/manage/timeline", {
      ...itemFields("", "consultation", "2030-02-30", ""),
      link: "not a link",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Enter the title");
    expect(response.body).toContain("Enter a real date");
    expect(response.body).toContain("Enter the link as a full web address");
  });
});

describe("the public timeline", () => {
  it("filters by audience and shows the clash, never a draft", async () => {
    const response = await getPage(
      app,
      undefined,
      "/timeline?show=all&audience=families-and-carers&view=quarter",
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    for (const title of [titles.a, titles.b, titles.c]) expect(response.body).toContain(title);
    expect(response.body).not.toContain(titles.draft);
    expect(response.body).toContain("July to September 2030");
    expect(response.body).toContain("Families and carers: 3 things at once");
    const workforce = await getPage(app, undefined, "/timeline?show=all&audience=workforce");
    expect(workforce.body).not.toContain(titles.a);
  });

  it("shows an item with its dates in words and its clash; a draft is not found", async () => {
    const response = await getPage(app, undefined, `/timeline/${ids.a}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("1 July to 10 July 2030");
    expect(response.body).toContain(titles.c);
    expect((await getPage(app, undefined, `/timeline/${ids.draft}`)).statusCode).toBe(404);
    expect((await getPage(app, editor, `/timeline/${ids.draft}`)).statusCode).toBe(200);
  });

  it("counts asks per audience per week", async () => {
    const response = await getPage(app, undefined, "/timeline/load?year=2030");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("8 July 2030");
    expect(response.body).toContain("3 (too many)");
  });

  it("publishes calendars with UIDs from WAYMARK_BASE_URL, an organiser and no attendees", async () => {
    for (const url of ["/timeline.ics", "/timeline/audiences/families-and-carers.ics"]) {
      const response = await app.inject({ method: "GET", url, headers: { host: "evil.example" } });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
      const events = calendar.getAllSubcomponents("vevent");
      const uids = events.map((e) => e.getFirstPropertyValue("uid"));
      expect(uids).toEqual(
        expect.arrayContaining([ids.a, ids.b, ids.c].map((id) => `timeline-${id}@waymark.example.org`)),
      );
      expect(uids).not.toContain(`timeline-${ids.draft}@waymark.example.org`);
      expect(response.body).not.toContain("evil.example");
      expect(response.body).not.toContain(titles.draft);
      for (const event of events) {
        expect(event.getFirstPropertyValue("organizer")).toMatch(
          /^mailto:organisation-\d+@organisations\.waymark\.invalid$/,
        );
        expect(event.getAllProperties("attendee")).toEqual([]);
      }
      const a = events.find(
        (e) => e.getFirstPropertyValue("uid") === `timeline-${ids.a}@waymark.example.org`,
      )!;
      const event = new ICAL.Event(a);
      expect(event.startDate.toString()).toBe("2030-07-01");
      expect(event.endDate.toString()).toBe("2030-07-11");
      expect(event.description).toContain(`${BASE}/timeline/${ids.a}`);
    }
    expect((await getPage(app, undefined, "/timeline/audiences/nobody.ics")).statusCode).toBe(404);
  });

  it("downloads the published items as CSV", async () => {
    const response = await getPage(app, undefined, "/timeline.csv");
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body, { bom: true, columns: true }) as Array<Record<string, string>>;
    const a = rows.find((r) => r.title === titles.a);
    expect(a).toMatchObject({
      kind: "Consultation",
      starts_on: "2030-07-01",
      ends_on: "2030-07-10",
      when: "1 July to 10 July 2030",
      audiences: "Families and carers",
      page: `${BASE}/timeline/${ids.a}`,
    });
    expect(rows.map((r) => r.title)).not.toContain(titles.draft);
  });
});

describe("the timeline in the API", () => {
  it("lists published items with their clashes, and hides a draft from the public", async () => {
    const list = await getPage(app, undefined, "/api/v1/timeline?audience=families-and-carers");
    expect(list.statusCode).toBe(200);
    const body = list.json() as {
      items: Array<{ id: number; when: string; page: string }>;
      clashes: Array<{ items: Array<{ id: number }> }>;
    };
    expect(body.items.map((i) => i.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(body.items[0]).toMatchObject({
      when: "1 July to 10 July 2030",
      page: `${BASE}/timeline/${ids.a}`,
    });
    expect(body.clashes[0]?.items.map((i) => i.id)).toEqual([ids.a, ids.b, ids.c]);
    const item = await getPage(app, undefined, `/api/v1/timeline/${ids.b}`);
    expect(item.json()).toMatchObject({
      item: { id: ids.b, kind: "survey", audiences: [{ slug: "families-and-carers" }] },
    });
    expect((await getPage(app, undefined, `/api/v1/timeline/${ids.draft}`)).statusCode).toBe(404);
    expect((await getPage(app, editor, `/api/v1/timeline/${ids.draft}`)).statusCode).toBe(200);
  });
});
