import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarMeeting, meetingCalendar } from "./meeting-calendar.ts";

// The feed is read back with ical.js, an independent RFC 5545 parser, so what is checked is what a
// calendar app would see.

const summer: CalendarMeeting = {
  id: 7,
  groupName: "National Leadership Group",
  date: "2024-06-11",
  startTime: "15:05",
  endTime: "16:30",
  place: null,
  online: true,
  status: "held",
  url: "https://waymark.example/groups/nlg/meetings/7",
  minutesUrl: "https://waymark.example/groups/nlg/meetings/7/minutes",
  attendees: [
    {
      personId: 1,
      name: "Louise Long",
      organisation: "SOLACE",
      role: "member",
      coChair: true,
      status: "present",
      deputy: null,
    },
    {
      personId: 2,
      name: 'Laura "Lou" Caven, Jr',
      organisation: "CoSLA",
      role: "member",
      coChair: false,
      status: "apologies",
      deputy: null,
    },
    {
      personId: 3,
      name: "Jess Elsey",
      organisation: "SSSC",
      role: "observer",
      coChair: false,
      status: "deputised",
      deputy: { personId: 4, name: "Mary Morris", organisation: "SSSC" },
    },
    {
      personId: 5,
      name: "Peter Donachie",
      organisation: "Scottish Government",
      role: "secretariat",
      coChair: false,
      status: null,
      deputy: null,
    },
  ],
};

const winter: CalendarMeeting = {
  ...summer,
  id: 8,
  date: "2024-12-03",
  startTime: "10:00",
  endTime: "11:00",
  place: "Victoria Quay, Edinburgh",
  online: false,
  status: "cancelled",
  minutesUrl: null,
  attendees: [],
};

const wholeDay: CalendarMeeting = {
  ...winter,
  id: 9,
  date: "2025-01-20",
  startTime: null,
  endTime: null,
  status: "planned",
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, events };
}

function feed(meetings: CalendarMeeting[]): string {
  return meetingCalendar({
    name: "National Leadership Group meetings",
    description: "Every meeting of the group",
    uidDomain: "waymark.example",
    meetings,
  });
}

describe("meeting calendar", () => {
  it("parses as iCalendar with one event per meeting, with stable UIDs", () => {
    const first = parse(feed([summer, winter, wholeDay]));
    const again = parse(feed([wholeDay, summer, winter]));
    expect(first.calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(first.events.map((e) => e.uid)).toEqual([
      "meeting-7@waymark.example",
      "meeting-8@waymark.example",
      "meeting-9@waymark.example",
    ]);
    expect(again.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
  });

  it("writes the same London wall-clock times whatever the server's own time zone", () => {
    const starts = () =>
      feed([summer, winter, wholeDay])
        .split("\r\n")
        .filter((line) => /^DT(START|END)/.test(line));
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/New_York";
      const newYork = starts();
      process.env.TZ = "Asia/Kolkata";
      expect(starts()).toEqual(newYork);
      expect(newYork).toContain("DTSTART;TZID=Europe/London:20240611T150500");
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("gives times in Europe/London, in summer and in winter", () => {
    const { events } = parse(feed([summer, winter]));
    const [june, december] = events;
    expect(june!.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/London");
    expect(june!.startDate.zone!.tzid).toBe("Europe/London");
    // 15:05 in June is British Summer Time, UTC+1.
    expect(june!.startDate.toJSDate().toISOString()).toBe("2024-06-11T14:05:00.000Z");
    expect(june!.endDate.toJSDate().toISOString()).toBe("2024-06-11T15:30:00.000Z");
    // 10:00 in December is GMT.
    expect(december!.startDate.toJSDate().toISOString()).toBe("2024-12-03T10:00:00.000Z");
    expect(december!.location).toBe("Victoria Quay, Edinburgh");
  });

  it("marks cancelled meetings CANCELLED and others CONFIRMED", () => {
    const { events } = parse(feed([summer, winter]));
    expect(events.map((e) => e.component.getFirstPropertyValue("status"))).toEqual([
      "CONFIRMED",
      "CANCELLED",
    ]);
    expect(events[1]!.summary).toBe("Cancelled: National Leadership Group");
  });

  it("maps attendance to PARTSTAT and membership to ROLE, deputies delegated", () => {
    const { events } = parse(feed([summer]));
    const attendees = events[0]!.attendees.map((a) => ({
      cn: a.getParameter("cn"),
      role: a.getParameter("role"),
      partstat: a.getParameter("partstat"),
      to: a.getParameter("delegated-to"),
      from: a.getParameter("delegated-from"),
      address: a.getFirstValue(),
    }));
    const by = (cn: string) => attendees.find((a) => a.cn === cn);
    expect(by("Louise Long (SOLACE)")).toMatchObject({ role: "CHAIR", partstat: "ACCEPTED" });
    expect(by('Laura "Lou" Caven, Jr (CoSLA)')).toMatchObject({
      role: "REQ-PARTICIPANT",
      partstat: "DECLINED",
    });
    expect(by("Jess Elsey (SSSC)")).toMatchObject({
      role: "OPT-PARTICIPANT",
      partstat: "DELEGATED",
      to: "mailto:person-4@people.waymark.invalid",
    });
    expect(by("Mary Morris (SSSC)")).toMatchObject({
      partstat: "ACCEPTED",
      from: "mailto:person-3@people.waymark.invalid",
    });
    expect(by("Peter Donachie (Scottish Government)")).toMatchObject({
      role: "REQ-PARTICIPANT",
      partstat: "NEEDS-ACTION",
    });
    expect(attendees).toHaveLength(5);
    // No real address is ever written: every attendee is a placeholder in the reserved .invalid domain.
    for (const a of attendees) expect(a.address).toMatch(/^mailto:person-\d+@people\.waymark\.invalid$/i);
  });

  it("writes a meeting without a start time as a whole-day entry", () => {
    const { events } = parse(feed([wholeDay]));
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe("2025-01-20");
  });

  it("links the minutes when they are public", () => {
    const { events } = parse(feed([summer]));
    expect(events[0]!.description).toContain(
      "Minutes: https://waymark.example/groups/nlg/meetings/7/minutes",
    );
  });

  it("an empty feed is still a valid calendar", () => {
    const { calendar, events } = parse(feed([]));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue("prodid")).toContain("Waymark");
  });
});
