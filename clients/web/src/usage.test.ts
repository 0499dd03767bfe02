import { describe, expect, it } from "vitest";
import { usageEmpty, usageName } from "./usage";

describe("usage labels", () => {
  it("names nameless rows instead of showing an empty label", () => {
    expect(usageName("app", "")).toBe("Unknown app (window not readable)");
    expect(usageName("app", "  ")).toBe("Unknown app (window not readable)");
    expect(usageName("domain", "")).toBe("Unknown website");
    expect(usageName("app", "Code")).toBe("Code");
  });

  it("says websites come from the browser extension, never that consent is missing", () => {
    expect(usageEmpty("domain", true)).toContain("browser extension");
    expect(usageEmpty("domain", false, true)).toContain("this person has");
    expect(usageEmpty("domain", false)).toContain("nobody you can see has");
    expect(usageEmpty("domain", true)).not.toMatch(/consent/i);
    expect(usageEmpty("app", true)).toContain("desktop agent");
  });
});
