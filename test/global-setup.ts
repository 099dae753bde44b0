import type { TestProject } from "vitest/node";
import { newTemplateLocation, prepareTemplates, removeTemplates } from "./support/database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templates: { cacheDir: string; prefix: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const location = newTemplateLocation();
  await prepareTemplates(location);
  project.provide("templates", location);
  return () => removeTemplates(location);
}
