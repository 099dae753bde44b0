import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, STACK_TRACE } from "../../test/support/cli.ts";
import { serverUrl } from "../../test/support/database.ts";
import { LEADERSHIP_DECEMBER_2025, LEADERSHIP_JUNE_2024 } from "../features/demo/leadership.ts";

// The `waymark` command, run for real in child processes. Few and slow-ish: each one starts Node.

describe("the waymark command", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-cli-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // Generous time limits: each step starts Node and the embedded database, slow on a busy machine.
  it("lists its commands, the environment variables it reads and its exit codes, and says its version", async () => {
    const [result, version] = await Promise.all([runCli(["--help"], {}), runCli(["--version"], {})]);
    expect([version.code, version.stdout]).toEqual([0, "0.1.0\n"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Exit codes: 0 done, 1 failed");
    for (const command of ["serve", "migrate", "demo", "export", "backup", "restore"]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
    }
    for (const variable of ["PORT", "HOST", "WAYMARK_DATA_DIR", "DATABASE_URL"]) {
      expect(result.stdout).toContain(variable);
    }
  }, 60_000);

  it("answers bad arguments and bad settings with a clear message, never a stack trace", async () => {
    const dataDir = path.join(tmp, "unused");
    // A command not written as --help shows ends with 2; one that ran and failed, with 1.
    const cases: Array<[string[], Record<string, string>, RegExp, number]> = [
      [["frobnicate"], {}, /unknown command 'frobnicate'/, 2],
      [["export"], {}, /missing required argument 'theme-slug'/, 2],
      [
        ["export", "leadership", "--edition", "abc"],
        {},
        /argument 'abc' is invalid\. It must be an edition number/,
        2,
      ],
      [["demo", "--force"], {}, /unknown option '--force'/, 2],
      [["migrate"], { PORT: "abc", WAYMARK_DATA_DIR: dataDir }, /waymark: PORT must be a whole number/, 1],
      [
        ["migrate"],
        { DATABASE_URL: "mysql://somewhere" },
        /waymark: DATABASE_URL must start with postgres:\/\//,
        1,
      ],
      [
        ["restore", path.join(import.meta.dirname, "cli.test.ts")],
        { WAYMARK_DATA_DIR: dataDir },
        /cli\.test\.ts is not a Waymark backup: restore takes the \.tar\.gz file/,
        1,
      ],
    ];
    const results = await Promise.all(cases.map(([args, env]) => runCli(args, env)));
    results.forEach((result, i) => {
      const [args, , message, code] = cases[i]!;
      expect(result.code, args.join(" ")).toBe(code);
      expect(result.stderr, args.join(" ")).toMatch(message);
      expect(result.stderr, args.join(" ")).not.toMatch(STACK_TRACE);
    });
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);

  it("resets a data folder to the demo data, exports editions as JSON, and backs up and restores it", async () => {
    const data = { WAYMARK_DATA_DIR: path.join(tmp, "data") };

    // A folder that looks like an older database, with a file the reset must not leave behind.
    fs.mkdirSync(data.WAYMARK_DATA_DIR);
    fs.writeFileSync(path.join(data.WAYMARK_DATA_DIR, "PG_VERSION"), "17\n");
    fs.writeFileSync(path.join(data.WAYMARK_DATA_DIR, "left-over.txt"), "from before the reset");

    const demo = await runCli(["demo"], data);
    expect(demo.stderr).toContain("Adding the Leadership route map, December 2025 edition");
    expect(demo.code).toBe(0);
    expect(fs.existsSync(path.join(data.WAYMARK_DATA_DIR, "left-over.txt"))).toBe(false);
    const migrate = await runCli(["migrate"], data);
    expect([migrate.code, migrate.stderr]).toEqual([0, expect.stringContaining("already up to date")]);

    // The latest edition on stdout (progress stays on stderr), an earlier one to a file.
    const latest = await runCli(["export", "leadership"], data);
    expect(latest.code).toBe(0);
    expect(JSON.parse(latest.stdout)).toEqual(LEADERSHIP_DECEMBER_2025);
    const june = path.join(tmp, "june.json");
    const earlier = await runCli(["export", "leadership", "--edition", "1", "--out", june], data);
    expect(earlier.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(june, "utf8"))).toEqual(LEADERSHIP_JUNE_2024);

    const noMap = await runCli(["export", "no-such-map"], data);
    expect([noMap.code, noMap.stderr]).toEqual([1, 'waymark: There is no route map called "no-such-map".\n']);

    const backup = path.join(tmp, "backup.tar.gz");
    expect((await runCli(["backup", backup], data)).code).toBe(0);
    expect([...fs.readFileSync(backup).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const again = await runCli(["backup", backup], data);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining("already exists")]);

    const restored = { WAYMARK_DATA_DIR: path.join(tmp, "restored") };
    expect((await runCli(["restore", backup], restored)).code).toBe(0);
    expect(JSON.parse((await runCli(["export", "leadership"], restored)).stdout)).toEqual(
      LEADERSHIP_DECEMBER_2025,
    );
    const over = await runCli(["restore", backup], restored);
    expect([over.code, over.stderr]).toEqual([1, expect.stringContaining("is not empty")]);
  }, 240_000);

  it("reads nothing from, and creates nothing in, a folder with no database", async () => {
    const missing = path.join(tmp, "never-created");
    const result = await runCli(["export", "leadership"], { WAYMARK_DATA_DIR: missing });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`There is no Waymark database in ${missing} yet`);
    expect(fs.existsSync(missing)).toBe(false);
  }, 60_000);

  it("refuses to empty a folder that is not a Waymark data folder, and leaves its files alone", async () => {
    const documents = path.join(tmp, "documents");
    fs.mkdirSync(documents);
    fs.writeFileSync(path.join(documents, "precious.txt"), "keep me");
    const result = await runCli(["demo"], { WAYMARK_DATA_DIR: documents });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is not a Waymark data folder");
    expect(fs.readdirSync(documents)).toEqual(["precious.txt"]);
  }, 60_000);

  it("with DATABASE_URL, asks for --yes before emptying the server's database, and points backups to pg_dump", async () => {
    // Nothing listens on port 1: both answers must come before any connection is tried.
    const server = { DATABASE_URL: "postgres://someone:secret@127.0.0.1:1/waymark_live" };
    const [demo, backup] = await Promise.all([
      runCli(["demo"], server),
      runCli(["backup", "x.tar.gz"], server),
    ]);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain(
      'delete everything in the PostgreSQL database "waymark_live" on 127.0.0.1:1',
    );
    expect(demo.stderr).toContain("waymark demo --yes");
    expect(demo.stderr).not.toContain("secret");
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain("pg_dump");
  }, 60_000);

  it.skipIf(!serverUrl)(
    "with DATABASE_URL and --yes, resets a PostgreSQL database to the demo data, as often as asked",
    async () => {
      const name = `waymark_cli_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(serverUrl!);
        url.pathname = `/${name}`;
        const env = { DATABASE_URL: url.toString() };
        for (let run = 0; run < 2; run++) {
          const demo = await runCli(["demo", "--yes"], env);
          expect(demo.stderr).toContain("Demo data loaded");
          expect(demo.code).toBe(0);
        }
        const latest = await runCli(["export", "leadership"], env);
        expect(JSON.parse(latest.stdout)).toEqual(LEADERSHIP_DECEMBER_2025);
      } finally {
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      }
    },
    120_000,
  );
});
