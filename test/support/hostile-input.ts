import type { FoundForm } from "./form-discovery.ts";

// Hostile variants of a form or a JSON body, made from what the form or the schema says the
// request holds, for the fuzz sweeps in test/hardening/. Deterministic: the choices that are
// random come from a seeded generator, so a failure names a case that can be sent again.

/** Text that has broken servers: numbers JavaScript reads oddly, huge and odd strings, markup. */
export const HOSTILE_TEXT: ReadonlyArray<readonly [string, string]> = [
  ["empty", ""],
  ["Infinity", "Infinity"],
  ["-Infinity", "-Infinity"],
  ["NaN", "NaN"],
  ["1e309", "1e309"],
  ["a 20-digit number", "99999999999999999999"],
  ["-1", "-1"],
  ["0x10", "0x10"],
  ["1.5", "1.5"],
  ["a space then 1", " 1"],
  ["20,000 characters", "x".repeat(20_000)],
  ["a NUL byte", "a\u0000b"],
  ["a lone surrogate", "a\ud800b"],
  ["right-to-left override and emoji", "\u202eevil \u{1f600}"],
  ["markup", "<script>alert(1)</script>"],
  ["SQL", "' or 1=1 --"],
  ["a date that is not one", "2026-02-30"],
  ["line breaks", "a\r\nb\rc\n"],
];

/** The hostile texts given to every field of a form at once. */
const WHOLE_FORM = [
  "empty",
  "Infinity",
  "1e309",
  "-1",
  "20,000 characters",
  "a NUL byte",
  "a lone surrogate",
];

/** One request's body: a urlencoded or multipart form as pairs, or raw JSON text. */
export type Body =
  | { kind: "form"; pairs: Array<[string, string]> }
  | { kind: "json"; text: string }
  | { kind: "raw"; contentType: string; payload: string };

export interface Variant {
  name: string;
  body: Body;
  /** The one property (of a JSON body) made hostile, if it is one. */
  property?: string;
  /** For a multipart form: a file part sent after the fields. */
  file?: { field: string; fileName: string; content: string };
}

/** A form's variants: every field at once made hostile, then one field at a time (seeded). */
export function formVariants(form: FoundForm, next: () => number): Variant[] {
  const names = [...new Set(form.fields.map(([name]) => name))];
  const all = (value: string): Array<[string, string]> => names.map((name) => [name, value]);
  const variants: Variant[] = [
    { name: "nothing but the token", body: { kind: "form", pairs: [] } },
    {
      name: "every field twice",
      body: {
        kind: "form",
        pairs: names.flatMap(
          (n) =>
            [
              [n, "1"],
              [n, "2"],
            ] as Array<[string, string]>,
        ),
      },
    },
    { name: "bracketed names", body: { kind: "form", pairs: names.map((n) => [`${n}[x]`, "1"]) } },
  ];
  // Every field at once gets a few of the hostile texts (the rest come one field at a time below).
  for (const [what, value] of HOSTILE_TEXT.filter(([what]) => WHOLE_FORM.includes(what)))
    variants.push({ name: `every field ${what}`, body: { kind: "form", pairs: all(value) } });
  const json = (value: unknown) => JSON.stringify(Object.fromEntries(names.map((n) => [n, value])));
  variants.push(
    { name: "JSON objects for every field", body: { kind: "json", text: json({ a: { b: 1 } }) } },
    { name: "JSON arrays for every field", body: { kind: "json", text: json(["1", "2"]) } },
    {
      name: "JSON 1e309 (Infinity) for every field",
      body: { kind: "json", text: json(1).replaceAll(":1", ":1e309") },
    },
    { name: "malformed JSON", body: { kind: "json", text: `{"${names[0] ?? "a"}": ` } },
  );
  // One field at a time, the rest as the page filled them in, so the hostile value gets past
  // the other fields' checks to whatever reads it.
  for (const name of names) {
    const [what, value] = HOSTILE_TEXT[Math.floor(next() * HOSTILE_TEXT.length)]!;
    variants.push({
      name: `${name} ${what}, the rest as the page gave them`,
      body: { kind: "form", pairs: form.fields.map(([n, v]) => [n, n === name ? value : v]) },
    });
  }
  return variants;
}

/** Multipart bodies that are broken as multipart, whatever the form. */
export function brokenMultipart(csrf: string): Variant[] {
  const b = "hostile-boundary";
  const token = `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`;
  const raw = (name: string, contentType: string, payload: string): Variant => ({
    name,
    body: { kind: "raw", contentType, payload },
  });
  const type = `multipart/form-data; boundary=${b}`;
  return [
    raw("multipart: a boundary the body never uses", type, "--other\r\n\r\nx\r\n--other--\r\n"),
    raw("multipart: no boundary", "multipart/form-data", `${token}--${b}--\r\n`),
    raw(
      "multipart: cut short",
      type,
      `${token}--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc`,
    ),
    raw("multipart: no parts", type, `--${b}--\r\n`),
    raw("multipart: a part without headers", type, `${token}--${b}\r\n\r\nhello\r\n--${b}--\r\n`),
    raw("multipart: not multipart at all", type, "\u0000\u0001 not a form"),
  ];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

/** Resolves a local `$ref` against the OpenAPI document. */
function resolve(schema: Schema, document: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  let node: unknown = document;
  for (const part of ref.replace(/^#\//, "").split("/")) node = (node as Schema)[part];
  return resolve(node as Schema, document);
}

/** A plausible value for a schema: what a careful client would send. */
export function exampleOf(raw: Schema, document: Schema, depth = 0): Json {
  const schema = resolve(raw, document);
  if (depth > 6) return null;
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices?.length) return exampleOf(choices[0]!, document, depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  if (schema.const !== undefined) return schema.const as Json;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "array":
      return [exampleOf((schema.items ?? {}) as Schema, document, depth + 1)];
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, exampleOf(v, document, depth + 1)]),
      );
    }
    case "null":
      return null;
    default:
      if (schema.format === "date") return "2026-12-01";
      if (schema.format === "email") return "fuzz@example.test";
      if (schema.format === "uri") return "https://example.test/";
      return typeof schema.pattern === "string" ? "a" : "Fuzzed";
  }
}

/** JSON values that are the wrong thing for almost any field. */
const HOSTILE_JSON: ReadonlyArray<readonly [string, string]> = [
  ["1e309 (Infinity)", "1e309"],
  ["-1", "-1"],
  ["a 20-digit number", "99999999999999999999"],
  ["1.5", "1.5"],
  ["a string", '"Infinity"'],
  ["a huge string", JSON.stringify("x".repeat(20_000))],
  ["a NUL byte", '"a\\u0000b"'],
  ["a lone surrogate", '"a\\ud800b"'],
  ["an array", '["a", 1]'],
  ["an object", '{"a": {"b": 1}}'],
  ["null", "null"],
  ["true", "true"],
];

/** A JSON body's variants: wrong shapes for the whole body, then each property made hostile. */
export function jsonVariants(schema: Schema, document: Schema): Variant[] {
  const example = exampleOf(schema, document);
  const variants: Variant[] = [
    { name: "an empty object", body: { kind: "json", text: "{}" } },
    { name: "an array", body: { kind: "json", text: "[]" } },
    { name: "null", body: { kind: "json", text: "null" } },
    { name: "a number", body: { kind: "json", text: "1e309" } },
    { name: "malformed JSON", body: { kind: "json", text: '{"a": ' } },
    { name: "a body as plain text", body: { kind: "raw", contentType: "text/plain", payload: "a=1" } },
    { name: "the example", body: { kind: "json", text: JSON.stringify(example) } },
  ];
  if (example && typeof example === "object" && !Array.isArray(example)) {
    for (const name of Object.keys(example)) {
      for (const [what, value] of HOSTILE_JSON) {
        const rest = JSON.stringify({ ...example, [name]: "__hostile__" });
        variants.push({
          name: `${name} ${what}`,
          body: { kind: "json", text: rest.replace('"__hostile__"', value) },
        });
      }
    }
    variants.push({
      name: "__proto__ and constructor",
      body: {
        kind: "json",
        text: JSON.stringify(example)
          .replace(/^\{/, '{"__proto__": {"admin": true}, "constructor": {"prototype": 1}, ')
          .replace(", }", "}"),
      },
    });
  }
  return variants;
}
