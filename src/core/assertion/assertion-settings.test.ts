import { describe, expect, it } from "vitest";
import type { AppSettings } from "../token-request/app-settings";
import { assertionSettings } from "./assertion-settings";

const settings: AppSettings = {
  tenant: "contoso.onmicrosoft.com",
  clientId: " 11111111-2222-3333-4444-555555555555 ",
  cloud: "public",
  customAuthority: "",
  version: "v2.0",
  form: "PS256-x5t#S256",
  lifetimeSeconds: "300",
  includeX5c: true,
  scope: "https://graph.microsoft.com/.default",
  library: "msal-python",
};

describe("assertionSettings", () => {
  it("reads what goes in the assertion: the trimmed client ID, the token endpoint as aud, form, lifetime in seconds, x5c", () => {
    // The v2.0 token endpoint as Microsoft documents it for the public cloud (login.microsoftonline.com/{tenant}/oauth2/v2.0/token).
    expect(assertionSettings(settings)).toEqual({
      clientId: "11111111-2222-3333-4444-555555555555",
      tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
      form: "PS256-x5t#S256",
      lifetimeSeconds: 300,
      includeX5c: true,
    });
  });

  it("gives nothing while a setting the assertion needs is missing or refused", () => {
    expect(assertionSettings({ ...settings, tenant: "" })).toBeUndefined();
    expect(assertionSettings({ ...settings, clientId: "not-a-guid" })).toBeUndefined();
    expect(assertionSettings({ ...settings, lifetimeSeconds: "3601" })).toBeUndefined();
    expect(assertionSettings({ ...settings, lifetimeSeconds: "ten" })).toBeUndefined();
    expect(assertionSettings({ ...settings, cloud: "custom", customAuthority: "" })).toBeUndefined();
  });
});
