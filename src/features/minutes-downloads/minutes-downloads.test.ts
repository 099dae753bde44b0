import JSZip from "jszip";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { minutesDocx } from "./minutes-docx.ts";
import { minutesHtml } from "./minutes-html.ts";
import { clockTime, type MinutesDocument, minutesOutline } from "./minutes-outline.ts";

// Minutes shaped like the National Leadership Group's of 21 May 2024 (seed 001), cut short. The
// Word file is unzipped and its document.xml read back paragraph by paragraph; the web page is
// parsed; both must say what the outline says, in order.

const minutes: MinutesDocument = {
  groupName: "Children and Families: National Leadership Group",
  meeting: {
    date: "2024-05-21",
    startTime: "10:00",
    endTime: "13:00",
    place: "Victoria Quay",
    online: false,
  },
  minutesStatus: "published",
  publishedDate: "2024-07-01",
  attendees: [
    { name: "Louise Long", organisation: "SOLACE", coChair: true, status: "present", deputy: null },
    { name: "Laura Caven", organisation: "CoSLA", coChair: false, status: "present", deputy: null },
    { name: "Jess Elsey", organisation: "SSSC", coChair: false, status: "apologies", deputy: null },
    {
      name: "Helen Happer",
      organisation: "Care Inspectorate",
      coChair: false,
      status: "deputised",
      deputy: { name: "Mary Morris", organisation: "Care Inspectorate" },
    },
    {
      name: "Andrew Watson",
      organisation: "Scottish Government",
      coChair: true,
      status: "present",
      deputy: null,
    },
  ],
  items: [
    {
      title: "Welcome from co-chairs",
      notes:
        "Louise Long welcomed members to the meeting.\n\nAndrew Watson also thanked members for attending.",
      discussionPoints: [],
      decisions: [],
      actions: [],
      papers: [],
    },
    {
      title: "Leadership functions - drivers for change",
      notes: "Jane Scott (CELCIS) presented the main issues for the group's leadership functions.",
      discussionPoints: [
        "have a more defined, pro-active and influential role",
        "create better alignment <across> groups & more",
      ],
      decisions: ["The group will set its priorities at the next meeting."],
      actions: [
        {
          text: "Collate the feedback from the session.",
          owner: "CELCIS",
          due: "2024-06-10",
          status: "open",
        },
      ],
      papers: [{ title: "Drivers for change", reference: "paper 1/1", url: null }],
    },
  ],
  mattersArising: [
    { text: "Circulate the terms of reference.", owner: "Scottish Government", due: null, status: "open" },
  ],
  nextMeeting: { date: "2024-06-11", startTime: "15:05", endTime: "16:30", place: null, online: true },
  url: "https://waymark.example/groups/nlg/meetings/1/minutes",
};

/** Every line of the outline, as a reader sees it: headings, paragraphs, and each list item. */
function outlineLines(doc: MinutesDocument): string[] {
  return minutesOutline(doc).flatMap((b) => (b.kind === "list" ? b.items : [b.text]));
}

async function docxParagraphs(buffer: Buffer): Promise<{ text: string; style: string | null }[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] ?? m[2] ?? "";
    const text = [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join("");
    const style = /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null;
    return { text, style };
  });
}

describe("minutes as Word", () => {
  it("opens as a zip of Office XML and holds every line of the minutes in order", async () => {
    const buffer = await minutesDocx(minutes);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const paragraphs = await docxParagraphs(buffer);
    expect(paragraphs.map((p) => p.text)).toEqual(outlineLines(minutes));
  });

  it("lists attendees with organisations, co-chairs marked, apologies and deputies", async () => {
    const text = (await docxParagraphs(await minutesDocx(minutes))).map((p) => p.text);
    expect(text).toContain("Louise Long (co-chair), SOLACE");
    expect(text).toContain("Andrew Watson (co-chair), Scottish Government");
    expect(text).toContain("Laura Caven, CoSLA");
    expect(text).toContain("Jess Elsey, SSSC");
    expect(text).toContain("Helen Happer, Care Inspectorate (represented by Mary Morris, Care Inspectorate)");
    expect(text.indexOf("Apologies")).toBeGreaterThan(text.indexOf("Laura Caven, CoSLA"));
    expect(text.indexOf("Jess Elsey, SSSC")).toBeGreaterThan(text.indexOf("Apologies"));
  });

  it("has every item, its discussion, decisions, actions and papers, and the next meeting", async () => {
    const paragraphs = await docxParagraphs(await minutesDocx(minutes));
    const text = paragraphs.map((p) => p.text);
    expect(paragraphs.filter((p) => p.style === "Heading3").map((p) => p.text)).toEqual([
      "Attendees",
      "Apologies",
      "Welcome from co-chairs",
      "Leadership functions - drivers for change",
    ]);
    expect(text).toContain("Andrew Watson also thanked members for attending.");
    expect(text).toContain("create better alignment <across> groups & more");
    expect(text).toContain("The group will set its priorities at the next meeting.");
    expect(text).toContain("Collate the feedback from the session. Owner: CELCIS. Due 10 June 2024.");
    expect(text).toContain("paper 1/1: Drivers for change");
    expect(text).toContain("Circulate the terms of reference. Owner: Scottish Government.");
    expect(text).toContain("The next meeting is on 11 June 2024, 3.05 p.m. to 4.30 p.m., online.");
    expect(paragraphs[0]).toEqual({
      text: "Children and Families: National Leadership Group minutes - 21 May 2024",
      style: "Heading1",
    });
  });

  it("says so when the minutes are still a draft", async () => {
    const text = (
      await docxParagraphs(await minutesDocx({ ...minutes, minutesStatus: "draft", publishedDate: null }))
    ).map((p) => p.text);
    expect(text).toContain("Draft: these minutes are not yet agreed and not published.");
    expect(text.some((t) => t.startsWith("Published"))).toBe(false);
  });
});

describe("minutes as a web page", () => {
  it("is a whole document saying what the Word file says", () => {
    const page = minutesHtml(minutes);
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    const { document } = parseHTML(page);
    expect(document.querySelector("title")!.textContent).toBe(
      "Children and Families: National Leadership Group minutes - 21 May 2024",
    );
    const lines = [...document.querySelectorAll("main h1, main h2, main h3, main p, main li")].map(
      (e) => e.textContent,
    );
    expect(lines).toEqual(outlineLines(minutes));
    expect(page).toContain("create better alignment &lt;across&gt; groups &amp; more");
    expect(page).not.toContain("<script");
  });
});

describe("clock times", () => {
  it("are written the way the minutes write them", () => {
    expect(clockTime("15:05")).toBe("3.05 p.m.");
    expect(clockTime("09:00")).toBe("9 a.m.");
    expect(clockTime("12:30")).toBe("12.30 p.m.");
    expect(clockTime("00:15")).toBe("12.15 a.m.");
  });
});
