import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import type { Actor } from "../../platform/actor.ts";
import { type GovernanceDatabase, governanceDatabase } from "../governance/governance.test-support.ts";
import type { GroupSummary } from "../governance/governance.types.ts";
import { getMeeting } from "../governance/meeting.service.ts";
import { findOrCreateOrganisation } from "../organisations/organisation.service.ts";
import { findOrCreatePerson } from "../people/person.service.ts";
import { importDocument } from "./document-import.service.ts";

// Minutes become meetings through the governance services; progress updates are kept for review;
// the same document twice changes nothing; names are matched, near-matches offered, never merged.

const bytes = (text: string) => new TextEncoder().encode(text);

/** Minutes of `group` on `date` listing `attendees`, in the older layout. */
function minutes(group: string, date: string, attendees: string[]): Uint8Array {
  return bytes(
    [
      `${group} Minutes - ${date}`,
      `Minutes from the meeting of the group held on ${date}.`,
      "Attendees and apologies",
      ...attendees.map((a) => `• ${a}`),
      "Items and actions",
      "Welcome",
      "The chair welcomed members.",
      "Next steps",
      "Members will meet again.",
    ].join("\n"),
  );
}

async function rowCount(
  g: GovernanceDatabase,
  table: "meeting" | "person" | "organisation" | "imported_document" | "agenda_item" | "meeting_attendance",
) {
  const row = await g.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function everything(g: GovernanceDatabase) {
  const tables = [
    "meeting",
    "person",
    "organisation",
    "imported_document",
    "agenda_item",
    "meeting_attendance",
  ] as const;
  return Promise.all(tables.map((t) => rowCount(g, t)));
}

describe("importing minutes as a meeting", () => {
  let g: GovernanceDatabase;
  let forum: GroupSummary;

  beforeAll(async () => {
    g = await governanceDatabase();
    forum = await g.makeGroup({ name: "Glenbrae Kinship Care Forum" });
    // Already in the register, spelt differently: matched, not added again.
    await g.run((trx) => findOrCreateOrganisation(trx, g.editor, { name: "kinship alliance  scotland" }));
  });

  it("creates a held meeting with draft minutes, attendance, agenda items and the next meeting", async () => {
    const report = await importDocument(g.db, g.editor, {
      fileName: "forum.txt",
      bytes: importFixture("minutes/bulleted-forum.txt"),
      sourceAddress: "https://www.example.org/minutes/14-february-2025",
    });
    expect([report.kind, report.outcome]).toEqual(["minutes", "created"]);
    const meeting = await getMeeting(g.db, g.editor, report.meetingId!);
    expect([meeting.group.id, meeting.date, meeting.status, meeting.minutesStatus]).toEqual([
      forum.id,
      "2025-02-14",
      "held",
      "draft",
    ]);
    expect(
      meeting.attendance.map((a) => [a.person.name, a.organisation?.name ?? null, a.status, a.coChair]),
    ).toEqual([
      ["Morag Dunleavy", "Glenbrae Council", "present", true],
      ["Tomasz Nowicki", "kinship alliance  scotland", "present", false],
      ["Aileen Brodie", "Glenbrae Health and Social Care Partnership", "present", false],
      ["Ruaridh Fyfe", "Scottish Government", "present", true],
      ["Priya Raman", "Children's Rights Network", "present", false],
      ["Euan MacLeod", "Glenbrae Council", "present", false],
      ["Fiona Strachan", "Carers Together", "apologies", false],
      ["Douglas Kerr", "Glenbrae Schools", "apologies", false],
    ]);
    expect(meeting.items.map((i) => i.title)).toEqual([
      "Welcome from co-chairs",
      "Allowances for kinship carers",
      "Next steps",
      "Any other business",
    ]);
    expect(meeting.items[1]!.discussionPoints).toHaveLength(4);
    expect(meeting.items[1]!.decisions).toEqual([
      "It was agreed that the Kinship Alliance would draft a plain guide for the next meeting.",
    ]);
    expect(meeting.nextMeeting).toMatchObject({ date: "2025-03-12", startTime: "10:00", endTime: "11:30" });

    const source = await g.db
      .selectFrom("imported_document")
      .select(["kind", "source_address", "meeting_id", "file_name"])
      .where("content_hash", "=", report.contentHash)
      .executeTakeFirstOrThrow();
    expect(source).toEqual({
      kind: "minutes",
      source_address: "https://www.example.org/minutes/14-february-2025",
      meeting_id: report.meetingId,
      file_name: "forum.txt",
    });
  });

  it("changes nothing when the same document is imported again", async () => {
    const before = await everything(g);
    const again = await importDocument(g.db, g.editor, {
      fileName: "again.txt",
      bytes: importFixture("minutes/bulleted-forum.txt"),
    });
    expect([again.outcome, again.reason]).toEqual([
      "skipped",
      "the same document was imported before, from forum.txt",
    ]);
    expect(await everything(g)).toEqual(before);
  });

  it("matches a meeting already recorded on that date and changes nothing", async () => {
    const before = await everything(g);
    const other = bytes(
      `${new TextDecoder().decode(importFixture("minutes/bulleted-forum.txt"))}\nA line added later.`,
    );
    const report = await importDocument(g.db, g.editor, { fileName: "edited.txt", bytes: other });
    expect(report.outcome).toBe("matched");
    expect(report.reason).toMatch(/already has a meeting on 2025-02-14/);
    expect(await everything(g)).toEqual(before);
  });

  it("offers a near-match for confirmation and never merges it by itself", async () => {
    const board = await g.makeGroup({ name: "Glenbrae Promise Board" });
    await g.run((trx) => findOrCreatePerson(trx, g.editor, { name: "Andrew Watson" }));
    const report = await importDocument(g.db, g.editor, {
      fileName: "board.txt",
      bytes: minutes("Glenbrae Promise Board", "5 August 2025", [
        "Andrew Warson(co-chair), Scottish Government",
        "andrew  watson., Scottish Government",
      ]),
    });
    expect(report.nearMatches).toEqual([
      { kind: "person", name: "Andrew Warson", existing: "Andrew Watson" },
    ]);
    const meeting = await getMeeting(g.db, g.editor, report.meetingId!);
    // The exact match (case, spaces, full stop aside) is the existing person; the near one is new.
    expect(meeting.attendance.map((a) => a.person.name)).toEqual(["Andrew Warson", "Andrew Watson"]);
    expect(meeting.group.id).toBe(board.id);

    const confirmed = await importDocument(g.db, g.editor, {
      fileName: "board-2.txt",
      bytes: minutes("Glenbrae Promise Board", "9 September 2025", [
        "Mhairi Warson, Voices of Care",
        "Andrew Warsen, Scottish Government",
      ]),
      same: ["Andrew Warsen=Andrew Watson"],
    });
    const second = await getMeeting(g.db, g.editor, confirmed.meetingId!);
    expect(second.attendance.map((a) => a.person.name)).toEqual(["Mhairi Warson", "Andrew Watson"]);
  });

  it("refuses minutes of a group Waymark does not have, naming the nearest, and saves nothing", async () => {
    const before = await everything(g);
    await expect(
      importDocument(g.db, g.editor, {
        fileName: "x.txt",
        bytes: minutes("Glenbrae Kinship Care Forun", "1 May 2025", ["A Person, Org"]),
      }),
    ).rejects.toThrow(/nearest is “Glenbrae Kinship Care Forum” \(glenbrae-kinship-care-forum\)/);
    expect(await everything(g)).toEqual(before);
    // Chosen by address, they import.
    const chosen = await importDocument(g.db, g.editor, {
      fileName: "x.txt",
      bytes: minutes("Glenbrae Kinship Care Forun", "1 May 2025", ["A Person, Org"]),
      groupSlug: forum.slug,
    });
    expect(chosen.outcome).toBe("created");
  });

  it("lets a group's secretary import its minutes, and no one else's", async () => {
    const secretary: Actor = await g.secretaryOf(forum.id);
    const own = await importDocument(g.db, secretary, {
      fileName: "s.txt",
      bytes: minutes("Glenbrae Kinship Care Forum", "2 June 2025", [
        "Priya Raman, Children's Rights Network",
      ]),
    });
    expect(own.outcome).toBe("created");
    const before = await everything(g);
    await expect(
      importDocument(g.db, secretary, {
        fileName: "t.txt",
        bytes: minutes("Glenbrae Promise Board", "2 June 2025", ["B Person, Org"]),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      importDocument(g.db, g.reader, {
        fileName: "t.txt",
        bytes: importFixture("progress/progress-update-part2.txt"),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await everything(g)).toEqual(before);
  });

  it("imports what a cut-off document holds and keeps it flagged as truncated, with what is missing", async () => {
    const report = await importDocument(g.db, g.editor, {
      fileName: "cut.txt",
      bytes: importFixture("minutes/truncated.txt"),
    });
    expect(report.outcome).toBe("created");
    const meeting = await getMeeting(g.db, g.editor, report.meetingId!);
    expect(meeting.attendance).toHaveLength(3);
    expect(meeting.items.map((i) => i.title)).toEqual([
      "Welcome from co-chairs",
      "The plain guide to allowances",
    ]);
    expect(meeting.nextMeeting).toBeNull();
    const source = await g.db
      .selectFrom("imported_document")
      .select("details")
      .where("meeting_id", "=", report.meetingId)
      .executeTakeFirstOrThrow();
    expect(source.details).toMatchObject({ truncated: true, missing: ["nextSteps", "nextMeeting"] });
  });

  it("keeps a progress update, its key actions becoming commitments with their source, once", async () => {
    const first = await importDocument(g.db, g.editor, {
      fileName: "p.txt",
      bytes: importFixture("progress/progress-update-part2.txt"),
      sourceAddress: "https://www.gov.scot/publications/progress-update/pages/part-2/",
    });
    expect([first.kind, first.outcome, first.reason, first.created]).toEqual([
      "progress-update",
      "created",
      "kept Part 2 with 4 key actions as commitments",
      5,
    ]);
    const kept = await g.db
      .selectFrom("imported_document")
      .select(["id", "kind", "details"])
      .where("content_hash", "=", first.contentHash)
      .executeTakeFirstOrThrow();
    expect(kept.kind).toBe("progress_update");
    expect((kept.details as { commitments: unknown[] }).commitments).toHaveLength(4);
    const commitments = await g.db
      .selectFrom("commitment")
      .selectAll()
      .where("imported_document_id", "=", kept.id)
      .orderBy("ordinal")
      .execute();
    expect(commitments.map((c) => c.ordinal)).toEqual([1, 2, 3, 4]);
    const parsed = (kept.details as { commitments: Array<{ text: string; subItems: string[] }> }).commitments;
    expect(commitments.map((c) => c.text)).toEqual(parsed.map((c) => c.text));
    expect(commitments.map((c) => c.sub_items)).toEqual(parsed.map((c) => c.subItems));
    expect(commitments[0]).toMatchObject({ part_number: "2", imported_document_id: kept.id });
    const audited = await g.db
      .selectFrom("audit_event")
      .select("entity_id")
      .where("entity_type", "=", "commitment")
      .where("action", "=", "commitment.create")
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual(commitments.map((c) => String(c.id)).sort());

    const again = await importDocument(g.db, g.editor, {
      fileName: "p.txt",
      bytes: importFixture("progress/progress-update-part2.txt"),
    });
    expect(again.outcome).toBe("skipped");
    const after = await g.db.selectFrom("commitment").select("id").execute();
    expect(after).toHaveLength(4);
  });

  it("refuses an unrecognised document with the plain message, saving nothing", async () => {
    const before = await everything(g);
    await expect(
      importDocument(g.db, g.editor, { fileName: "n.txt", bytes: importFixture("not-recognised.txt") }),
    ).rejects.toThrow(/not recognised as a route map, minutes or progress update/);
    expect(await everything(g)).toEqual(before);
  });
});

if (!seedFile("002_")) console.warn(`Skipping the import of the real minutes: no seeds in ${SEEDS_DIR}.`);

describe.skipIf(!seedFile("002_"))(
  "importing the real National Leadership Group minutes (seeds 001 and 002)",
  () => {
    it("records both meetings, matches the people and organisations they share, and offers the misspellings", async () => {
      const g = await governanceDatabase();
      const group = await g.makeGroup({ name: "National Leadership Group" });
      const may = await importDocument(g.db, g.editor, {
        fileName: "001.txt",
        bytes: fs.readFileSync(seedFile("001_")!),
      });
      expect([may.outcome, may.created, may.matched]).toEqual(["created", 1 + 5 + 28 + 17, 0]);
      const august = await importDocument(g.db, g.editor, {
        fileName: "002.txt",
        bytes: fs.readFileSync(seedFile("002_")!),
      });
      expect(august.nearMatches).toEqual([
        {
          kind: "organisation",
          name: "Children's Hearing Scotland",
          existing: "Children's Hearings Scotland",
        },
        { kind: "person", name: "Andrew Warson", existing: "Andrew Watson" },
      ]);
      const meeting = await getMeeting(g.db, g.editor, august.meetingId!);
      expect([meeting.group.id, meeting.date, meeting.attendance.length]).toEqual([
        group.id,
        "2024-08-05",
        25,
      ]);
      expect(meeting.nextMeeting).toMatchObject({ date: "2024-09-10", startTime: "15:05", endTime: "16:30" });
      const first = await getMeeting(g.db, g.editor, may.meetingId!);
      expect(first.nextMeeting).toMatchObject({
        date: "2024-06-11",
        startTime: "15:05",
        endTime: "16:30",
        online: true,
      });
    });
  },
);
