import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Test helpers: read the API's OpenAPI document and check real answers against it.

export type Schema = Record<string, unknown>;

export interface Operation {
  operationId: string;
  summary?: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: Schema }>;
  responses: Record<string, { description: string; content: { "application/json": { schema: Schema } } }>;
}

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface OpenApiDocument {
  openapi: string;
  /** Each path's operations by lower-case method: get, post, delete… */
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, Schema> };
}

/** Replaces every `#/components/schemas/X` reference with the schema itself. */
export function dereference(node: unknown, components: Record<string, Schema>, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => dereference(n, components, seen));
  if (typeof node !== "object" || node === null) return node;
  const ref = (node as Schema).$ref;
  if (typeof ref === "string") {
    const name = ref.replace("#/components/schemas/", "");
    if (seen.includes(name)) throw new Error(`${name} refers to itself`);
    const target = components[name];
    if (!target) throw new Error(`${ref} is not a component`);
    return dereference(target, components, [...seen, name]);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, dereference(v, components, seen)]));
}

/** A strict JSON Schema 2020-12 validator with the standard formats (date, uuid, uri-reference…). */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

/** The documented path ("/api/v1/themes/{slug}") that a concrete address matches, preferring fixed segments. */
export function documentedPath(doc: OpenApiDocument, url: string): string | undefined {
  const path = url.split("?")[0] ?? url;
  const matches = Object.keys(doc.paths).filter((template) =>
    new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`).test(path),
  );
  return matches.sort((a, b) => a.split("{").length - b.split("{").length)[0];
}

/**
 * Checks an answer against the schema the document gives for its path and status; returns the
 * problems, or an empty string when it matches.
 */
export function checkAnswer(
  doc: OpenApiDocument,
  ajv: Ajv2020,
  url: string,
  status: number,
  body: unknown,
  method: Method = "get",
): string {
  const path = documentedPath(doc, url);
  if (!path) return `${url} is not documented`;
  const declared = doc.paths[path]?.[method]?.responses[String(status)];
  if (!declared) return `${method.toUpperCase()} ${path} does not document status ${status}`;
  const validate = ajv.compile(
    dereference(declared.content["application/json"].schema, doc.components.schemas) as Schema,
  );
  return validate(body) ? "" : `${url}: ${ajv.errorsText(validate.errors)}`;
}
