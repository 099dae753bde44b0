import fs from "node:fs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, signIn, testApp } from "../../../test/support/http.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";

// The meeting of the National Leadership Group on 21 May 2024 (seed 001), entered through the
// forms as a secretariat would, gives a minutes page that reads like the published one, and a Word
// download that says the same (read back from its word/document.xml). The seeds live beside the
// repository (test/support/seeds.ts); a checkout without them skips this, saying so.

const seed = seedFile("001_");
const seedLines = seed
  ? fs
      .readFileSync(seed, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
  : [];

/** The text of each paragraph of a Word document, in order. */
async function docxParagraphs(body: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file("word/document.xml")!.async("string");
  const entities = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    entities([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!).join("")),
  );
}

interface Attendee {
  name: string;
  organisation: string;
  coChair: boolean;
}

/** "• Louise Long(Co-Chair), SOLACE" → Louise Long, SOLACE, co-chair. */
function attendees(): Attendee[] {
  const start = seedLines.indexOf("Attendees and apologies");
  const end = seedLines.indexOf("Items and actions");
  return seedLines.slice(start + 1, end).map((line) => {
    const text = line.replace(/^•\s*/, "");
    const comma = text.lastIndexOf(",");
    const who = text.slice(0, comma).trim();
    return {
      name: who.replace(/\s*\(co-chair\)\s*$/i, "").trim(),
      organisation: text.slice(comma + 1).trim(),
      coChair: /\(co-chair\)/i.test(who),
    };
  });
}

/** The items: headings (short lines, no bullet, no closing full stop or colon) and what follows. */
function items(): { title: string; notes: string[]; points: string[] }[] {
  const start = seedLines.indexOf("Items and actions");
  const end = seedLines.indexOf("Back to top");
  const result: { title: string; notes: string[]; points: string[] }[] = [];
  for (const line of seedLines.slice(start + 1, end < 0 ? undefined : end)) {
    const isHeading = !line.startsWith("•") && line.length < 120 && !/[.:]$/.test(line);
    if (isHeading) result.push({ title: line, notes: [], points: [] });
    else if (line.startsWith("•")) result.at(-1)?.points.push(line.replace(/^•\s*/, ""));
    else result.at(-1)?.notes.push(line);
  }
  return result;
}

const handle = await createTestDatabase("empty");
const app = await testApp(handle.db);
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe.skipIf(!seed)("the minutes of 21 May 2024 entered through the forms", () => {
  it("give a public minutes page with every attendee and organisation, the co-chairs, every item and the next meeting", async () => {
    const secretariat = await signIn(app, handle.db, "programme_editor");
    const people = attendees();
    const agenda = items();
    expect(people).toHaveLength(28);
    expect(agenda.map((i) => i.title)).toEqual([
      "Welcome from co-chairs",
      "Leadership functions - drivers for change from the research on children's services reform",
      "Case study - key issues and challenges for policy implementation",
      "Next steps",
      "Any other business and date of next meeting",
    ]);

    const created = await postForm(app, secretariat, "/manage/groups", {
      name: "Children and Families National Leadership Group",
      remit: "Leadership of the reform of children's services.",
      portfolio: "Children and Families",
    });
    expect(created.statusCode).toBe(303);
    const groupPath = created.headers.location!.replace(/\?.*$/, "");
    const slug = groupPath.split("/").at(-1)!;

    const planned = await postForm(app, secretariat, `${groupPath}/meetings`, {
      "date-day": "21",
      "date-month": "5",
      "date-year": "2024",
      place: "Edinburgh",
    });
    expect(planned.statusCode).toBe(303);
    const meetingPath = planned.headers.location!.replace(/\?.*$/, "");
    const meetingId = meetingPath.split("/").at(-1)!;
    // The details form carries the version it was made from, as a browser would send it.
    const detailsPage = (await getPage(app, secretariat, meetingPath)).body;
    const version = /name="version" value="(\d+)"/.exec(detailsPage)?.[1] ?? "";
    const held = await postForm(app, secretariat, meetingPath, {
      version,
      "date-day": "21",
      "date-month": "5",
      "date-year": "2024",
      place: "Edinburgh",
      status: "held",
    });
    expect(held.statusCode).toBe(303);

    const rows: Record<string, string> = {};
    people.forEach((p, i) => {
      rows[`person-${i + 1}`] = p.name;
      rows[`organisation-${i + 1}`] = p.organisation;
      rows[`status-${i + 1}`] = "present";
      if (p.coChair) rows[`coChair-${i + 1}`] = "yes";
    });
    const attendance = await postForm(app, secretariat, `${meetingPath}/attendance`, rows);
    expect(attendance.statusCode, attendance.body.slice(0, 500)).toBe(303);

    for (const item of agenda) {
      const added = await postForm(app, secretariat, `${meetingPath}/items`, {
        title: item.title,
        notes: item.notes.join("\n\n"),
        discussionPoints: item.points.join("\n"),
      });
      expect(added.statusCode, added.body.slice(0, 500)).toBe(303);
    }
    const next = await postForm(app, secretariat, `${meetingPath}/next`, {
      "nextDate-day": "11",
      "nextDate-month": "6",
      "nextDate-year": "2024",
      nextStartTime: "3.05 p.m.",
      nextEndTime: "4.30 p.m.",
      nextOnline: "yes",
    });
    expect(next.statusCode, next.body.slice(0, 500)).toBe(303);

    const minutesPath = `/groups/${slug}/meetings/${meetingId}`;
    expect((await getPage(app, undefined, minutesPath)).statusCode).toBe(404);

    const manage = await getPage(app, secretariat, meetingPath);
    const nextId = /name="agreedAt"[\s\S]*?<option value="(\d+)"/.exec(manage.body)?.[1];
    expect(nextId).toBeDefined();
    expect(
      (await postForm(app, secretariat, `${meetingPath}/agree`, { agreedAt: nextId!, amendments: "" }))
        .statusCode,
    ).toBe(303);
    const published = await postForm(app, secretariat, `${meetingPath}/publish`, {
      "publishedOn-day": "4",
      "publishedOn-month": "7",
      "publishedOn-year": "2024",
    });
    expect(published.statusCode).toBe(303);

    const page = await getPage(app, undefined, minutesPath);
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    for (const p of people) {
      const line = p.coChair ? `${p.name} (Co-Chair), ${p.organisation}` : `${p.name}, ${p.organisation}`;
      expect(text, line).toContain(`<li>${line}</li>`);
    }
    expect(text.match(/\(Co-Chair\)/g)).toHaveLength(2);
    for (const item of agenda) expect(text).toContain(`<h3>${item.title}</h3>`);
    expect(text).toContain("The following points were made in discussion:");
    expect(text).toContain("The group's next meeting is on 11 June 2024, 3.05 p.m. to 4.30 p.m., online.");
    expect(text).toContain("Minutes from the meeting of the group held on 21 May 2024, Edinburgh.");

    const group = await getPage(app, undefined, `/groups/${slug}`);
    expect(group.body).toContain(`href="${minutesPath}"`);

    // The Word download, read back: the same attendees (in the same order, with organisations),
    // the same two co-chairs, every item, and the next meeting.
    const docx = await getPage(app, undefined, `${minutesPath}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    const paragraphs = await docxParagraphs(docx.rawPayload);
    expect(paragraphs[0]).toBe("Children and Families National Leadership Group minutes - 21 May 2024");
    expect(paragraphs).toContain("Minutes from the meeting of the group held on 21 May 2024, at Edinburgh.");
    const from = paragraphs.indexOf("Attendees");
    const listed = paragraphs.slice(from + 1, from + 1 + people.length);
    expect(listed).toEqual(
      people.map((p) => `${p.name}${p.coChair ? " (co-chair)" : ""}, ${p.organisation}`),
    );
    expect(listed).toHaveLength(28);
    expect(paragraphs.filter((p) => p.includes("(co-chair)"))).toEqual([
      "Louise Long (co-chair), SOLACE",
      "Andrew Watson (co-chair), Scottish Government",
    ]);
    expect(paragraphs).not.toContain("Apologies");
    const headings = paragraphs.slice(paragraphs.indexOf("Items and actions") + 1);
    for (const item of agenda) {
      expect(headings, item.title).toContain(item.title);
      for (const point of item.points) expect(paragraphs, point).toContain(point);
    }
    expect(paragraphs.indexOf(agenda[0]!.title)).toBeLessThan(paragraphs.indexOf(agenda.at(-1)!.title));
    expect(paragraphs).toContain("Date of next meeting");
    expect(paragraphs).toContain("The next meeting is on 11 June 2024, 3.05 p.m. to 4.30 p.m., online.");
    // Many requests on one test: a busy machine needs more than the default 30 seconds.
  }, 300_000);
});

if (!seed) console.log(`Skipping the seed minutes test: there is no 001_*.txt in ${SEEDS_DIR}.`);
