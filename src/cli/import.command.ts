import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import {
  describeFound,
  editorByEmail,
  type ImportReport,
  importRouteMapPage,
  previewRouteMapPage,
} from "../features/import/import.service.ts";
import {
  DocumentRefusedError,
  MAX_DOCUMENT_BYTES,
  type RouteMapPageResult,
} from "../features/import/route-map-page.parser.ts";
import { loadConfig } from "../platform/config.ts";
import { DomainError } from "../platform/errors.ts";
import { action, CliError, explain, progress, requireExistingDatabase, withDatabase } from "./support.ts";

// `waymark import <files or folders>`: route-map pages (text or saved HTML) become draft editions.
// Each file is imported in its own transaction, so one bad file never undoes the others.

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
    throw new CliError(`${file} is too large to be a route-map page (the limit is 2 MB).`);
  }
  return fs.readFileSync(file);
}

interface FileSummary {
  file: string;
  outcome: ImportReport["outcome"] | "dry-run" | "refused";
  message: string;
  editionId?: number | null;
  result?: RouteMapPageResult;
}

function summaryLine(s: FileSummary): string {
  const r = s.result;
  const found = r
    ? `found a ${r.format} route map for ${r.themeName ?? "an untitled theme"}: ${describeFound(r)}` +
      `${r.truncated ? "; it appears truncated" : ""}${r.missing.length ? `; missing: ${r.missing.join(", ")}` : ""}`
    : "";
  const warnings = r?.warnings.length ? `\n  ${r.warnings.map((w) => `warning: ${w}`).join("\n  ")}` : "";
  return `${s.file}: ${s.outcome}${found ? ` — ${found}` : ""}${s.message ? ` — ${s.message}` : ""}${warnings}`;
}

export function importCommand(program: Command): void {
  program
    .command("import")
    .description("import route-map pages (saved as text or HTML) as draft editions")
    .argument("<paths...>", "files, or folders of .txt and .html files")
    .option("--as <email>", "the editor account the import is done as (required unless --dry-run)")
    .option("--dry-run", "read the documents and print what was found, saving nothing")
    .option("--json", "print the results as JSON on the standard output")
    .action(
      action(async (paths: string[], options: { as?: string; dryRun?: boolean; json?: boolean }) => {
        const files = collectFiles(paths);
        if (files.length === 0) throw new CliError("There are no .txt or .html documents there to import.");
        if (!options.dryRun && !options.as) {
          throw new CliError("Name the editor account to import as, with --as <email> (or use --dry-run).");
        }
        const summaries: FileSummary[] = [];
        const importEach = async (each: (file: string, bytes: Buffer) => Promise<FileSummary>) => {
          for (const [i, file] of files.entries()) {
            progress(`[${i + 1}/${files.length}] Reading ${file}`);
            let summary: FileSummary;
            try {
              summary = await each(file, readDocument(file));
            } catch (error) {
              if (!(error instanceof DomainError || error instanceof CliError)) throw error;
              summary = {
                file,
                outcome: "refused",
                message: error instanceof DocumentRefusedError ? error.message : explain(error),
              };
            }
            summaries.push(summary);
            progress(summaryLine(summary));
          }
        };

        if (options.dryRun) {
          await importEach(async (file, bytes) => ({
            file,
            outcome: "dry-run",
            message: "nothing was saved",
            result: previewRouteMapPage(bytes),
          }));
        } else {
          const config = loadConfig();
          requireExistingDatabase(config);
          await withDatabase(config, async ({ db }) => {
            const actor = await editorByEmail(db, options.as!);
            await importEach(async (file, bytes) => {
              const report = await importRouteMapPage(db, actor, { fileName: path.basename(file), bytes });
              return {
                file,
                outcome: report.outcome,
                message: report.reason,
                editionId: report.editionId,
                result: report.parsed,
              };
            });
          });
        }

        const count = (outcome: FileSummary["outcome"]) =>
          summaries.filter((s) => s.outcome === outcome).length;
        const warnings = summaries.reduce((n, s) => n + (s.result?.warnings.length ?? 0), 0);
        progress(
          `${files.length} file(s): found ${summaries.filter((s) => s.result).length}, created ${count("created")}, ` +
            `matched ${count("matched")}, skipped ${count("skipped")}, refused ${count("refused")}, warnings ${warnings}` +
            (options.dryRun ? " (dry run: nothing was saved)" : ""),
        );
        if (options.json) {
          const out = summaries.map((s) => ({
            file: s.file,
            outcome: s.outcome,
            message: s.message,
            ...(s.editionId !== undefined ? { editionId: s.editionId } : {}),
            ...(s.result ? { result: s.result } : {}),
          }));
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        }
        if (count("refused") > 0) process.exitCode = 1;
      }),
    );
}
