#!/usr/bin/env node
// The `waymark` command. The source is TypeScript run directly by Node 24 (type stripping), so
// an older Node gets a sentence, not a stack trace about ".ts" files.
if (!process.features.typescript) {
  console.error(
    `waymark: this needs Node.js 24 or later, and this is Node.js ${process.version}. ` +
      "Run it as `npx waymark` in the project folder, which uses the Node.js installed in node_modules.",
  );
  process.exit(1);
}
await import("../src/cli/main.ts");
