import { inject } from "vitest";
import { useTemplateLocation } from "../../test/support/database.ts";

useTemplateLocation(inject("templates"));
