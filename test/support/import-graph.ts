import fs from "node:fs";
import path from "node:path";

// The import graph of src/, and the boundaries test/architecture.test.ts keeps: what a newcomer
// can rely on when looking for where a thing lives (docs/ARCHITECTURE.md, "Boundaries").

/** One import, as paths relative to src/ ("features/rounds/round.service.ts"). */
export interface ImportEdge {
  from: string;
  to: string;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import between the app's own files (tests left out: they may set up anything). */
export function readImportGraph(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier?.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier);
      edges.push({ from: toPosix(path.relative(srcDir, file)), to: toPosix(path.relative(srcDir, target)) });
    }
  }
  return edges;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** The feature a file belongs to ("rounds" for features/rounds/…), or null outside features/. */
function featureOf(file: string): string | null {
  const parts = file.split("/");
  return parts[0] === "features" && parts.length > 2 ? (parts[1] ?? null) : null;
}

/**
 * The imports that break the boundaries, each in words:
 * - platform/ knows no feature and not the composition root (src/app.ts);
 * - a feature uses another feature through its services and types, never its repositories
 *   (SQL stays with the data's owner) or its views (each feature draws its own pages);
 * - no feature imports src/app.ts (the composition root imports features, not back);
 * - no two features import each other (one of them is the other's dependency).
 */
export function boundaryViolations(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  const pairs = new Set<string>();
  for (const { from, to } of edges) {
    const source = featureOf(from);
    const target = featureOf(to);
    if (from.startsWith("platform/") && (target !== null || to === "app.ts")) {
      problems.push(`platform imports the app: ${from} -> ${to}`);
    }
    if (source !== null && to === "app.ts")
      problems.push(`a feature imports the composition root: ${from} -> ${to}`);
    if (source === null || target === null || source === target) continue;
    if (/\.repository\.ts$/.test(to)) problems.push(`a feature reads another's repository: ${from} -> ${to}`);
    if (to.split("/").includes("views")) problems.push(`a feature uses another's views: ${from} -> ${to}`);
    pairs.add(`${source} -> ${target}`);
  }
  for (const pair of pairs) {
    const [a, b] = pair.split(" -> ");
    if (a !== undefined && b !== undefined && a < b && pairs.has(`${b} -> ${a}`)) {
      problems.push(`features import each other: ${a} <-> ${b}`);
    }
  }
  return problems;
}
