import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The Nu HTML Checker (vnu.jar, from the vnu-jar package) run over many documents at once:
// starting the JVM takes seconds, so every document goes to one run.

const vnuJar: string = createRequire(import.meta.url)("vnu-jar");

export const JAVA_MISSING = "Java not found: install default-jre-headless to check HTML validity";

/** One error the checker reported in a document. */
export interface NuError {
  message: string;
  /** The line the problem ends on (the checker's lastLine); undefined for whole-document errors. */
  line: number | undefined;
  column: number | undefined;
  /** A few characters of the source around the problem. */
  extract: string;
}

export interface NuDocumentResult {
  name: string;
  errors: NuError[];
}

export type NuCheck = { skipped: string } | { results: NuDocumentResult[] };

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message?: string;
  extract?: string;
}

function javaFound(): boolean {
  return !spawnSync("java", ["-version"], { stdio: "ignore" }).error;
}

/**
 * Whether HTML validity can be checked here. Without Java, a developer's run skips the check
 * with a message saying what to install; CI must check, so there it is a failure.
 */
export function nuCheckerUnavailable(): string | undefined {
  if (javaFound()) return undefined;
  if (process.env.CI) throw new Error(`${JAVA_MISSING} (CI must check HTML validity).`);
  return JAVA_MISSING;
}

function runVnu(files: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn("java", ["-jar", vnuJar, "--format", "json", "--errors-only", "--stdout", ...files]);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code,
      }),
    );
  });
}

/**
 * Checks HTML documents with the Nu HTML Checker in one run, and returns each document's errors
 * (warnings are not reported), in the order given. Names are only for reporting.
 */
export async function checkHtml(documents: Array<{ name: string; html: string }>): Promise<NuCheck> {
  const unavailable = nuCheckerUnavailable();
  if (unavailable) return { skipped: unavailable };
  if (documents.length === 0) return { results: [] };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-nu-"));
  try {
    const files = documents.map((document, index) => {
      const file = path.join(dir, `document-${String(index).padStart(4, "0")}.html`);
      fs.writeFileSync(file, document.html, "utf8");
      return file;
    });
    const { stdout, stderr, code } = await runVnu(files);
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`The Nu HTML Checker gave no report (exit code ${code}): ${stderr || stdout}`);
    }

    const results: NuDocumentResult[] = documents.map((document) => ({ name: document.name, errors: [] }));
    const byFile = new Map(files.map((file, index) => [file, results[index]!]));
    for (const message of messages) {
      const result = message.url ? byFile.get(fileURLToPath(message.url)) : undefined;
      // A message about no document of ours (an unreadable file, a crash) means nothing was checked.
      if (!result)
        throw new Error(`The Nu HTML Checker failed: ${message.message ?? JSON.stringify(message)}`);
      if (message.type !== "error" && message.type !== "non-document-error") continue;
      result.errors.push({
        message: message.message ?? "(no message)",
        line: message.lastLine,
        column: message.lastColumn,
        extract: message.extract ?? "",
      });
    }
    return { results };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The errors as lines a developer can act on: "page name, line 12: message" and the source extract. */
export function formatNuErrors(results: NuDocumentResult[]): string {
  return results
    .flatMap((result) =>
      result.errors.map(
        (error) =>
          `${result.name}, line ${error.line ?? "?"}: ${error.message}\n    ${error.extract.replace(/\s+/g, " ").trim()}`,
      ),
    )
    .join("\n");
}
