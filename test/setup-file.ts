import { inject } from "vitest";
import { useTemplateLocation } from "./support/database.ts";

useTemplateLocation(inject("templates"));
