import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { type ParsedDocument, parseDocument } from "../features/import/document.parser.ts";
import { describeDocument } from "../features/import/document-describe.ts";
import { type DocumentImportReport, importDocument } from "../features/import/document-import.service.ts";
import { DocumentRefusedError, MAX_DOCUMENT_BYTES } from "../features/import/document-input.ts";
import { importerByEmail } from "../features/import/import.service.ts";
import { loadConfig } from "../platform/config.ts";
import { DomainError } from "../platform/errors.ts";
import { action, CliError, explain, progress, requireExistingDatabase, withDatabase } from "./support.ts";

// `waymark import <files or folders>`: route-map pages become draft editions, minutes become
// meetings with draft minutes, progress updates' key actions become commitments.
// Each file is imported in its own transaction, so one bad file never undoes the others.
// A progress bar on a terminal; a summary line per file (found, created, matched, skipped,
// warnings) either way; `--dry-run --json` prints what was read without saving.

const DOCUMENT_EXTENSIONS = new Set([".txt", ".text", ".html", ".htm"]);

/** The files named, with folders opened (recursively) for text and HTML documents, in name order. */
function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (p: string, named: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new CliError(`There is no file or folder called ${p}.`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name), false);
    } else if (named || DOCUMENT_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const p of paths) visit(p, true);
  return files;
}

function readDocument(file: string): Buffer {
  // Refused before reading, so a huge file is never loaded.
  const size = fs.statSync(file).size;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CliError(
      `${file} is too large to be a route map, minutes or progress update (the limit is 2 MB).`,
    );
  }
  return fs.readFileSync(file);
}

interface FileSummary {
  file: string;
  outcome: DocumentImportReport["outcome"] | "dry-run" | "refused";
  message: string;
  editionId?: number | null;
  meetingId?: number | null;
  created?: number;
  matched?: number;
  nearMatches?: DocumentImportReport["nearMatches"];
  warnings: string[];
  result?: ParsedDocument;
}

function summaryLine(s: FileSummary): string {
  const found = s.result ? `found ${describeDocument(s.result)}` : "";
  const counts = s.created !== undefined ? `created ${s.created}, matched ${s.matched ?? 0}` : "";
  const near = (s.nearMatches ?? []).map(
    (n) =>
      `\n  confirm: is ${n.kind} “${n.name}” the same as “${n.existing}”? If so, import again with --same "${n.name}=${n.existing}"`,
  );
  const warnings = s.warnings.map((w) => `\n  warning: ${w}`);
  return (
    `${s.file}: ${s.outcome}${found ? ` — ${found}` : ""}${s.message ? ` — ${s.message}` : ""}` +
    `${counts ? ` (${counts}, warnings ${s.warnings.length})` : ""}${near.join("")}${warnings.join("")}`
  );
}

/** A bar on a terminal; plain lines otherwise (a log, a pipe, the tests). */
function progressReporter(total: number) {
  if (!process.stderr.isTTY) {
    return {
      start: (i: number, file: string) => progress(`[${i + 1}/${total}] Reading ${file}`),
      done: (line: string) => progress(line),
      stop: () => {},
    };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: "Importing |{bar}| {value}/{total} files | {file}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { file: "" });
  return {
    start: (_i: number, file: string) => bar.update({ file: path.basename(file) }),
    done: (line: string) => {
      bars.log(`${line}\n`);
      bar.increment();
      // Drawn now: the bar's own timer seldom gets a turn while the embedded database works, and
      // what is still waiting to be drawn when the bar stops is lost.
      bars.update();
    },
    stop: () => bars.stop(),
  };
}

export function importCommand(program: Command): void {
  program
    .command("import")
    .description("import route-map pages, minutes and progress updates (saved as text or HTML)")
    .argument("<paths...>", "files, or folders of .txt and .html files")
    .option("--as <email>", "the account the import is done as (required unless --dry-run)")
    .option("--dry-run", "read the documents and print what was found, saving nothing")
    .option("--json", "print the results as JSON on the standard output")
    .option(
      "--group <address>",
      "minutes: the group they are of, when the title does not name it as Waymark does",
    )
    .option("--same <pairs...>", 'near-matches confirmed as one record: "Andrew Warson=Andrew Watson"')
    .option("--create-group", "minutes: create the group they name when Waymark has none by that name")
    .option("--source <address>", "the web address the document was saved from (one file only)")
    .action(
      action(
        async (
          paths: string[],
          options: {
            as?: string;
            dryRun?: boolean;
            json?: boolean;
            group?: string;
            same?: string[];
            source?: string;
            createGroup?: boolean;
          },
        ) => {
          const files = collectFiles(paths);
          if (files.length === 0) throw new CliError("There are no .txt or .html documents there to import.");
          if (!options.dryRun && !options.as) {
            throw new CliError("Name the account to import as, with --as <email> (or use --dry-run).");
          }
          if (options.source && files.length > 1) {
            throw new CliError("--source names the address of one document: import one file with it.");
          }
          const summaries: FileSummary[] = [];
          const reporter = progressReporter(files.length);
          const importEach = async (each: (file: string, bytes: Buffer) => Promise<FileSummary>) => {
            try {
              for (const [i, file] of files.entries()) {
                reporter.start(i, file);
                let summary: FileSummary;
                try {
                  summary = await each(file, readDocument(file));
                } catch (error) {
                  if (!(error instanceof DomainError || error instanceof CliError)) throw error;
                  const message = error instanceof DocumentRefusedError ? error.message : explain(error);
                  summary = { file, outcome: "refused", message, warnings: [] };
                }
                summaries.push(summary);
                reporter.done(summaryLine(summary));
              }
            } finally {
              reporter.stop();
            }
          };

          if (options.dryRun) {
            await importEach(async (file, bytes) => {
              const result = parseDocument(bytes);
              return {
                file,
                outcome: "dry-run",
                message: "nothing was saved",
                warnings: result.warnings,
                result,
              };
            });
          } else {
            const config = loadConfig();
            requireExistingDatabase(config);
            await withDatabase(
              config,
              async ({ db }) => {
                const actor = await importerByEmail(db, options.as!);
                await importEach(async (file, bytes) => {
                  const report = await importDocument(db, actor, {
                    fileName: path.basename(file),
                    bytes,
                    sourceAddress: options.source,
                    groupSlug: options.group,
                    same: options.same,
                    createGroup: options.createGroup === true,
                  });
                  return {
                    file,
                    outcome: report.outcome,
                    message: report.reason,
                    editionId: report.editionId,
                    meetingId: report.meetingId,
                    created: report.created,
                    matched: report.matched,
                    nearMatches: report.nearMatches,
                    warnings: report.warnings,
                    result: report.parsed,
                  };
                });
              },
              { changes: true },
            );
          }

          const count = (outcome: FileSummary["outcome"]) =>
            summaries.filter((s) => s.outcome === outcome).length;
          const warnings = summaries.reduce((n, s) => n + s.warnings.length, 0);
          progress(
            `${files.length} file(s): found ${summaries.filter((s) => s.result).length}, created ${count("created")}, ` +
              `matched ${count("matched")}, skipped ${count("skipped")}, refused ${count("refused")}, warnings ${warnings}` +
              (options.dryRun ? " (dry run: nothing was saved)" : ""),
          );
          if (options.json) {
            const out = summaries.map(({ warnings: _w, ...s }) => s);
            process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          }
          if (count("refused") > 0) process.exitCode = 1;
        },
      ),
    );
}
