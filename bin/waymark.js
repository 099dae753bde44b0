#!/usr/bin/env node
// The `waymark` command. The source is TypeScript run directly by Node 24 (type stripping).
import "../src/cli/main.ts";
