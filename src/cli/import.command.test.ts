import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliOnTerminal, STACK_TRACE, terminalAvailable } from "../../test/support/cli.ts";
import { IMPORT_FIXTURES } from "../../test/support/import-fixtures.ts";

// `waymark import`, run for real in child processes on an embedded data folder with the demo data.

const page = path.join(IMPORT_FIXTURES, "cli/2025-advocacy.txt");

describe("the waymark import command", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-import-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("previews a page without saving, imports it as a draft once, and skips it the second time", async () => {
    const data = { WAYMARK_DATA_DIR: path.join(tmp, "data") };
    expect((await runCli(["demo"], data)).code).toBe(0);

    const dryRun = await runCli(["import", page, "--dry-run", "--json"], data);
    expect(dryRun.code).toBe(0);
    const [preview] = JSON.parse(dryRun.stdout);
    expect(preview).toMatchObject({
      outcome: "dry-run",
      result: { format: "2025", themeName: "Advocacy and legal advice", truncated: false },
    });
    expect(preview.result.draft.actions).toHaveLength(2);
    expect(dryRun.stderr).toContain("nothing was saved");

    const nobody = await runCli(["import", page, "--as", "nobody@example.org"], data);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no account with the email address nobody@example.org/);
    expect(nobody.stderr).not.toMatch(STACK_TRACE);

    // Created now, so neither the dry run nor the refused run saved anything.
    const first = await runCli(["import", path.dirname(page), "--as", "editor@waymark.test"], data);
    expect([first.code, first.stderr]).toEqual([
      0,
      expect.stringContaining("created 1, matched 0, skipped 0"),
    ]);
    expect(first.stderr).toMatch(
      /created a draft January 2026 edition of the Advocacy and legal advice route map/,
    );

    // On a terminal, under the progress bar: each file's line as well as the summary (the bar used
    // to drop them, piped output never did).
    const second = terminalAvailable
      ? await runCliOnTerminal(["import", page, "--as", "editor@waymark.test"], data)
      : await runCli(["import", page, "--as", "editor@waymark.test"], data);
    if (!terminalAvailable)
      console.warn("No `script` command here: the import ran piped, not on a terminal.");
    const printed = second.stdout + second.stderr;
    expect(second.code).toBe(0);
    expect(printed).toContain(`${page}: skipped`);
    expect(printed).toContain("created 0, matched 0, skipped 1");
  }, 300_000);

  it("reads minutes, progress updates and route maps in one dry run, and refuses what it does not recognise", async () => {
    const data = { WAYMARK_DATA_DIR: path.join(tmp, "none") };
    const files = [
      "minutes/metadata-board.txt",
      "progress/progress-update-part2.txt",
      "2025-kinship.txt",
      "not-recognised.txt",
    ].map((f) => path.join(IMPORT_FIXTURES, f));
    const run = await runCli(["import", ...files, "--dry-run", "--json"], data);
    expect(run.code).toBe(1); // one file refused
    const out = JSON.parse(run.stdout);
    expect(
      out.map((r: { outcome: string; result?: { kind: string } }) => [r.outcome, r.result?.kind]),
    ).toEqual([
      ["dry-run", "minutes"],
      ["dry-run", "progress-update"],
      ["dry-run", "route-map"],
      ["refused", undefined],
    ]);
    expect(out[0].result).toMatchObject({
      groupName: "Glenbrae Promise Board",
      meetingDate: "2025-11-03",
      publishedDate: "2025-11-20",
      nextMeeting: { date: "2025-12-02", startTime: "14:00", endTime: "15:30", online: true },
    });
    expect(out[3].message).toMatch(/not recognised as a route map, minutes or progress update/);
    expect(run.stderr).toMatch(
      /metadata-board.txt: dry-run — found minutes \(metadata layout\) of Glenbrae Promise Board, meeting 2025-11-03: 5 attendees, chaired by Isla Sutherland and Kwame Mensah, 2 agenda items/,
    );
    expect(run.stderr).toContain("4 file(s): found 3, created 0, matched 0, skipped 0, refused 1");
    expect(run.stderr).not.toMatch(STACK_TRACE);
  }, 300_000);

  it("imports a progress update once, and names a group Waymark does not have, creating it when asked", async () => {
    const data = { WAYMARK_DATA_DIR: path.join(tmp, "data-2") };
    expect((await runCli(["demo"], data)).code).toBe(0);
    const update = path.join(IMPORT_FIXTURES, "progress/progress-update-part2.txt");
    const first = await runCli(["import", update, "--as", "editor@waymark.test"], data);
    expect([first.code, first.stderr]).toEqual([
      0,
      expect.stringContaining("kept Part 2 with 4 key actions as commitments"),
    ]);
    expect(first.stderr).toContain("(created 5, matched 0, warnings 0)");
    const again = await runCli(["import", update, "--as", "editor@waymark.test"], data);
    expect(again.stderr).toContain("created 0, matched 0, skipped 1");

    const forum = path.join(IMPORT_FIXTURES, "minutes/bulleted-forum.txt");
    const refused = await runCli(["import", forum, "--as", "editor@waymark.test"], data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/There is no group called “Glenbrae Kinship Care Forum”/);
    expect(refused.stderr).toContain("--create-group");
    expect(refused.stderr).not.toMatch(STACK_TRACE);

    const created = await runCli(["import", forum, "--as", "editor@waymark.test", "--create-group"], data);
    expect([created.code, created.stderr]).toEqual([
      0,
      expect.stringContaining("created the group Glenbrae Kinship Care Forum (glenbrae-kinship-care-forum)"),
    ]);
  }, 300_000);
});
