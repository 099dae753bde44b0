import type { TestProject } from "vitest/node";
import { newTemplateLocation, prepareTemplates, removeTemplates } from "../../test/support/database.ts";
import { assertChromiumInstalled } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templates: { cacheDir: string; prefix: string };
  }
}

/**
 * Once per browser-test run: fail at once if there is no browser, then build the demo database
 * template the servers start from (the same templates as the HTTP tests).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  const location = newTemplateLocation();
  await prepareTemplates(location);
  project.provide("templates", location);
  return () => removeTemplates(location);
}
