import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, STACK_TRACE } from "../../test/support/cli.ts";
import { linkIn, type MailCatcher, startMailCatcher } from "../../test/support/smtp.ts";

// `waymark users invite`, run for real in child processes on an embedded data folder, sending
// through a real SMTP server in this process.

describe("the waymark users invite command", () => {
  let tmp: string;
  let catcher: MailCatcher;
  let env: Record<string, string>;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-users-"));
    catcher = await startMailCatcher();
    env = {
      WAYMARK_DATA_DIR: path.join(tmp, "data"),
      WAYMARK_SMTP_URL: catcher.url,
      WAYMARK_BASE_URL: "https://waymark.example.org",
    };
  });
  afterAll(async () => {
    await catcher.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("invites a new installation's first administrator by email, and then only as an administrator", async () => {
    expect((await runCli(["migrate"], env)).code).toBe(0);

    const first = await runCli(["users", "invite", "ada@example.test", "--name", "Ada Lovelace"], env);
    expect([first.code, first.stderr]).toEqual([
      0,
      expect.stringContaining("Invited ada@example.test (administrator)"),
    ]);
    const message = await catcher.next("ada@example.test", 0);
    expect(linkIn(message, "https://waymark.example.org/invitations/")).toMatch(/\/invitations\/[\w-]{43}$/);

    const second = await runCli(["users", "invite", "bob@example.test", "--name", "Bob"], env);
    expect(second.code).toBe(1);
    // Said once, not once as the error and again for its one field.
    expect(second.stderr.match(/There is already an administrator/g)).toHaveLength(1);
    expect(second.stderr).not.toMatch(STACK_TRACE);

    // Ada has not accepted yet, so she cannot invite anyone.
    const asInvited = await runCli(
      [
        "users",
        "invite",
        "bob@example.test",
        "--name",
        "Bob",
        "--role",
        "reader",
        "--as",
        "ada@example.test",
      ],
      env,
    );
    expect(asInvited.code).toBe(1);
    expect(asInvited.stderr).toContain("ada@example.test is not an active administrator's account");

    const badRole = await runCli(
      ["users", "invite", "bob@example.test", "--name", "Bob", "--role", "boss"],
      env,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('"boss" is not a role');
    expect(catcher.to("bob@example.test")).toEqual([]);
  }, 300_000);

  it("without a mail server, prints the invitation and its link instead", async () => {
    const data = { WAYMARK_DATA_DIR: path.join(tmp, "offline") };
    expect((await runCli(["migrate"], data)).code).toBe(0);
    const invited = await runCli(
      ["users", "invite", "cara@example.test", "--name", "Cara", "--role", "administrator"],
      data,
    );
    expect(invited.code).toBe(0);
    expect(invited.stderr).toMatch(/http:\/\/localhost:3000\/invitations\/[\w-]{43}/);
    expect(invited.stderr).toContain("pass on the link printed above");
  }, 120_000);
});
