import { describe, expect, it } from "vitest";
import { checkTargetField, validateResource, validateScope } from "./target-field";

describe("validateScope (client credentials need one resource's /.default)", () => {
  it.each(["https://graph.microsoft.com/.default", "api://00000000-0000-0000-0000-000000000001/.default"])("accepts %s", (scope) => {
    expect(validateScope(scope)).toBeUndefined();
  });
  it.each([
    ["", /Enter a scope/],
    ["https://graph.microsoft.com/User.Read", /does not end in \/\.default/],
    ["https://graph.microsoft.com/.default offline_access", /one scope/],
  ])("refuses %j", (scope, message) => {
    expect(validateScope(scope)).toMatch(message);
  });
});

describe("the scope field as the v1 (resource) and v2.0 (scope) endpoints read it", () => {
  it.each(["https://graph.microsoft.com", "api://00000000-0000-0000-0000-000000000001", "00000003-0000-0000-c000-000000000000", "https://graph.microsoft.com/.default"])("validateResource accepts %s", (value) => {
    expect(validateResource(value)).toBeUndefined();
  });
  it.each([
    ["", /App ID URI/],
    ["a b", /one resource/],
    ["graph", /not an App ID URI/],
  ])("validateResource refuses %j", (value, message) => {
    expect(validateResource(value)).toMatch(message);
  });

  it("labels the field by version and offers to strip /.default for v1", () => {
    const v1 = checkTargetField("https://graph.microsoft.com/.default", "v1");
    expect(v1).toMatchObject({ label: "Resource (App ID URI)", fix: { label: "Strip /.default", value: "https://graph.microsoft.com" } });
    expect(v1.error).toBeUndefined();
    expect(v1.notice).toContain("resource=https://graph.microsoft.com");
    const bare = checkTargetField("https://graph.microsoft.com", "v1");
    expect([bare.error, bare.notice, bare.fix]).toEqual([undefined, undefined, undefined]);
    const v2 = checkTargetField("https://graph.microsoft.com/.default", "v2.0");
    expect([v2.label, v2.error, v2.fix]).toEqual(["Scope", undefined, undefined]);
  });

  it("offers to add /.default to a bare resource on v2.0, but not to a permission", () => {
    expect(checkTargetField("https://graph.microsoft.com", "v2.0").fix).toEqual({ label: "Add /.default", value: "https://graph.microsoft.com/.default" });
    expect(checkTargetField("https://graph.microsoft.com/", "v2.0").fix?.value).toBe("https://graph.microsoft.com/.default");
    expect(checkTargetField("api://my-api", "v2.0").fix?.value).toBe("api://my-api/.default");
    // A delegated permission or a list: client credentials take the whole resource's /.default.
    expect(checkTargetField("https://graph.microsoft.com/User.Read", "v2.0").fix).toEqual({ label: "Use https://graph.microsoft.com/.default", value: "https://graph.microsoft.com/.default" });
    expect(checkTargetField("https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.Send", "v2.0").fix?.value).toBe("https://graph.microsoft.com/.default");
    expect(checkTargetField("api://my-api/access_as_user", "v2.0").fix?.value).toBe("api://my-api/.default");
    expect(checkTargetField("User.Read", "v2.0").fix).toBeUndefined();
    expect(checkTargetField("", "v2.0", "china").hint).toContain("https://microsoftgraph.chinacloudapi.cn/.default");
  });
});
