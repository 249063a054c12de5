import { describe, expect, it } from "vitest";
import { VALID_APP_SETTINGS } from "../../../test-support/app-settings-fixture";
import { tokenRequestBlockers } from "./request-blockers";

const settings = VALID_APP_SETTINGS;
const available = { status: "available", extraAuthorities: [] as string[] } as const;

describe("tokenRequestBlockers: what stops Send before anything is signed", () => {
  it("finds nothing for valid settings on an Entra host", () => {
    expect(tokenRequestBlockers(settings, available)).toEqual({});
  });
  it("names a settings problem and a scope the endpoint will refuse", () => {
    expect(tokenRequestBlockers({ ...settings, tenant: "" }, available).settings).toBe("Fill in the tenant in step 3 (Use it in code).");
    expect(tokenRequestBlockers({ ...settings, scope: "https://graph.microsoft.com/User.Read" }, available).target).toMatch(/does not end in \/\.default/);
  });
  it("says the proxy will refuse a custom authority it was not started with, and how to restart", () => {
    const custom = { ...settings, cloud: "custom", customAuthority: "https://login.example.test" } as const;
    const blockers = tokenRequestBlockers(custom, available);
    expect(blockers.authority).toMatch(/WORKBENCH_EXTRA_AUTHORITIES/);
    expect(blockers.authorityRestartCommand).toBe("WORKBENCH_EXTRA_AUTHORITIES=https://login.example.test npm start");
    expect(tokenRequestBlockers(custom, { status: "available", extraAuthorities: ["https://login.example.test"] })).toEqual({});
    // Without the proxy's answer there is no allowlist to judge by.
    expect(tokenRequestBlockers(custom, { status: "checking" }).authority).toBeUndefined();
  });
});
