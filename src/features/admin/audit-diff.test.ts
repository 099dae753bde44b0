import { describe, expect, it } from "vitest";
import { auditDiff } from "./audit-diff.ts";

describe("the audit trail's readable difference", () => {
  it("lists only the fields that changed, with both values", () => {
    expect(
      auditDiff(
        { name: "Ann", status: "active", roles: ["Reader"] },
        { name: "Ann", status: "deactivated", roles: ["Reader", "Analyst"] },
      ),
    ).toEqual([
      { field: "status", before: "active", after: "deactivated" },
      { field: "roles", before: "Reader", after: "Reader; Analyst" },
    ]);
  });

  it("names nested fields and list items by their path, counting from 1", () => {
    expect(
      auditDiff(
        { details: { label: "June" }, items: [{ text: "One" }, { text: "Two" }] },
        { details: { label: "July" }, items: [{ text: "One" }, { text: "Three" }, { text: "Four" }] },
      ),
    ).toEqual([
      { field: "details › label", before: "June", after: "July" },
      { field: "items 2 › text", before: "Two", after: "Three" },
      { field: "items 3 › text", before: null, after: "Four" },
    ]);
  });

  it("shows everything as added for a creation and as removed for a deletion", () => {
    expect(auditDiff(null, { id: 3, name: "New" })).toEqual([
      { field: "id", before: null, after: "3" },
      { field: "name", before: null, after: "New" },
    ]);
    expect(auditDiff({ text: "" }, undefined)).toEqual([{ field: "text", before: "(empty)", after: null }]);
  });

  it("finds no change between equal values, and reads a bare value", () => {
    expect(auditDiff({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
    expect(auditDiff("draft", "published")).toEqual([
      { field: "value", before: "draft", after: "published" },
    ]);
  });
});
