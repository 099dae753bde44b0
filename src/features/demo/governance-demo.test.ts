import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { PUBLIC } from "../../platform/actor.ts";
import { slugify } from "../../platform/slugs.ts";
import { getGroup } from "../governance/group.service.ts";
import { getMeeting } from "../governance/meeting.service.ts";
import { DEMO_GROUP_NAME } from "./governance-demo.ts";

const handle = await createTestDatabase("demo");
afterAll(() => handle.close());

describe("the demo's governance", () => {
  it("has the National Leadership Group, its co-chairs, and the published minutes of 21 May 2024 for the public", async () => {
    const group = await getGroup(handle.db, PUBLIC, slugify(DEMO_GROUP_NAME));
    expect(group.members.filter((m) => m.role === "co_chair").map((m) => m.person.name)).toEqual([
      "Andrew Watson",
      "Louise Long",
    ]);
    expect(group.meetings.map((m) => m.date)).toEqual(["2024-05-21"]);
    const meeting = await getMeeting(handle.db, PUBLIC, group.meetings[0]!.id);
    expect(meeting.minutesStatus).toBe("published");
    expect(meeting.attendance.filter((a) => a.coChair)).toHaveLength(2);
    expect(meeting.nextMeeting).toMatchObject({
      date: "2024-06-11",
      startTime: "15:05",
      endTime: "16:30",
      online: true,
    });
    expect(meeting.items.map((i) => i.title)).toContain("Next steps");
  });
});
