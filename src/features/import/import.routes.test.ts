import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { getPage, postForm, type Session, signIn, testApp } from "../../../test/support/http.ts";
import { importFixture } from "../../../test/support/import-fixtures.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { actorForUser } from "../accounts/user.service.ts";
import type { GroupSummary } from "../governance/governance.types.ts";
import { createGroup } from "../governance/group.service.ts";
import { findOrCreatePerson } from "../people/person.service.ts";

// The upload page: check a document (as a file or pasted), review what will be created or
// matched, and only then import it.

/** A multipart form, as a browser sends a file upload. */
function multipart(
  session: Session,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const boundary = "----waymark-test-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: session.csrf, ...fields })) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      file.content,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    method: "POST" as const,
    url: "/manage/import",
    headers: { cookie: session.cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  };
}

/** The hidden fields of the review page's import form. */
function confirmFields(body: string): Record<string, string> {
  const form = body.slice(body.indexOf('action="/manage/import/confirm"'));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    if (m[1] !== "_csrf")
      fields[m[1]!] = m[2]!.replaceAll("&#x3D;", "=").replaceAll("&#x2F;", "/").replaceAll("&amp;", "&");
  }
  return fields;
}

async function count(handle: DatabaseHandle, table: "meeting" | "person" | "imported_document") {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the import pages", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let editor: Session & { email: string };
  let forum: GroupSummary;

  beforeAll(async () => {
    handle = await createTestDatabase("empty");
    app = await testApp(handle.db);
    editor = await signIn(app, handle.db, "programme_editor");
    const user = await handle.db
      .selectFrom("app_user")
      .select(["id", "email", "name"])
      .where("email", "=", editor.email)
      .executeTakeFirstOrThrow();
    const actor = await actorForUser(handle.db, user);
    forum = await handle.db
      .transaction()
      .execute((trx) => createGroup(trx, actor, { name: "Glenbrae Kinship Care Forum" }));
    await handle.db
      .transaction()
      .execute((trx) => findOrCreatePerson(trx, actor, { name: "Tomasz Nowicky" }));
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("shows the upload form, with the groups the user may import minutes for", async () => {
    const response = await getPage(app, editor, "/manage/import");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('enctype="multipart/form-data"');
    expect(response.body).toContain(`<option value="${forum.slug}">Glenbrae Kinship Care Forum</option>`);
  });

  it("checks an uploaded file, shows what will be created and the near-match, then imports it as reviewed", async () => {
    const before = await count(handle, "meeting");
    const review = await app.inject(
      multipart(
        editor,
        { source: "https://www.example.org/forum" },
        { name: "forum.txt", content: importFixture("minutes/bulleted-forum.txt") },
      ),
    );
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain("Check before importing");
    expect(review.body).toMatch(
      /A meeting of Glenbrae Kinship Care Forum on 2025-02-14, held, with draft minutes: 8 attendance entries and 4 agenda items/,
    );
    expect(review.body).toContain("“Tomasz Nowicki” is the person “Tomasz Nowicky”");
    // Checking saved nothing.
    expect(await count(handle, "meeting")).toBe(before);

    const fields = confirmFields(review.body);
    expect(fields.fileName).toBe("forum.txt");
    const people = await count(handle, "person");
    const done = await postForm(app, editor, "/manage/import/confirm", {
      ...fields,
      same: "Tomasz Nowicki=Tomasz Nowicky",
    });
    expect([done.statusCode, done.headers.location]).toEqual([303, "/manage/import?outcome=created"]);
    expect(await count(handle, "meeting")).toBe(before + 2); // the meeting and the next one planned
    // Confirmed as the same person: seven new people, not eight.
    expect(await count(handle, "person")).toBe(people + 7);
    const source = await handle.db
      .selectFrom("imported_document")
      .select(["source_address", "file_name"])
      .where("kind", "=", "minutes")
      .executeTakeFirstOrThrow();
    expect(source).toEqual({ source_address: "https://www.example.org/forum", file_name: "forum.txt" });

    const shown = await getPage(app, editor, "/manage/import?outcome=created");
    expect(shown.body).toContain("The document was imported.");
    const again = await postForm(app, editor, "/manage/import/confirm", fields);
    expect(again.headers.location).toBe("/manage/import?outcome=skipped");
  });

  it("reads pasted text the same way, and says plainly what it does not recognise", async () => {
    const pasted = await postForm(app, editor, "/manage/import", {
      text: importFixture("progress/progress-update-part2.txt").toString("utf8"),
    });
    expect(pasted.statusCode).toBe(200);
    expect(pasted.body).toContain("We will fund a family support worker in every Glenbrae secondary school");

    const documents = await count(handle, "imported_document");
    const refused = await postForm(app, editor, "/manage/import", {
      text: importFixture("not-recognised.txt").toString("utf8"),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("not recognised as a route map, minutes or progress update");
    const empty = await postForm(app, editor, "/manage/import", { text: "" });
    expect([empty.statusCode, empty.body.includes("Choose a file, or paste the document")]).toEqual([
      400,
      true,
    ]);
    expect(await count(handle, "imported_document")).toBe(documents);
  });

  it("offers to create a group Waymark does not have, and creates it only when that is ticked", async () => {
    const text = importFixture("minutes/metadata-board.txt").toString("utf8");
    const review = await postForm(app, editor, "/manage/import", { text });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain("Waymark has no group called “Glenbrae Promise Board”");
    expect(review.body).toContain('name="createGroup" value="yes"');
    expect(review.body).toContain("A new group, “Glenbrae Promise Board”, and a meeting");
    const groups = async () =>
      handle.db
        .selectFrom("governance_group")
        .select("slug")
        .where("name", "=", "Glenbrae Promise Board")
        .execute();
    const before = await count(handle, "meeting");

    const unticked = await postForm(app, editor, "/manage/import/confirm", confirmFields(review.body));
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain("There is no group called “Glenbrae Promise Board”");
    expect(await groups()).toEqual([]);
    expect(await count(handle, "meeting")).toBe(before);

    const ticked = await postForm(app, editor, "/manage/import/confirm", {
      ...confirmFields(review.body),
      createGroup: "yes",
    });
    expect(ticked.statusCode).toBe(303);
    expect(ticked.headers.location).toBe("/manage/import?outcome=created");
    expect(await groups()).toEqual([{ slug: "glenbrae-promise-board" }]);
    // The meeting, in the new group (and the next meeting the minutes name, planned).
    expect(await count(handle, "meeting")).toBeGreaterThan(before);
    const held = await handle.db
      .selectFrom("meeting")
      .innerJoin("governance_group", "governance_group.id", "meeting.group_id")
      .select("meeting.status")
      .where("governance_group.slug", "=", "glenbrae-promise-board")
      .where("meeting.status", "=", "held")
      .execute();
    expect(held).toHaveLength(1);
  });

  it("refuses a binary file with a message", async () => {
    const response = await app.inject(
      multipart(editor, {}, { name: "x.pdf", content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]) }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("This file is not text");
  });

  it("checks a file upload's CSRF token, from the form's field or the X-CSRF-Token header", async () => {
    const file = { name: "x.pdf", content: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]) };
    const withoutToken = multipart({ ...editor, csrf: "" }, {}, file);
    const refused = await app.inject(withoutToken);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("did not come from Waymark");
    const wrong = await app.inject(multipart({ ...editor, csrf: "x".repeat(43) }, {}, file));
    expect(wrong.statusCode).toBe(403);
    const byHeader = await app.inject({
      ...withoutToken,
      headers: { ...withoutToken.headers, "x-csrf-token": editor.csrf },
    });
    // Past the CSRF check: the route itself read the file and refused it for what it is.
    expect(byHeader.statusCode).toBe(400);
    expect(byHeader.body).toContain("This file is not text");
  });

  it("sends the public to sign in and refuses a reader", async () => {
    expect((await getPage(app, undefined, "/manage/import")).headers.location).toBe(
      "/sign-in?returnTo=%2Fmanage%2Fimport",
    );
    const reader = await signIn(app, handle.db, "reader");
    expect((await getPage(app, reader, "/manage/import")).statusCode).toBe(403);
  });
});
