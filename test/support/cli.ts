import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import path from "node:path";

// Runs the real `waymark` command in a child process, with the same pinned Node as the tests.

const bin = path.resolve(import.meta.dirname, "../../bin/waymark.js");

/** The test run's environment without anything that would point the command at another database. */
function environment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.WAYMARK_DATA_DIR;
  delete env.NODE_OPTIONS;
  delete env.WAYMARK_DEBUG;
  return { ...env, ...overrides };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `waymark <args>` to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: environment(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Whether `script` (util-linux) is here to give a command a pseudo-terminal. */
export const terminalAvailable = spawnSync("script", ["--version"]).status === 0;

/**
 * Runs `waymark <args>` to completion on a pseudo-terminal (under util-linux's `script`), as
 * someone typing it sees it: progress bars are drawn; stdout and stderr arrive together.
 */
export function runCliOnTerminal(args: string[], env: Record<string, string>): Promise<CliResult> {
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], {
      env: environment(env),
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr: "" }));
  });
}

/** A long-running `waymark` process (the server), with a way to wait for what it prints. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [bin, ...args], { env: environment(env) });
  let output = "";
  const waiting = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      resolve(code);
      for (const check of waiting) check();
    });
  });
  const onData = (chunk: string) => {
    output += chunk;
    for (const check of waiting) check();
  };
  child.stdout.setEncoding("utf8").on("data", onData);
  child.stderr.setEncoding("utf8").on("data", onData);
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            waiting.delete(check);
            resolve(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiting.delete(check);
            reject(new Error(`waymark ended before printing ${pattern}. It printed:\n${output}`));
          }
        };
        waiting.add(check);
        check();
      });
    },
  };
}

/** A stack trace's tell-tale line: "    at someFunction (file.ts:1:2)". */
export const STACK_TRACE = /\n\s+at \S/;
