import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getPage } from "../../../test/support/http.ts";
import { landscapeApp } from "../../../test/support/landscape-app.ts";

// The calendar feeds on a real database, read back with ical.js: the public gets meetings with
// published minutes and the next meeting they name, never a meeting whose minutes are unpublished,
// never an e-mail address.

const { app, f, reader } = await landscapeApp();

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("a group's calendar", () => {
  it("gives the public the published meeting, with who came, and the next meeting, planned", async () => {
    const response = await getPage(app, undefined, `/groups/${f.leadership.slug}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const [may, june] = events(response.body);
    expect(may!.uid).toBe(`meeting-${f.meetings.published}@localhost`);
    expect(may!.summary).toBe(f.leadership.name);
    const attendees = may!.attendees.map((a) => [
      a.getParameter("cn"),
      a.getParameter("role"),
      a.getParameter("partstat"),
    ]);
    expect(attendees).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^Louise Long .*\(SOLACE/), "CHAIR", "ACCEPTED"],
        [expect.stringMatching(/^=Jess Elsey/), "REQ-PARTICIPANT", "DELEGATED"],
        [expect.stringMatching(/^Mary Morris/), "REQ-PARTICIPANT", "ACCEPTED"],
      ]),
    );
    expect(may!.description).toContain(`/groups/${f.leadership.slug}/meetings/${f.meetings.published}`);
    // The next meeting: online, 15:05 to 16:30 London time; its members expected, not yet answered.
    expect(june!.uid).toBe(`meeting-${f.meetings.next}@localhost`);
    expect(june!.location).toBe("Online");
    expect(june!.startDate.toString()).toBe("2024-06-11T15:05:00");
    expect(june!.endDate.toString()).toBe("2024-06-11T16:30:00");
    expect(june!.attendees.map((a) => a.getParameter("partstat"))).toEqual([
      "NEEDS-ACTION",
      "NEEDS-ACTION",
      "NEEDS-ACTION",
    ]);
    expect(june!.description).not.toContain("/meetings/");
    expect(response.body).not.toContain("@example.test");
  });

  it("never shows the public a meeting whose minutes are unpublished, or its attendance", async () => {
    const response = await getPage(app, undefined, `/groups/${f.workforce.slug}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(events(response.body)).toEqual([]);
    expect(response.body).not.toContain(f.secrets.personName);
  });

  it("shows someone who may read the group's private business every meeting, cancelled ones marked", async () => {
    const response = await getPage(app, reader, `/groups/${f.workforce.slug}/calendar.ics`);
    expect(response.headers["cache-control"]).toBe("private, no-store");
    const list = events(response.body);
    expect(list.map((e) => [e.uid, e.component.getFirstPropertyValue("status")])).toEqual([
      [`meeting-${f.meetings.cancelled}@localhost`, "CANCELLED"],
      [`meeting-${f.meetings.draft}@localhost`, "CONFIRMED"],
    ]);
    expect(list[1]!.attendees.map((a) => a.getParameter("cn"))).toContain(
      `${f.secrets.personName} (SSSC ${f.secrets.personName.split(" ").at(-1)})`,
    );
  });

  it("answers 404 for a group that does not exist or a malformed address", async () => {
    expect((await getPage(app, undefined, "/groups/no-such-group/calendar.ics")).statusCode).toBe(404);
    expect((await getPage(app, undefined, "/groups/Not_A_Slug/calendar.ics")).statusCode).toBe(404);
  });
});

describe("a person's calendar", () => {
  it("gives the public the meetings of the person's groups that the public may see", async () => {
    const response = await getPage(app, undefined, `/people/${f.people.louise}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(events(response.body).map((e) => e.uid)).toEqual([
      `meeting-${f.meetings.published}@localhost`,
      `meeting-${f.meetings.next}@localhost`,
    ]);
    expect(response.body).not.toContain("@example.test");
  });

  it("includes meetings someone came to as a deputy", async () => {
    const response = await getPage(app, undefined, `/people/${f.people.mary}/calendar.ics`);
    expect(events(response.body).map((e) => e.uid)).toEqual([`meeting-${f.meetings.published}@localhost`]);
  });

  it("tells the public nothing about attendance at meetings whose minutes are unpublished", async () => {
    const response = await getPage(app, undefined, `/people/${f.people.hidden}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(events(response.body)).toEqual([]);
    const asReader = await getPage(app, reader, `/people/${f.people.hidden}/calendar.ics`);
    expect(events(asReader.body).map((e) => e.uid)).toEqual([`meeting-${f.meetings.draft}@localhost`]);
  });

  it("answers 404 for a person who does not exist or a malformed id", async () => {
    expect((await getPage(app, undefined, "/people/999999/calendar.ics")).statusCode).toBe(404);
    expect((await getPage(app, undefined, "/people/abc/calendar.ics")).statusCode).toBe(404);
  });
});
