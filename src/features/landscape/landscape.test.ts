import { describe, expect, it } from "vitest";
import { groupSummaries } from "./group-summary.ts";
import type { Landscape, LandscapeGroup } from "./landscape.types.ts";
import { organisationLoads, personLoads } from "./meeting-load.ts";
import { groupOverlaps, jaccard, remitWords } from "./overlap.ts";

// A small invented landscape; every figure below is worked out by hand in the comments.
// Today is 1 June 2025; the load period is the first half of 2025.

const TODAY = "2025-06-01";
const PERIOD = { from: "2025-01-01", to: "2025-06-30" };

const group = (
  g: Partial<LandscapeGroup> & Pick<LandscapeGroup, "id" | "name" | "remit">,
): LandscapeGroup => ({
  slug: g.name.toLowerCase().replace(/ /g, "-"),
  parentId: null,
  portfolio: null,
  startDate: null,
  reviewDate: null,
  endDate: null,
  status: "active",
  ...g,
});

const [LEAD, WORK, DATA, OLD] = [1, 2, 3, 4];
const [ANN, BEN, CAT, DAN, EVE] = [11, 12, 13, 14, 15];
const [COUNCIL, CHARITY, AGENCY] = [21, 22, 23];

const landscape: Landscape = {
  groups: [
    // remit words: change, children, family, lead, scotland (5)
    group({
      id: LEAD,
      name: "Leadership Group",
      remit: "Lead change for children and families across Scotland",
      reviewDate: "2025-04-01",
      endDate: "2026-03-31",
    }),
    // remit words: caring, children, family, support, workforce (5)
    group({
      id: WORK,
      name: "Workforce Group",
      remit: "Support the workforce caring for children and families",
      parentId: LEAD,
    }),
    // remit words: children ("children's"), data, improve, service (4)
    group({
      id: DATA,
      name: "Data Group",
      remit: "Improve data about children's services",
      endDate: "2025-05-01",
    }),
    // ended: never in the overlap
    group({
      id: OLD,
      name: "Old Group",
      remit: "Lead change for children",
      status: "ended",
      endDate: "2024-12-31",
    }),
  ],
  people: [
    { id: ANN, name: "Ann" },
    { id: BEN, name: "Ben" },
    { id: CAT, name: "Cat" },
    { id: DAN, name: "Dan" },
    { id: EVE, name: "Eve" },
  ],
  organisations: [
    { id: COUNCIL, name: "Council A" },
    { id: CHARITY, name: "Charity B" },
    { id: AGENCY, name: "Agency C" },
  ],
  memberships: [
    { groupId: LEAD, personId: ANN, organisationId: COUNCIL, role: "co_chair", from: null, to: null },
    { groupId: LEAD, personId: BEN, organisationId: CHARITY, role: "member", from: null, to: null },
    // Cat left the Leadership Group at the end of March: not a member today
    { groupId: LEAD, personId: CAT, organisationId: AGENCY, role: "member", from: null, to: "2025-03-31" },
    { groupId: WORK, personId: ANN, organisationId: COUNCIL, role: "member", from: null, to: null },
    { groupId: WORK, personId: BEN, organisationId: CHARITY, role: "member", from: null, to: null },
    { groupId: WORK, personId: DAN, organisationId: COUNCIL, role: "member", from: null, to: null },
    { groupId: DATA, personId: DAN, organisationId: COUNCIL, role: "observer", from: null, to: null },
    { groupId: DATA, personId: EVE, organisationId: AGENCY, role: "member", from: "2025-01-01", to: null },
    { groupId: OLD, personId: ANN, organisationId: COUNCIL, role: "member", from: null, to: "2024-12-31" },
  ],
  meetings: [
    { id: 101, groupId: LEAD, date: "2025-02-10", status: "held" },
    { id: 102, groupId: LEAD, date: "2025-05-12", status: "held" },
    { id: 103, groupId: LEAD, date: "2025-07-01", status: "planned" }, // after the period
    { id: 104, groupId: WORK, date: "2025-03-03", status: "held" },
    { id: 105, groupId: WORK, date: "2025-04-07", status: "cancelled" }, // never counts
    { id: 106, groupId: DATA, date: "2025-06-20", status: "planned" }, // in the period: load to come
    { id: 107, groupId: DATA, date: "2024-12-01", status: "held" }, // before the period
    { id: 108, groupId: OLD, date: "2024-10-01", status: "planned" }, // planned, day gone: its last meeting
  ],
  attendance: [
    { meetingId: 101, personId: ANN, organisationId: COUNCIL, status: "present", deputisedById: null },
    { meetingId: 101, personId: BEN, organisationId: CHARITY, status: "apologies", deputisedById: null },
    { meetingId: 101, personId: CAT, organisationId: AGENCY, status: "present", deputisedById: null },
    { meetingId: 102, personId: ANN, organisationId: COUNCIL, status: "present", deputisedById: null },
    { meetingId: 102, personId: BEN, organisationId: CHARITY, status: "deputised", deputisedById: EVE },
    { meetingId: 104, personId: ANN, organisationId: COUNCIL, status: "apologies", deputisedById: null },
    { meetingId: 104, personId: BEN, organisationId: CHARITY, status: "present", deputisedById: null },
    { meetingId: 104, personId: DAN, organisationId: COUNCIL, status: "present", deputisedById: null },
    { meetingId: 105, personId: ANN, organisationId: COUNCIL, status: "present", deputisedById: null },
    { meetingId: 107, personId: DAN, organisationId: COUNCIL, status: "present", deputisedById: null },
  ],
};

describe("remit words", () => {
  it("drops common words and folds plurals and possessives", () => {
    expect(remitWords("Lead change for children and families across Scotland")).toEqual([
      "change",
      "children",
      "family",
      "lead",
      "scotland",
    ]);
    expect(remitWords("Improve data about children's services")).toEqual([
      "children",
      "data",
      "improve",
      "service",
    ]);
    expect(remitWords("The group will meet")).toEqual(["meet"]);
  });

  it("two empty sets are not similar at all", () => {
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set([1, 2]), new Set([2, 3]))).toBeCloseTo(1 / 3);
  });
});

describe("overlap between groups", () => {
  const overlaps = groupOverlaps(landscape, TODAY);

  it("ranks the pairs by the mean of people, organisations and remit similarity, ended groups left out", () => {
    // Members today: Leadership {Ann, Ben} (Cat left), Workforce {Ann, Ben, Dan}, Data {Dan, Eve}.
    // Organisations: Leadership {Council, Charity}, Workforce {Council, Charity}, Data {Council, Agency}.
    // Leadership–Workforce: people 2/3, organisations 2/2 = 1, remit {children, family} 2/8 = 1/4
    //   score (2/3 + 1 + 1/4) / 3 = 23/36
    // Data–Workforce: people {Dan} 1/4, organisations {Council} 1/3, remit {children} 1/8
    //   score (1/4 + 1/3 + 1/8) / 3 = 17/72
    // Data–Leadership: people 0, organisations {Council} 1/3, remit {children} 1/8
    //   score (0 + 1/3 + 1/8) / 3 = 11/72
    expect(overlaps.map((o) => [o.a.name, o.b.name])).toEqual([
      ["Leadership Group", "Workforce Group"],
      ["Data Group", "Workforce Group"],
      ["Data Group", "Leadership Group"],
    ]);
    const [first, second, third] = overlaps;
    expect(first!.people).toBeCloseTo(2 / 3);
    expect(first!.organisations).toBe(1);
    expect(first!.remit).toBeCloseTo(1 / 4);
    expect(first!.score).toBeCloseTo(23 / 36);
    expect(first!.sharedPeople.map((p) => p.name)).toEqual(["Ann", "Ben"]);
    expect(first!.sharedOrganisations.map((o) => o.name)).toEqual(["Charity B", "Council A"]);
    expect(first!.sharedWords).toEqual(["children", "family"]);
    expect(second!.people).toBeCloseTo(1 / 4);
    expect(second!.organisations).toBeCloseTo(1 / 3);
    expect(second!.remit).toBeCloseTo(1 / 8);
    expect(second!.score).toBeCloseTo(17 / 72);
    expect(second!.sharedPeople.map((p) => p.name)).toEqual(["Dan"]);
    expect(third!.people).toBe(0);
    expect(third!.score).toBeCloseTo(11 / 72);
    expect(third!.sharedPeople).toEqual([]);
  });
});

describe("meeting load over a period", () => {
  it("counts each person's expected, attended and apologies", () => {
    // Meetings in the period, not cancelled: 101, 102 (Leadership), 104 (Workforce), 106 (Data).
    // Ann: expected 101, 102, 104 = 3; attended 101, 102 = 2 (105 was cancelled); apologies 104 = 1;
    //      groups Leadership, Workforce = 2
    // Ben: expected 101, 102, 104 = 3; attended 104 = 1; apologies 101 and 102 (sent Eve) = 2; groups 2
    // Dan: expected 104, 106 = 2; attended 104 = 1 (107 is before the period); groups Workforce, Data = 2
    // Cat: expected 101 only (left before 102) = 1; attended 101 = 1; groups 1
    // Eve: expected 106 = 1; attended 102 as Ben's deputy = 1; groups Data, Leadership = 2
    // Order: expected, then attended, then name: Ann, Ben, Dan, Cat, Eve.
    expect(
      personLoads(landscape, PERIOD).map((l) => [
        l.person.name,
        l.groups,
        l.expected,
        l.attended,
        l.apologies,
      ]),
    ).toEqual([
      ["Ann", 2, 3, 2, 1],
      ["Ben", 2, 3, 1, 2],
      ["Dan", 2, 2, 1, 0],
      ["Cat", 1, 1, 1, 0],
      ["Eve", 2, 1, 1, 0],
    ]);
  });

  it("counts each organisation's groups, meetings, seats and attendances", () => {
    // Groups with a membership some time in the period: Council: Leadership, Workforce, Data = 3
    //   (its Old Group membership ended in 2024); Charity: Leadership, Workforce = 2;
    //   Agency: Leadership (Cat until March), Data (Eve) = 2.
    // Seats: 101 Council 1, Charity 1, Agency 1; 102 Council 1, Charity 1; 104 Council 2 (Ann, Dan),
    //   Charity 1; 106 Council 1 (Dan), Agency 1 (Eve).
    //   Council: meetings 4, seats 5; Charity: meetings 3, seats 3; Agency: meetings 2, seats 2.
    // Attendances (present or deputised): Council 101 Ann, 102 Ann, 104 Dan = 3;
    //   Charity 102 (Eve for Ben), 104 Ben = 2; Agency 101 Cat = 1.
    expect(
      organisationLoads(landscape, PERIOD).map((l) => [
        l.organisation.name,
        l.groups,
        l.meetings,
        l.seats,
        l.attendances,
      ]),
    ).toEqual([
      ["Council A", 3, 4, 5, 3],
      ["Charity B", 2, 3, 3, 2],
      ["Agency C", 2, 2, 2, 1],
    ]);
  });

  it("a period with no meetings gives no one any meetings", () => {
    const loads = personLoads(landscape, { from: "2023-01-01", to: "2023-12-31" });
    expect(loads).toEqual([]);
  });
});

describe("groups on the landscape", () => {
  it("gives each group's parent, last and next meeting and flags", () => {
    // Data: last 107 (held 1 Dec 2024), next 106; its end date, 1 May 2025, has passed.
    // Leadership: last 102 (12 May), next 103 (1 July); review date 1 April 2025 has passed.
    // Old: ended, so no flags; its last meeting is 108, planned for a day already gone.
    // Workforce: last 104 (105 was cancelled), nothing planned; parent Leadership; no end date.
    const summaries = groupSummaries(landscape, TODAY);
    expect(
      summaries.map((s) => [
        s.group.name,
        s.parent?.name ?? null,
        s.lastMeeting?.id ?? null,
        s.nextMeeting?.id ?? null,
        s.flags.map((f) => f.kind),
      ]),
    ).toEqual([
      ["Data Group", null, 107, 106, ["past_end"]],
      ["Leadership Group", null, 102, 103, ["review_due"]],
      ["Old Group", null, 108, null, []],
      ["Workforce Group", "Leadership Group", 104, null, ["no_end_date"]],
    ]);
  });
});
