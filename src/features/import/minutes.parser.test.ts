import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import { DocumentRefusedError } from "./document-input.ts";
import { type MinutesResult, parseMinutes } from "./minutes.parser.ts";
import { parseAttendee } from "./minutes-attendees.parser.ts";
import { findDate, findTimes } from "./minutes-dates.ts";

const may2024Seed = seedFile("001_");
const august2024Seed = seedFile("002_");
if (!may2024Seed || !august2024Seed) {
  console.warn(`Skipping the minutes seed import tests: no seeds in ${SEEDS_DIR}.`);
}

describe.skipIf(!may2024Seed)(
  "reading the real National Leadership Group minutes of 21 May 2024 (seed 001)",
  () => {
    // Read only when the seed is there: a skipped describe still runs its body.
    const r = may2024Seed ? parseMinutes(fs.readFileSync(may2024Seed)) : ({} as MinutesResult);

    it("reads the older bulleted layout: group, meeting date, complete", () => {
      expect([r.layout, r.groupName, r.groupQualifier, r.meetingDate, r.publishedDate]).toEqual([
        "bulleted",
        "National Leadership Group",
        "Children and Families",
        "2024-05-21",
        null,
      ]);
      expect(r.missing).toEqual([]);
      expect(r.truncated).toBe(false);
    });

    it("yields 28 attendee entries with their organisations, and the two co-chairs", () => {
      expect(r.attendees).toHaveLength(28);
      expect(r.attendees!.every((a) => a.organisation !== null && a.status === "present")).toBe(true);
      expect(r.attendees![0]).toEqual({
        name: "Louise Long",
        organisation: "SOLACE",
        role: "co-chair",
        status: "present",
        note: null,
      });
      expect(r.attendees!.find((a) => a.name === "Lisa Bennett")?.organisation).toBe(
        "Scottish Children's Reporter Administration",
      );
      expect(r.attendees!.filter((a) => a.organisation === "CELCIS")).toHaveLength(6);
      expect(r.coChairs).toEqual(["Louise Long", "Andrew Watson"]);
      expect(r.apologies).toEqual([]);
    });

    it("reads the three agenda items with their text and discussion points, and the next steps", () => {
      expect(r.items!.map((i) => i.title)).toEqual([
        "Welcome from co-chairs",
        "Leadership functions - drivers for change from the research on children's services reform",
        "Case study - key issues and challenges for policy implementation",
      ]);
      expect(r.items!.map((i) => i.points.length)).toEqual([0, 12, 4]);
      expect(r.items![0]!.text[0]).toMatch(/^Louise Long welcomed members/);
      expect(r.items![2]!.points[3]).toMatch(/^need to strengthen the policy feedback loop/);
      expect(r.nextSteps).toHaveLength(1);
      expect(r.nextSteps![0]).toMatch(/^The Co-Chairs thanked attendees/);
    });

    it("finds the next meeting on 11 June, 3.05 p.m.–4.30 p.m., online", () => {
      expect(r.nextMeeting).toMatchObject({
        date: "2024-06-11",
        startTime: "15:05",
        endTime: "16:30",
        online: true,
        place: null,
      });
      expect(r.warnings).toEqual([
        "The next meeting's year is not given: 2024-06-11 assumes the year of this meeting.",
      ]);
    });
  },
);

describe.skipIf(!august2024Seed)("reading the real minutes of 5 August 2024, newer layout (seed 002)", () => {
  const r = august2024Seed ? parseMinutes(fs.readFileSync(august2024Seed)) : ({} as MinutesResult);

  it("reads the metadata list: meeting 5 August 2024, published 4 October 2024", () => {
    expect([r.layout, r.groupName, r.meetingDate, r.publishedDate]).toEqual([
      "metadata",
      "National Leadership Group",
      "2024-08-05",
      "2024-10-04",
    ]);
    expect(r.metadata).toMatchObject({
      Directorate: "Children and Families Directorate",
      Topic: "Children and families",
      "Date of next meeting": "10 September 2024",
    });
    expect(r.missing).toEqual([]);
    expect(r.truncated).toBe(false);
  });

  it("finds the next meeting on 10 September 2024, 15:05–16:30, without saying where", () => {
    expect(r.nextMeeting).toMatchObject({
      date: "2024-09-10",
      startTime: "15:05",
      endTime: "16:30",
      online: null,
      place: null,
    });
  });

  it("keeps the misspelt co-chair as printed, and reads 25 attendees and the agreed points", () => {
    expect(r.attendees).toHaveLength(25);
    expect(r.coChairs).toEqual(["Louise Long", "Andrew Warson"]);
    expect(r.items!.map((i) => i.title)).toEqual([
      "Welcome from co-chairs",
      "Workforce development",
      "Reducing complexity of the policy and legislative landscape",
    ]);
    expect(r.items![1]!.points).toHaveLength(9);
    expect(r.items![2]!.decisions).toEqual([
      "It was agreed to consider the potential for members to provide early advice on the development of the promise bill.",
    ]);
  });
});

describe("reading invented minutes in both layouts", () => {
  it("reads the bulleted layout: glued co-chairs, doubled commas, a person listed twice, apologies", () => {
    const r = parseMinutes(importFixture("minutes/bulleted-forum.txt"));
    expect([r.layout, r.groupName, r.meetingDate]).toEqual([
      "bulleted",
      "Glenbrae Kinship Care Forum",
      "2025-02-14",
    ]);
    expect(r.attendees!.map((a) => `${a.name} | ${a.organisation} | ${a.status}`)).toEqual([
      "Morag Dunleavy | Glenbrae Council | present",
      "Tomasz Nowicki | Kinship Alliance Scotland | present",
      "Aileen Brodie | Glenbrae Health and Social Care Partnership | present",
      "Ruaridh Fyfe | Scottish Government | present",
      "Priya Raman | Children's Rights Network | present",
      "Euan MacLeod | Glenbrae Council | present",
      "Fiona Strachan | Carers Together | apologies",
      "Douglas Kerr | Glenbrae Schools | apologies",
    ]);
    expect(r.coChairs).toEqual(["Morag Dunleavy", "Ruaridh Fyfe"]);
    expect(r.apologies.map((a) => a.name)).toEqual(["Fiona Strachan", "Douglas Kerr"]);
    expect(r.warnings).toContain("Tomasz Nowicki is listed twice in the attendance list and was kept once.");
    expect(r.items![1]!.decisions).toEqual([
      "It was agreed that the Kinship Alliance would draft a plain guide for the next meeting.",
    ]);
    expect(r.nextMeeting).toMatchObject({
      date: "2025-03-12",
      startTime: "10:00",
      endTime: "11:30",
      online: null,
      place: "Riverside Hall, Dundee",
    });
  });

  it("reads the metadata layout the same from text and from a saved web page", () => {
    const text = parseMinutes(importFixture("minutes/metadata-board.txt"));
    const page = parseMinutes(importFixture("minutes/metadata-board.html"));
    expect([text.layout, text.meetingDate, text.publishedDate]).toEqual([
      "metadata",
      "2025-11-03",
      "2025-11-20",
    ]);
    expect(text.nextMeeting).toMatchObject({
      date: "2025-12-02",
      startTime: "14:00",
      endTime: "15:30",
      online: true,
    });
    for (const r of [text, page]) expect(r.truncated).toBe(false);
    expect(page.attendees).toEqual(text.attendees);
    expect(page.items).toEqual(text.items);
    expect(page.nextMeeting).toEqual(text.nextMeeting);
    expect(page.metadata.Directorate).toBe("Glenbrae Children’s Services");
  });

  it("finds misspelt headings, parts in another order, dashes, inline apologies and a chair", () => {
    const r = parseMinutes(importFixture("minutes/misspelt-reordered.txt"));
    expect([r.groupName, r.meetingDate, r.missing, r.truncated]).toEqual([
      "Strathmore Youth Voice Group",
      "2025-09-09",
      [],
      false,
    ]);
    expect(r.attendees!.map((a) => [a.name, a.organisation, a.role, a.status])).toEqual([
      ["Lewis Grant", "Strathmore Youth Council", "chair", "present"],
      ["Amira Haddad", "Who Cares? Scotland", null, "present"],
      ["Niamh O'Donnell", "Strathmore Council", null, "present"],
      ["Duncan Reid", "Strathmore Council", null, "apologies"],
      ["Shona Baird", "Carers Together", null, "apologies"],
    ]);
    expect(r.items!.map((i) => i.title)).toEqual(["Having a say in reviews"]);
    expect(r.nextMeeting).toMatchObject({
      date: "2025-10-14",
      startTime: "16:00",
      endTime: null,
      online: false,
      place: "the Strathmore Youth Hub",
    });
    expect(r.nextSteps).toEqual(["Lewis Grant will share the draft guide by the end of September."]);
  });

  it("reads a group named before the colon, entries kept apart by semicolons, and a listed place", () => {
    const r = parseMinutes(importFixture("minutes/semicolon-list.txt"));
    expect([r.groupName, r.groupQualifier, r.meetingDate, r.truncated]).toEqual([
      "Glenbrae Kinship Care Partnership",
      null,
      "2024-12-03",
      false,
    ]);
    expect(r.attendees!.map((a) => [a.name, a.organisation, a.role, a.status])).toEqual([
      ["Morven Kerr", "Glenbrae Council", "co-chair", "present"],
      ["Tariq Aziz", "Kinship Carers Network", "co-chair", "present"],
      ["Elspeth Rowan", "Glenbrae Health Board", null, "present"],
      ["Callum Baird", "Glenbrae Council", null, "deputised"],
      ["Ruth Lindsay", "Who Cares? Scotland", null, "apologies"],
      ["Ewan Fraser", "Glenbrae College", null, "apologies"],
    ]);
    expect(r.items!.map((i) => i.title)).toEqual([
      "Welcome",
      "Minutes and matters arising",
      "Allowances for kinship carers",
    ]);
    expect(r.nextMeeting).toMatchObject({
      date: "2025-03-04",
      startTime: "14:00",
      endTime: "15:30",
      place: "Glenbrae Town Hall, Glenbrae",
    });
  });

  it("still flags a next-meeting line that stops part-way", () => {
    const r = parseMinutes(
      "Glenbrae Forum Minutes - 1 May 2025\nAttendees\n- Ann Lee, Glenbrae Council\nItems and actions\nWelcome\nThe chair welcomed members.\nDate of next meeting\nTuesday 3 June 2025, from 14:00 to",
    );
    expect(r.nextMeeting?.date).toBe("2025-06-03");
    expect(r.truncated).toBe(true);
  });

  it("flags minutes cut off part-way, keeps what is there, and reports the rest missing, not empty", () => {
    const r = parseMinutes(importFixture("minutes/truncated.txt"));
    expect(r.truncated).toBe(true);
    expect(r.attendees).toHaveLength(3);
    expect(r.items!.map((i) => i.title)).toEqual(["Welcome from co-chairs", "The plain guide to allowances"]);
    expect(r.missing).toEqual(["nextSteps", "nextMeeting"]);
    expect([r.nextSteps, r.nextMeeting, r.otherBusiness]).toEqual([null, null, null]);
    expect(r.warnings.join("\n")).toMatch(/appears to be cut off/);
  });

  it("reports a missing attendance list as unknown (null), not as nobody attending", () => {
    const r = parseMinutes(
      "Glenbrae Forum Minutes - 1 May 2025\nItems and actions\nWelcome\nThe chair welcomed members.\nNext steps\nNone.",
    );
    expect(r.attendees).toBeNull();
    expect(r.missing).toContain("attendees");
  });

  it("refuses what is not minutes, binary files and files over 2 MB", () => {
    expect(() => parseMinutes(importFixture("not-recognised.txt"))).toThrow(/not recognised as minutes/);
    expect(() => parseMinutes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1]))).toThrow(/not text/);
    expect(() => parseMinutes("a".repeat(2 * 1024 * 1024 + 1))).toThrow(DocumentRefusedError);
  });
});

describe("the small readers minutes are made of", () => {
  it("reads attendee entries however they are punctuated", () => {
    expect(parseAttendee("Mary Glasgow,, CCPS ", "present")).toMatchObject({
      name: "Mary Glasgow",
      organisation: "CCPS",
    });
    expect(parseAttendee("Jane Scott (CELCIS)", "present")).toMatchObject({
      name: "Jane Scott",
      organisation: "CELCIS",
    });
    expect(parseAttendee("Ann Lee, Head of Policy, Glenbrae Council", "present")).toMatchObject({
      organisation: "Glenbrae Council",
      note: "Head of Policy",
    });
    expect(parseAttendee("Sam Ode (deputising for Ann Lee), Glenbrae Council", "present")).toMatchObject({
      status: "deputised",
      note: "deputising for Ann Lee",
      organisation: "Glenbrae Council",
    });
    expect(parseAttendee("Kim Roy, Carers Together (apologies)", "present")?.status).toBe("apologies");
    expect(parseAttendee("Ann Lee (co-chair) Glenbrae Council", "present")).toMatchObject({
      name: "Ann Lee",
      organisation: "Glenbrae Council",
      role: "co-chair",
    });
    expect(parseAttendee(", , ,", "present")).toBeNull();
  });

  it("reads dates with or without a year, misspelt months, and refuses impossible days", () => {
    expect(findDate("Tuesday 10 September", "2024-08-05")?.date).toBe("2024-09-10");
    expect(findDate("on 14 January", "2024-11-20")?.date).toBe("2025-01-14");
    expect(findDate("the 3rd of Febuary 2025")?.date).toBe("2025-02-03");
    expect(findDate("March 4, 2025")?.date).toBe("2025-03-04");
    expect(findDate("31 February 2024")).toBeNull();
    expect(findDate("11 June")?.date).toBeNull();
  });

  it("reads times in the ways minutes write them", () => {
    expect(findTimes("between 3.05 p.m. and 4.30 p.m.")).toEqual({ start: "15:05", end: "16:30" });
    expect(findTimes("from 15:05 to 16:30")).toEqual({ start: "15:05", end: "16:30" });
    expect(findTimes("from 10am to noon")).toEqual({ start: "10:00", end: "12:00" });
    expect(findTimes("10.30 to 11.45am")).toEqual({ start: "10:30", end: "11:45" });
    expect(findTimes("on 10 September 2024")).toEqual({ start: null, end: null });
  });
});
