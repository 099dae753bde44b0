import { describe, expect, it } from "vitest";
import { auditCount } from "../../../test/support/editing-fixtures.ts";
import { unique } from "../../../test/support/factories.ts";
import { governanceApp } from "../../../test/support/governance-app.ts";
import { getPage, signIn } from "../../../test/support/http.ts";
import { docxFile, pdfFile, postMultipart } from "../../../test/support/uploads.ts";
import { MAX_UPLOAD_BYTES } from "../../platform/uploads.ts";
import { addAgendaItem } from "./agenda.service.ts";
import { createGroup } from "./group.service.ts";
import { planMeeting } from "./meeting.service.ts";
import { agreeMinutes, publishMinutes } from "./minutes.service.ts";

// Papers with uploaded files: the secretary attaches them on the agenda item's page; a download
// is an attachment that no browser runs; private papers and papers of unpublished minutes never
// reach the public, in pages, downloads, the API, CSV or calendars.

const { app, db, admin, run } = await governanceApp();

async function meetingWithItem() {
  const group = await run((trx) => createGroup(trx, admin, { name: unique("Data and Digital Group") }));
  const meeting = await run((trx) =>
    planMeeting(trx, admin, group.id, { date: "2024-06-11", status: "held" }),
  );
  const item = await run((trx) => addAgendaItem(trx, admin, meeting, { title: "Data maturity" }));
  const secretary = await signIn(app, db, [{ role: "group_secretary", groupId: group.id }]);
  return { group, meeting, item, secretary };
}

async function papersOf(itemId: number) {
  return db
    .selectFrom("paper")
    .select(["id", "title", "file_name", "media_type", "public"])
    .where("agenda_item_id", "=", itemId)
    .orderBy("id")
    .execute();
}

const fileUrl = (slug: string, id: number) => `/groups/${slug}/papers/${id}/file`;

describe("attaching a file to a paper", () => {
  it("stores the file, judged by its content, and audits it without the content", async () => {
    const { group, item, secretary } = await meetingWithItem();
    const form = await getPage(app, secretary, `/manage/agenda-items/${item}`);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('type="file"');

    const response = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "Data maturity review", reference: "paper 5/1", url: "" },
      {
        field: "file",
        fileName: "C:\\papers\\Data maturity 5-1.txt",
        content: pdfFile(),
        mediaType: "text/html",
      },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/manage/agenda-items/${item}?saved=paper#papers`);
    const [paper] = await papersOf(item);
    expect(paper).toMatchObject({
      title: "Data maturity review",
      file_name: "Data maturity 5-1.txt.pdf",
      media_type: "application/pdf",
      public: false,
    });

    const page = await getPage(app, secretary, `/manage/agenda-items/${item}`);
    expect(page.body).toContain(`href="${fileUrl(group.slug, paper!.id)}"`);

    const download = await getPage(app, secretary, fileUrl(group.slug, paper!.id));
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Data maturity 5-1.txt.pdf"; filename*=UTF-8''Data%20maturity%205-1.txt.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(download.headers["cache-control"]).toBe("private, no-store");
    expect(new Uint8Array(download.rawPayload)).toEqual(pdfFile());

    const event = await db
      .selectFrom("audit_event")
      .select(["action", "after"])
      .where("entity_type", "=", "paper")
      .where("entity_id", "=", String(paper!.id))
      .executeTakeFirstOrThrow();
    expect(event.action).toBe("paper.add");
    expect(event.after).toMatchObject({
      file: { name: "Data maturity 5-1.txt.pdf", mediaType: "application/pdf", bytes: pdfFile().length },
    });
    expect(JSON.stringify(event.after)).not.toContain("%PDF");
  });

  it("refuses a file of a kind not allowed, or too large, naming the field and saving nothing", async () => {
    const { item, secretary } = await meetingWithItem();
    const before = await auditCount(db);
    const program = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "Looks like a PDF" },
      { field: "file", fileName: "paper.pdf", content: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) },
    );
    expect(program.statusCode).toBe(400);
    expect(program.body).toContain('href="#paper-file"');
    expect(program.body).toContain("The file for the paper must be a PDF, Word (.docx)");
    expect(program.body).toContain('value="Looks like a PDF"');

    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(pdfFile());
    const tooLarge = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "A very long paper" },
      { field: "file", fileName: "long.pdf", content: big },
    );
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain("The file for the paper must be 10 MB or smaller");
    expect(tooLarge.body).toContain('href="#paper-file"');

    const missingTitle = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "" },
      { field: "file", fileName: "paper.pdf", content: pdfFile() },
    );
    expect(missingTitle.statusCode).toBe(400);
    expect(missingTitle.body).toContain('href="#paper-paperTitle"');

    const noToken = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "Forged" },
      { field: "file", fileName: "paper.pdf", content: pdfFile() },
      { withoutCsrf: true },
    );
    expect(noToken.statusCode).toBe(403);

    const twoFiles = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "Two" },
      [
        { field: "file", fileName: "one.pdf", content: pdfFile() },
        { field: "file", fileName: "two.pdf", content: pdfFile() },
      ],
    );
    expect(twoFiles.statusCode).toBe(413);
    expect(twoFiles.body).toContain("Send one file at a time.");

    expect(await papersOf(item)).toEqual([]);
    expect(await auditCount(db)).toBe(before);
  });

  it("refuses anyone who does not manage the group, and sends the public to sign in", async () => {
    const { item } = await meetingWithItem();
    const reader = await signIn(app, db, "reader");
    const refused = await postMultipart(
      app,
      reader,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "Not mine" },
      { field: "file", fileName: "paper.pdf", content: pdfFile() },
    );
    expect(refused.statusCode).toBe(403);
    expect(await papersOf(item)).toEqual([]);
  });
});

describe("putting a new file in place of a paper's file", () => {
  it("replaces the file while the minutes are a draft, audits both names, and then refuses", async () => {
    const { group, meeting, item, secretary } = await meetingWithItem();
    const added = await postMultipart(
      app,
      secretary,
      `/manage/agenda-items/${item}/papers`,
      { paperTitle: "Workforce plan" },
      { field: "file", fileName: "plan-v1.pdf", content: pdfFile("first version") },
    );
    expect(added.statusCode).toBe(303);
    const [paper] = await papersOf(item);
    const page = await getPage(app, secretary, `/manage/agenda-items/${item}`);
    expect(page.body).toContain("Put a new file in place of Workforce plan");
    expect(page.body).toContain(`action="/manage/papers/${paper!.id}/file"`);

    // A zip carries the time it was made: keep these bytes to compare the download with.
    const corrected = await docxFile();
    const replaced = await postMultipart(
      app,
      secretary,
      `/manage/papers/${paper!.id}/file`,
      {},
      { field: "file", fileName: "plan-v2.docx", content: corrected },
    );
    expect(replaced.statusCode).toBe(303);
    expect(replaced.headers.location).toBe(`/manage/agenda-items/${item}?saved=paper-updated#papers`);
    expect(await papersOf(item)).toEqual([
      expect.objectContaining({
        title: "Workforce plan",
        file_name: "plan-v2.docx",
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      }),
    ]);
    const download = await getPage(app, secretary, fileUrl(group.slug, paper!.id));
    expect(new Uint8Array(download.rawPayload)).toEqual(corrected);
    const event = await db
      .selectFrom("audit_event")
      .select(["before", "after"])
      .where("entity_type", "=", "paper")
      .where("entity_id", "=", String(paper!.id))
      .where("action", "=", "paper.file")
      .executeTakeFirstOrThrow();
    expect(event.before).toEqual({ file: { name: "plan-v1.pdf", mediaType: "application/pdf" } });
    expect(event.after).toMatchObject({ file: { name: "plan-v2.docx" } });

    await run((trx) => agreeMinutes(trx, admin, meeting, {}));
    const before = await auditCount(db);
    const late = await postMultipart(
      app,
      secretary,
      `/manage/papers/${paper!.id}/file`,
      {},
      { field: "file", fileName: "plan-v3.pdf", content: pdfFile("third") },
    );
    expect(late.statusCode).toBe(409);
    expect((await papersOf(item))[0]!.file_name).toBe("plan-v2.docx");
    expect(await auditCount(db)).toBe(before);
  });

  it("asks for a file when none is chosen, refuses a bad one in its own form, and refuses strangers", async () => {
    const { item, secretary } = await meetingWithItem();
    await postMultipart(app, secretary, `/manage/agenda-items/${item}/papers`, {
      paperTitle: "Timeline",
      url: "https://example.org/timeline",
    });
    const [paper] = await papersOf(item);
    const page = await getPage(app, secretary, `/manage/agenda-items/${item}`);
    expect(page.body).toContain("Attach a file to Timeline");
    const reader = await signIn(app, db, "reader");
    const before = await auditCount(db);

    const none = await postMultipart(app, secretary, `/manage/papers/${paper!.id}/file`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Choose the paper&#39;s new file");
    expect(none.body).toContain(`href="#paper-file-${paper!.id}-file"`);
    expect(none.body).toMatch(/<details class="ds_details" open>/);

    const program = await postMultipart(
      app,
      secretary,
      `/manage/papers/${paper!.id}/file`,
      {},
      { field: "file", fileName: "paper.pdf", content: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) },
    );
    expect(program.statusCode).toBe(400);
    expect(program.body).toContain("The file for the paper must be a PDF, Word (.docx)");

    const stranger = await postMultipart(
      app,
      reader,
      `/manage/papers/${paper!.id}/file`,
      {},
      { field: "file", fileName: "paper.pdf", content: pdfFile() },
    );
    expect(stranger.statusCode).toBe(403);
    expect((await papersOf(item))[0]!.file_name).toBeNull();
    expect(await auditCount(db)).toBe(before);
  });
});

describe("who may download a paper's file", () => {
  it("the public: only public papers of published minutes; never private ones, in any form", async () => {
    const { group, meeting, item, secretary } = await meetingWithItem();
    const upload = async (title: string, isPublic: boolean, content: Uint8Array, fileName: string) =>
      postMultipart(
        app,
        secretary,
        `/manage/agenda-items/${item}/papers`,
        { paperTitle: title, ...(isPublic ? { public: "yes" } : {}) },
        { field: "file", fileName, content },
      );
    expect((await upload("Open data plan", true, await docxFile(), "open-plan.docx")).statusCode).toBe(303);
    expect(
      (await upload("Confidential risk register", false, pdfFile("secret"), "risks.pdf")).statusCode,
    ).toBe(303);
    const [open, secret] = await papersOf(item);
    const reader = await signIn(app, db, "reader");

    // Draft minutes: neither file reaches the public, both reach a reader.
    for (const paper of [open!, secret!]) {
      const refused = await getPage(app, undefined, fileUrl(group.slug, paper.id));
      expect(refused.statusCode).toBe(404);
      expect(refused.headers["content-disposition"]).toBeUndefined();
      expect((await getPage(app, reader, fileUrl(group.slug, paper.id))).statusCode).toBe(200);
    }

    await run((trx) => agreeMinutes(trx, admin, meeting, {}));
    await run((trx) => publishMinutes(trx, admin, meeting, { publishedOn: "2024-07-01" }));

    const opened = await getPage(app, undefined, fileUrl(group.slug, open!.id));
    expect(opened.statusCode).toBe(200);
    expect(opened.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(opened.headers["cache-control"]).toBe("public, max-age=60");
    expect(opened.headers["set-cookie"]).toBeUndefined();
    expect((await getPage(app, undefined, fileUrl(group.slug, secret!.id))).statusCode).toBe(404);
    expect((await getPage(app, reader, fileUrl(group.slug, secret!.id))).statusCode).toBe(200);
    // At another group's address, or a paper that does not exist: not found.
    const other = await run((trx) => createGroup(trx, admin, { name: unique("Other group") }));
    expect((await getPage(app, undefined, fileUrl(other.slug, open!.id))).statusCode).toBe(404);
    expect((await getPage(app, undefined, fileUrl(group.slug, 999999))).statusCode).toBe(404);
    expect((await getPage(app, undefined, `/groups/${group.slug}/papers/x/file`)).statusCode).toBe(404);

    // Every public way in: the private paper's title, file name and address appear in none.
    const publicAnswers = [
      `/groups/${group.slug}`,
      `/groups/${group.slug}/meetings/${meeting}`,
      `/groups/${group.slug}/meetings/${meeting}/minutes.html`,
      `/api/v1/groups/${group.slug}`,
      `/api/v1/groups/${group.slug}/meetings`,
      `/data/meetings.csv`,
      `/data/groups.csv`,
      `/groups/${group.slug}/calendar.ics`,
      `/landscape`,
    ];
    const minutesPage = await getPage(app, undefined, `/groups/${group.slug}/meetings/${meeting}`);
    expect(minutesPage.body).toContain(`href="${fileUrl(group.slug, open!.id)}"`);
    for (const url of publicAnswers) {
      const answer = await getPage(app, undefined, url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.body, url).not.toContain("Confidential risk register");
      expect(answer.body, url).not.toContain("risks.pdf");
      expect(answer.body, url).not.toContain(fileUrl(group.slug, secret!.id));
    }
    const docx = await getPage(app, undefined, `/groups/${group.slug}/meetings/${meeting}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.includes(Buffer.from("Confidential risk register"))).toBe(false);

    // Made private again after publishing: gone from the public at once.
    await db.updateTable("paper").set({ public: false }).where("id", "=", open!.id).execute();
    expect((await getPage(app, undefined, fileUrl(group.slug, open!.id))).statusCode).toBe(404);
  });
});
