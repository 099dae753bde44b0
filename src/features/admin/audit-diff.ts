// A readable difference between an audit event's "before" and "after" JSON: one line per field
// that changed, named by its path ("roles", "details.label", "items 2 › text"), with the value on
// each side in words. Pure, so the page and its tests share it.

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

type Flat = Map<string, string>;

function describe(value: unknown): string {
  if (value === null) return "(empty)";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function isPlainList(value: unknown[]): boolean {
  return value.every((v) => v === null || typeof v !== "object");
}

function flatten(value: unknown, path: string, out: Flat): Flat {
  if (Array.isArray(value)) {
    if (isPlainList(value)) out.set(path, value.length === 0 ? "(none)" : value.map(describe).join("; "));
    else for (const [i, item] of value.entries()) flatten(item, `${path ? `${path} ` : ""}${i + 1}`, out);
    return out;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path) out.set(path, "(none)");
    for (const [key, inner] of entries) flatten(inner, path ? `${path} › ${key}` : key, out);
    return out;
  }
  out.set(path || "value", describe(value));
  return out;
}

/** The fields that differ, in the order they first appear (before's fields, then after's new ones). */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const a =
    before === null || before === undefined ? new Map<string, string>() : flatten(before, "", new Map());
  const b = after === null || after === undefined ? new Map<string, string>() : flatten(after, "", new Map());
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => a.get(f) !== b.get(f))
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }));
}
