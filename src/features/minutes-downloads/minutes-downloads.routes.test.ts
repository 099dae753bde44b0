import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { TEST_BASE_URL } from "../../../test/support/app-deps.ts";
import { getPage } from "../../../test/support/http.ts";
import { landscapeApp } from "../../../test/support/landscape-app.ts";
import type { LandscapeFixture } from "../landscape/landscape.fixtures.ts";

// Minutes downloads on a real database: published minutes for anyone, unpublished ones only for
// those who may read the group's private business, and private papers in neither.

const { handle, app, f, reader } = await landscapeApp();

async function docxText(body: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join("")
      .replace(/&amp;/g, "&"),
  );
}

const url = (f: LandscapeFixture, meetingId: number, ext: string, slug = f.leadership.slug) =>
  `/groups/${slug}/meetings/${meetingId}/minutes.${ext}`;

describe("minutes downloads", () => {
  it("gives anyone published minutes as Word, with attendees, co-chairs, items, actions and the next meeting", async () => {
    const response = await getPage(app, undefined, url(f, f.meetings.published, "docx"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="${f.leadership.slug}-meeting-${f.meetings.published}-minutes.docx"`,
    );
    const text = await docxText(response.rawPayload);
    expect(text[0]).toBe(`${f.leadership.name} minutes - 21 May 2024`);
    expect(text).toContain("Published 21 May 2024.");
    const tag = f.leadership.name.split(" ").at(-1);
    expect(text).toContain(`Louise Long ${tag} (co-chair), SOLACE ${tag}`);
    expect(text).toContain(`Andrew Watson ${tag} (co-chair), Scottish Government ${tag}`);
    expect(text).toContain(`=Jess Elsey ${tag}, SSSC ${tag} (represented by Mary Morris ${tag})`);
    expect(text).toContain("Welcome from co-chairs");
    expect(text).toContain("Leadership functions");
    expect(text).toContain("second point");
    expect(text).toContain(`Collate the feedback. Owner: Scottish Government ${tag}. Due 10 June 2024.`);
    expect(text).toContain(`paper 1/1: Public paper ${tag}`);
    expect(text).toContain("The next meeting is on 11 June 2024, 3.05 p.m. to 4.30 p.m., online.");
    expect(text.join("\n")).not.toContain(f.secrets.paperTitle);
  });

  it("gives the same minutes as a standalone web page", async () => {
    const response = await getPage(app, undefined, url(f, f.meetings.published, "html"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toContain("<h3>Welcome from co-chairs</h3>");
    expect(response.body).toContain("The next meeting is on 11 June 2024, 3.05 p.m. to 4.30 p.m., online.");
    expect(response.body).not.toContain(f.secrets.paperTitle);
  });

  it("keeps unpublished minutes from the public, and private papers from everyone", async () => {
    for (const ext of ["docx", "html"]) {
      const asPublic = await getPage(app, undefined, url(f, f.meetings.draft, ext, f.workforce.slug));
      expect(asPublic.statusCode).toBe(404);
      expect(asPublic.body).not.toContain(f.secrets.itemTitle);
    }
    const asReader = await getPage(app, reader, url(f, f.meetings.draft, "html", f.workforce.slug));
    expect(asReader.statusCode).toBe(200);
    expect(asReader.headers["cache-control"]).toBe("private, no-store");
    expect(asReader.body).toContain(f.secrets.itemTitle);
    expect(asReader.body).toContain("Draft: these minutes are not yet agreed and not published.");
    const published = await getPage(app, reader, url(f, f.meetings.published, "html"));
    expect(published.body).not.toContain(f.secrets.paperTitle);
  });

  it("gives a paper's uploaded file by its full address, one that works for whoever reads the minutes", async () => {
    const item = await handle.db
      .selectFrom("agenda_item")
      .select("id")
      .where("meeting_id", "=", f.meetings.published)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    const { id } = await handle.db
      .insertInto("paper")
      .values({
        agenda_item_id: item.id,
        position: 3,
        title: "Uploaded paper",
        reference: "paper 1/3",
        public: true,
        file_name: "uploaded.pdf",
        media_type: "application/pdf",
        content: new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const fileAddress = `/groups/${f.leadership.slug}/papers/${id}/file`;
    const text = await docxText(
      (await getPage(app, undefined, url(f, f.meetings.published, "docx"))).rawPayload,
    );
    expect(text).toContain(`paper 1/3: Uploaded paper: ${TEST_BASE_URL}${fileAddress}`);
    expect((await getPage(app, undefined, fileAddress)).statusCode).toBe(200);
  });

  it("answers 404 when the meeting is not the group's in the address, or the address is malformed", async () => {
    expect(
      (await getPage(app, undefined, url(f, f.meetings.published, "docx", f.workforce.slug))).statusCode,
    ).toBe(404);
    expect(
      (await getPage(app, undefined, `/groups/${f.leadership.slug}/meetings/x/minutes.docx`)).statusCode,
    ).toBe(404);
    expect((await getPage(app, undefined, url(f, 999999, "html"))).statusCode).toBe(404);
  });
});
