// Test fixture: valid app settings written out by hand (Microsoft's sample tenant and client IDs),
// never produced by the settings code the tests judge.
import type { AppSettings } from "../src/core/token-request/app-settings";

export const FIXTURE_TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const FIXTURE_CLIENT_ID = "00001111-aaaa-2222-bbbb-3333cccc4444";

/** Settings an assertion can be built from: public cloud, v2.0 endpoint, RS256 + x5t, Graph's /.default. */
export const VALID_APP_SETTINGS: Readonly<AppSettings> = {
  tenant: FIXTURE_TENANT_ID,
  clientId: FIXTURE_CLIENT_ID,
  cloud: "public",
  customAuthority: "",
  version: "v2.0",
  form: "RS256-x5t",
  library: "msal-python",
  lifetimeSeconds: "600",
  includeX5c: false,
  scope: "https://graph.microsoft.com/.default",
};
