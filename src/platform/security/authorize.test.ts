import { describe, expect, it } from "vitest";
import { type Actor, type Grant, PUBLIC } from "../actor.ts";
import { ForbiddenError, UnauthenticatedError } from "../errors.ts";
import { authorize, can, reach } from "./authorize.ts";

const user = (...grants: Grant[]): Actor => ({
  kind: "user",
  id: 1,
  name: "Ann",
  email: "ann@example.test",
  grants,
});

describe("roles and scopes", () => {
  const contributor = user({ role: "organisation_contributor", organisationId: 7 });
  const secretary = user({ role: "group_secretary", groupId: 3 });

  it("gives the public nothing, and tells it to sign in rather than that it is forbidden", () => {
    expect(can(PUBLIC, "route_map.read_draft")).toBe(false);
    expect(() => authorize(PUBLIC, "route_map.edit")).toThrow(UnauthenticatedError);
  });

  it("lets an administrator do everything, scoped or not", () => {
    const admin = user({ role: "administrator" });
    expect(can(admin, "user.manage")).toBe(true);
    expect(can(admin, "group.manage", { groupId: 99 })).toBe(true);
    expect(can(admin, "progress.report", { organisationId: 99 })).toBe(true);
    expect(reach(admin, "progress.report")).toEqual({ everywhere: true });
  });

  it("keeps a reader to reading, and an analyst to indicators", () => {
    const reader = user({ role: "reader" });
    expect(can(reader, "route_map.read_draft")).toBe(true);
    expect(() => authorize(reader, "route_map.edit")).toThrow(ForbiddenError);
    const analyst = user({ role: "analyst" });
    expect(can(analyst, "indicator.edit")).toBe(true);
    expect(can(analyst, "route_map.read_draft")).toBe(false);
  });

  it("lets a contributor report only for their own organisation", () => {
    expect(can(contributor, "progress.report", { organisationId: 7 })).toBe(true);
    expect(can(contributor, "progress.report", { organisationId: 8 })).toBe(false);
    expect(() => authorize(contributor, "progress.report", { organisationId: 8 })).toThrow(ForbiddenError);
    expect(can(contributor, "progress.report")).toBe(true);
    expect(can(contributor, "progress.review")).toBe(false);
    expect(can(contributor, "group.manage", { groupId: 3 })).toBe(false);
    expect(reach(contributor, "progress.report")).toEqual({
      everywhere: false,
      organisationIds: [7],
      groupIds: [],
    });
  });

  it("lets a secretary manage only their own groups", () => {
    expect(can(secretary, "group.manage", { groupId: 3 })).toBe(true);
    expect(can(secretary, "group.manage", { groupId: 4 })).toBe(false);
    expect(can(secretary, "group.read_private", { groupId: 4 })).toBe(false);
    expect(can(secretary, "group.create")).toBe(false);
    expect(can(secretary, "progress.report", { organisationId: 7 })).toBe(false);
    expect(reach(secretary, "group.manage")).toEqual({
      everywhere: false,
      organisationIds: [],
      groupIds: [3],
    });
  });

  it("adds up several grants", () => {
    const both = user(
      { role: "organisation_contributor", organisationId: 7 },
      { role: "organisation_contributor", organisationId: 9 },
      { role: "group_secretary", groupId: 3 },
    );
    expect(can(both, "progress.report", { organisationId: 9 })).toBe(true);
    expect(can(both, "group.manage", { groupId: 3 })).toBe(true);
    expect(reach(both, "progress.read_private")).toEqual({
      everywhere: false,
      organisationIds: [7, 9],
      groupIds: [],
    });
    expect(reach(PUBLIC, "progress.read_private")).toEqual({
      everywhere: false,
      organisationIds: [],
      groupIds: [],
    });
  });
});
