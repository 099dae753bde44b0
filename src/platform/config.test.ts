import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("WAYMARK_TRUST_PROXY", () => {
  it("trusts only a proxy on this machine unless told otherwise", () => {
    expect(loadConfig({}).trustProxy).toBe("loopback");
    expect(loadConfig({ WAYMARK_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ WAYMARK_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ WAYMARK_TRUST_PROXY: "10.0.0.5, 10.1.0.0/16" }).trustProxy).toBe(
      "10.0.0.5, 10.1.0.0/16",
    );
  });

  it("refuses a value it cannot read, naming the variable", () => {
    expect(() => loadConfig({ WAYMARK_TRUST_PROXY: "yes please!" })).toThrow(ConfigError);
    expect(() => loadConfig({ WAYMARK_TRUST_PROXY: "yes please!" })).toThrow(/WAYMARK_TRUST_PROXY/);
  });
});

describe("WAYMARK_STALE_AFTER_DAYS and WAYMARK_REMINDER_MINUTES", () => {
  it("default to 180 days and a pass every 5 minutes, and take whole numbers in range", () => {
    expect(loadConfig({})).toMatchObject({ staleAfterDays: 180, reminderEveryMinutes: 5 });
    expect(loadConfig({ WAYMARK_STALE_AFTER_DAYS: "90", WAYMARK_REMINDER_MINUTES: "0" })).toMatchObject({
      staleAfterDays: 90,
      reminderEveryMinutes: 0,
    });
  });

  it("refuse anything else, naming the variable", () => {
    for (const value of ["0", "3651", "six months", "1.5"])
      expect(() => loadConfig({ WAYMARK_STALE_AFTER_DAYS: value })).toThrow(/WAYMARK_STALE_AFTER_DAYS/);
    expect(() => loadConfig({ WAYMARK_REMINDER_MINUTES: "-1" })).toThrow(/WAYMARK_REMINDER_MINUTES/);
  });
});
