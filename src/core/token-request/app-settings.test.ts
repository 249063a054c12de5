import { describe, expect, it } from "vitest";
import { describeSettingsProblem, firstSettingProblem, tokenEndpointFromSettings, validateAppSettings } from "./app-settings";
import { FIXTURE_TENANT_ID, VALID_APP_SETTINGS } from "../../../test-support/app-settings-fixture";

const TENANT_ID = FIXTURE_TENANT_ID;
const valid = VALID_APP_SETTINGS;

describe("validateAppSettings", () => {
  it("finds nothing wrong with valid settings", () => {
    expect(validateAppSettings(valid)).toEqual({});
  });
  it("names each invalid field", () => {
    expect(Object.keys(validateAppSettings({ ...valid, tenant: "common" }))).toEqual(["tenant"]);
    expect(Object.keys(validateAppSettings({ ...valid, clientId: "my-app" }))).toEqual(["clientId"]);
    expect(Object.keys(validateAppSettings({ ...valid, cloud: "custom", customAuthority: "http://login.example.test" }))).toEqual(["customAuthority"]);
    expect(validateAppSettings({ ...valid, cloud: "custom", customAuthority: "https://login.example.test" })).toEqual({});
  });
  it.each(["0", "3601", "1.5", "", "ten"])("refuses the lifetime %j (1 to 3600 whole seconds)", (lifetimeSeconds) => {
    expect(validateAppSettings({ ...valid, lifetimeSeconds }).lifetimeSeconds).toMatch(/1 to 3600/);
  });
  it.each(["1", "3600"])("accepts the lifetime %j", (lifetimeSeconds) => {
    expect(validateAppSettings({ ...valid, lifetimeSeconds }).lifetimeSeconds).toBeUndefined();
  });
});

describe("tokenEndpointFromSettings", () => {
  it("is the cloud's token endpoint for the tenant and version", () => {
    expect(tokenEndpointFromSettings(valid)).toBe(`https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`);
    expect(tokenEndpointFromSettings({ ...valid, cloud: "usgov", version: "v1" })).toBe(`https://login.microsoftonline.us/${TENANT_ID}/oauth2/token`);
  });
  it("is undefined while the tenant or the custom authority is not valid", () => {
    expect(tokenEndpointFromSettings({ ...valid, tenant: "" })).toBeUndefined();
    expect(tokenEndpointFromSettings({ ...valid, cloud: "custom", customAuthority: "login.example.test" })).toBeUndefined();
  });
});

describe("describeSettingsProblem", () => {
  const values = (tenant: string, clientId: string) => ({ tenant, clientId });
  it("asks to fill in empty fields and names an invalid one", () => {
    expect(describeSettingsProblem({ tenant: "x", clientId: "x" }, values("", ""))).toBe("Fill in tenant and client ID in step 3 (Use it in code).");
    expect(describeSettingsProblem({ tenant: "x", clientId: "x" }, values("common", "nope"))).toBe("The tenant ID is not valid: fix it in step 3 (Use it in code).");
    expect(describeSettingsProblem({ clientId: "x" }, values("contoso.com", "nope"))).toBe("The client ID is not valid: fix it in step 3 (Use it in code).");
    expect(describeSettingsProblem({ clientId: "x" }, values("contoso.com", ""))).toBe("Fill in the client ID in step 3 (Use it in code).");
    expect(describeSettingsProblem({ customAuthority: "x" }, values("contoso.com", "id"))).toMatch(/custom authority is not valid/);
    expect(describeSettingsProblem({}, values("contoso.com", "id"))).toBeUndefined();
  });
});

describe("describeSettingsProblem where the fields are", () => {
  it("says 'above' under the fields themselves", () => {
    // The lifetime is the one setting the Assertion panel holds.
    expect(describeSettingsProblem({ lifetimeSeconds: "x" }, { tenant: "contoso.com", clientId: "c" })).toBe("The assertion lifetime is not valid: fix it in the Assertion panel.");
    expect(firstSettingProblem({ clientId: "x", lifetimeSeconds: "y" })).toBe("clientId");
    expect(firstSettingProblem({})).toBeUndefined();
  });
});
