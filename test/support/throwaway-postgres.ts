import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

// A PostgreSQL server of a test's own, started by scripts/start-test-postgres.sh, for tests that
// stop and restart the server under a running app: the run's shared server (TEST_DATABASE_URL)
// must stay up for every other test file.

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, "../../scripts/start-test-postgres.sh");

export interface ThrowawayPostgres {
  url: string;
  /** `pg_ctl restart -m <mode>`: the server ends every connection and comes back. */
  restart(mode: "fast" | "immediate"): Promise<void>;
  stop(mode: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its folder. */
  remove(): Promise<void>;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const { stdout } = await run("bash", [script]);
  const value = (name: string) => {
    const match = stdout.match(new RegExp(`^export ${name}="?([^"\\n]*)"?$`, "m"));
    if (!match?.[1]) throw new Error(`start-test-postgres.sh printed no ${name}:\n${stdout}`);
    return match[1];
  };
  const dir = value("PG_TEST_DIR");
  const url = value("TEST_DATABASE_URL");
  // "runuser -u waymarkpg -- /usr/lib/postgresql/17/bin/pg_ctl" when root, else the bare path.
  const [command, ...prefix] = value("PG_CTL").split(" ");
  const pgCtl = (...args: string[]) => run(command!, [...prefix, "-D", path.join(dir, "data"), ...args]);
  const port = new URL(url).port;
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => {
    await pgCtl("-l", path.join(dir, "server.log"), "-w", "-o", options, "start");
  };
  const stop = async (mode: "fast" | "immediate") => {
    await pgCtl("-w", "-m", mode, "stop");
  };
  return {
    url,
    start,
    stop,
    async restart(mode) {
      await pgCtl("-l", path.join(dir, "server.log"), "-w", "-m", mode, "-o", options, "restart");
    },
    async remove() {
      await stop("immediate").catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
