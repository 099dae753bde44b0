import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, STACK_TRACE } from "../../test/support/cli.ts";

// `waymark data load`, run for real in child processes on an embedded data folder with the demo data.

describe("the waymark data load command", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-data-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("refuses a file with row-level errors saving nothing, then loads a clean file and keeps the old value", async () => {
    const data = { WAYMARK_DATA_DIR: path.join(tmp, "data") };
    expect((await runCli(["demo"], data)).code).toBe(0);
    const bad = path.join(tmp, "bad.csv");
    fs.writeFileSync(bad, "period,geography,value\n2024-07-31,S12999999,10\n2024-07-31,S92000003,lots\n");
    const refused = await runCli(
      ["data", "load", bad, "--indicator", "children-looked-after", "--as", "analyst@waymark.test"],
      data,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("has 2 problems; nothing was saved");
    expect(refused.stderr).toContain("row 2, geography");
    expect(refused.stderr).toContain('row 3, value: "lots" is not a number.');
    expect(refused.stderr).not.toMatch(STACK_TRACE);

    const editor = await runCli(
      ["data", "load", bad, "--indicator", "children-looked-after", "--as", "editor@waymark.test"],
      data,
    );
    expect(editor.code).toBe(1);
    expect(editor.stderr).toContain("may not load indicator data");

    const good = path.join(tmp, "good.csv");
    fs.writeFileSync(
      good,
      "period,geography,value,flag\n2023-07-31,S92000003,12207,revised\n2024-07-31,S92000003,11900,provisional\n",
    );
    const loaded = await runCli(
      ["data", "load", good, "--indicator", "children-looked-after", "--as", "analyst@waymark.test"],
      data,
    );
    expect(loaded.stderr).toContain("Loaded");
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).toContain("1 new, 1 replaced, 0 unchanged");
  }, 240_000);
});
