import type { FastifyInstance } from "fastify";
import { ValidationError } from "../errors.ts";

/** Where a value sits in a request, for the message: "email", "items.2.text". */
function nulFields(value: unknown, path: string, found: string[], depth = 0): void {
  if (found.length >= 10 || depth > 20) return;
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path || "request");
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulFields(v, path ? `${path}.${i}` : String(i), found, depth + 1);
  } else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes("\u0000")) found.push(path ? `${path}.${key}` : key);
      nulFields(v, path ? `${path}.${key}` : key, found, depth + 1);
    }
  }
}

/**
 * Refuses the NUL character anywhere in an address, query or body, naming the field, before any
 * route sees it. No form needs it, and PostgreSQL cannot store it in text: without this check it
 * would reach the database and fail there as a 500.
 */
export function registerInputChecks(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const found: string[] = [];
    nulFields(request.params, "", found);
    nulFields(request.query, "", found);
    nulFields(request.body, "", found);
    if (found.length === 0) return;
    const names = [...new Set(found)];
    throw new ValidationError(
      Object.fromEntries(names.map((n) => [n, "must not contain the NUL character (\\0)"])),
      `What you sent in ${names.join(", ")} has a character Waymark cannot accept (the invisible "NUL" character). Go back, remove it and try again.`,
    );
  });
}
