import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, ValidationError } from "../../platform/errors.ts";
import { type GovernanceDatabase, governanceDatabase } from "../governance/governance.test-support.ts";
import { importDocument } from "./document-import.service.ts";
import { MissingGroupError } from "./minutes-import.service.ts";

// Minutes of a group Waymark does not have: refused, naming it (and the nearest group there is),
// unless creating it is asked for; then the group is made with the meeting, in one transaction,
// audited, and importing the same minutes again creates nothing.

const bytes = (text: string) => new TextEncoder().encode(text);

function minutes(group: string, date: string): Uint8Array {
  return bytes(
    [
      `${group} Minutes - ${date}`,
      `Minutes from the meeting of the group held on ${date}.`,
      "Attendees and apologies",
      "• Morag Brodie (Glenbrae Council)",
      "Items and actions",
      "Welcome",
      "The chair welcomed members.",
      "Next steps",
      "Members will meet again.",
    ].join("\n"),
  );
}

describe("importing minutes of a group Waymark does not have", () => {
  let g: GovernanceDatabase;
  beforeAll(async () => {
    g = await governanceDatabase();
    await g.makeGroup({ name: "Kelty Youth Voice Panel" });
  });

  const groupsNamed = (name: string) =>
    g.db.selectFrom("governance_group").select(["id", "slug"]).where("name", "=", name).execute();

  it("is refused naming the group, saving nothing, unless creating it is asked for", async () => {
    const document = minutes("Cairnhill Care Review Group", "3 March 2025");
    const refused = await importDocument(g.db, g.editor, { fileName: "m.txt", bytes: document }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(MissingGroupError);
    expect(refused.fields.group).toContain("There is no group called “Cairnhill Care Review Group”");
    expect(refused.fields.group).toContain("--create-group");
    expect(await groupsNamed("Cairnhill Care Review Group")).toEqual([]);

    const report = await importDocument(g.db, g.editor, {
      fileName: "m.txt",
      bytes: document,
      createGroup: true,
    });
    expect(report.outcome).toBe("created");
    expect(report.reason).toMatch(
      /^created the group Cairnhill Care Review Group \(cairnhill-care-review-group\) and created a meeting/,
    );
    const [group] = await groupsNamed("Cairnhill Care Review Group");
    const meeting = await g.db
      .selectFrom("meeting")
      .select(["group_id", "meeting_date"])
      .where("id", "=", report.meetingId!)
      .executeTakeFirstOrThrow();
    expect(meeting).toEqual({ group_id: group!.id, meeting_date: "2025-03-03" });
    const audited = await g.db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_type", "=", "governance_group")
      .where("entity_id", "=", String(group!.id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["group.create"]);

    const again = await importDocument(g.db, g.editor, {
      fileName: "m.txt",
      bytes: document,
      createGroup: true,
    });
    expect(again.outcome).toBe("skipped");
    expect(await groupsNamed("Cairnhill Care Review Group")).toHaveLength(1);
  });

  it("names a near-match to choose, and creates a new group only when asked, never merging", async () => {
    const document = minutes("Kelty Youth Voice Panell", "4 March 2025");
    const refused = await importDocument(g.db, g.editor, { fileName: "n.txt", bytes: document }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(MissingGroupError);
    expect(refused.nearest.name).toBe("Kelty Youth Voice Panel");
    expect(refused.fields.group).toContain("the nearest is “Kelty Youth Voice Panel”");
    const report = await importDocument(g.db, g.editor, {
      fileName: "n.txt",
      bytes: document,
      createGroup: true,
    });
    expect(report.outcome).toBe("created");
    expect(await groupsNamed("Kelty Youth Voice Panell")).toHaveLength(1);
    expect(await groupsNamed("Kelty Youth Voice Panel")).toHaveLength(1);
  });

  it("is for those who may create groups: a secretary may not, and nothing is saved", async () => {
    const own = await g.makeGroup({ name: "Secretary's Own Board" });
    const secretary = await g.secretaryOf(own.id);
    const document = minutes("Another Unknown Board", "5 March 2025");
    const refused = await importDocument(g.db, secretary, {
      fileName: "s.txt",
      bytes: document,
      createGroup: true,
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(await groupsNamed("Another Unknown Board")).toEqual([]);
    // Without asking, the answer is the same refusal naming the group as for anyone.
    const plain = await importDocument(g.db, secretary, { fileName: "s.txt", bytes: document }).catch(
      (e) => e,
    );
    expect(plain).toBeInstanceOf(ValidationError);
  });
});
