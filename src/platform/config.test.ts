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
