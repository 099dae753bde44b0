import { defineConfig } from "vitest/config";

/**
 * Browser tests: each file starts the real app on a free port and drives Debian's chromium with
 * playwright-core. Files run one at a time: a browser per file is heavy and CI has two cores.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    setupFiles: ["e2e/support/setup-file.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
