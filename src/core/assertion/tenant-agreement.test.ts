import { describe, expect, it } from "vitest";
import { isValidTenant } from "../../../server/allowlist";
import { validateTenant } from "./token-endpoint";

// The page and the proxy cannot share code (the server never imports the app), so this test
// keeps their tenant rules equal: a tenant the page accepts must be one the proxy forwards.
describe("the page and the proxy agree on what a tenant is", () => {
  it.each([
    "72f988bf-86f1-41af-91ab-2d7cd011db47",
    "contoso.onmicrosoft.com",
    "CONTOSO.ONMICROSOFT.COM",
    "sub.domain.example",
    "common",
    "Organizations",
    "consumers",
    "t",
    "1.2",
    "contoso",
    "contoso.",
    "-contoso.com",
    "con_toso.com",
    "72f988bf86f141af91ab2d7cd011db47",
    "a".repeat(64) + ".com",
  ])("%s", (tenant) => {
    expect(isValidTenant(tenant)).toBe(validateTenant(tenant) === undefined);
  });
});
