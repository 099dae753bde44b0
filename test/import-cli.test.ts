import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, STACK_TRACE } from "./support/cli.ts";

// `waymark import`, run for real in child processes on an embedded data folder with the demo data.

const page = path.resolve(import.meta.dirname, "fixtures/import/cli/2025-advocacy.txt");

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

    const second = await runCli(["import", page, "--as", "editor@waymark.test"], data);
    expect([second.code, second.stderr]).toEqual([
      0,
      expect.stringContaining("created 0, matched 0, skipped 1"),
    ]);
  }, 120_000);
});
