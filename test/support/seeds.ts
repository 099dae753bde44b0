import fs from "node:fs";
import path from "node:path";

// The real source documents (the seeds) live beside the repository, in ../shared/seeds; from a
// git worktree one level deeper (/work/wt/<name>) they are two levels up. A checkout without them
// skips the tests that read them, saying so.

const repoRoot = path.resolve(import.meta.dirname, "../..");
const candidates = [path.resolve(repoRoot, "../shared/seeds"), path.resolve(repoRoot, "../../shared/seeds")];

/** The seeds folder, or the first place looked for it when there is none (for the message). */
export const SEEDS_DIR = candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0]!;

/** The seed whose name starts with `prefix` ("001_"), or undefined when the seeds are absent. */
export function seedFile(prefix: string): string | undefined {
  if (!fs.existsSync(SEEDS_DIR)) return undefined;
  const name = fs.readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix) && n.endsWith(".txt"));
  return name && path.join(SEEDS_DIR, name);
}
