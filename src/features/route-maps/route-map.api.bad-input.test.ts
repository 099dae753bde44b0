import { describe, expect, it } from "vitest";
import { apiApp, type Json } from "../../../test/support/api-app.ts";

// The JSON API refusing bad input: malformed ids and slugs, missing things, unreadable addresses.

const { app, get } = await apiApp();

describe("the JSON API", () => {
  describe("bad input", () => {
    function expectError(body: Json, code: string) {
      expect(body).toEqual({
        error: { code, message: expect.any(String), fields: expect.any(Object) },
      });
      expect((body.error as { message: string }).message.length).toBeGreaterThan(0);
    }

    it.each([
      ["abc", "must be a whole number"],
      ["1.5", "must be a whole number"],
      ["0", "must be 1 or more"],
      ["-1", "must be 1 or more"],
      ["2147483648", "must be 2147483647 or less"],
      ["99999999999999999999999", "must be 2147483647 or less"],
    ])("a malformed edition id %s is refused, naming the id", async (id, message) => {
      const { status, body } = await get(`/api/v1/themes/leadership/editions/${id}`);
      expect(status).toBe(400);
      expectError(body, "validation");
      expect((body.error as { fields: Json }).fields).toEqual({ id: message });
    });

    it("an edition id that could exist but does not is not found", async () => {
      const { status, body } = await get("/api/v1/themes/leadership/editions/2147483647");
      expect(status).toBe(404);
      expectError(body, "not_found");
    });

    it.each([
      "/api/v1/themes/Leadership",
      "/api/v1/themes/leader_ship",
      "/api/v1/themes/-leadership",
      "/api/v1/themes/leadership%20",
      "/api/v1/foundations/%3Cscript%3E",
      "/api/v1/sectors/..%2F..%2Fetc",
    ])("a malformed slug in %s is refused, naming the slug", async (url) => {
      const { status, body } = await get(url);
      expect(status).toBe(400);
      expectError(body, "validation");
      expect(Object.keys((body.error as { fields: Json }).fields)).toEqual(["slug"]);
    });

    it.each([
      "/api/v1/themes/no-such-theme",
      "/api/v1/themes/no-such-theme/editions",
      "/api/v1/themes/no-such-theme/editions/latest",
      "/api/v1/themes/no-such-theme/editions/1",
      "/api/v1/foundations/no-such-foundation",
      "/api/v1/sectors/no-such-sector",
      "/api/v1/no-such-collection",
      "/api/v1/themes/leadership/no-such-thing",
    ])("%s is not found, in the error shape", async (url) => {
      const { status, body } = await get(url);
      expect(status).toBe(404);
      expectError(body, "not_found");
    });

    it.each([
      "/api/v1/themes/leadership?from=1&from=2&to=",
      "/api/v1/themes/leadership?a[b]=c&%zz=1",
      "/api/v1/themes/leadership/editions/latest?id=abc",
      "/api/v1/sectors?%00=%00",
    ])("odd query strings are ignored: %s", async (url) => {
      expect((await get(url)).status).toBe(200);
    });

    it.each([
      ["a broken %-escape", "/api/v1/themes/%E0%A4%A", 400],
      ["a lone %", "/api/v1/themes/leadership/editions/%", 400],
      ["a slug of 101 letters", `/api/v1/sectors/${"a".repeat(101)}`, 414],
      ["a slug of 5000 letters", `/api/v1/themes/${"a".repeat(5000)}`, 414],
    ])("an address the router cannot read (%s) is refused in the error shape", async (_, url, status) => {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      expectError(response.json(), "validation");
    });

    it("a page address the router cannot read gets an error page, not a crash", async () => {
      const response = await app.inject({ method: "GET", url: "/themes/%E0%A4%A" });
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain("This address is not valid");
    });
  });
});
