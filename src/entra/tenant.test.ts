import { describe, expect, it } from "vitest";
import { isDomainName, isGuid, isValidTenant, tenantProblem } from "./tenant";

const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

describe("isGuid: the 8-4-4-4-12 hex form", () => {
  it.each([TENANT_ID, TENANT_ID.toUpperCase()])("accepts %s", (text) => {
    expect(isGuid(text)).toBe(true);
  });
  it.each(["72f988bf86f141af91ab2d7cd011db47", `{${TENANT_ID}}`, `${TENANT_ID} `, "72f988bf-86f1-41af-91ab-2d7cd011db4g"])("refuses %j", (text) => {
    expect(isGuid(text)).toBe(false);
  });
});

describe("isDomainName: DNS labels (RFC 1035 §2.3.1) ending in an alphabetic TLD", () => {
  it.each(["contoso.onmicrosoft.com", "CONTOSO.ONMICROSOFT.COM", "a-b.co", `${"a".repeat(63)}.com`])("accepts %s", (text) => {
    expect(isDomainName(text)).toBe(true);
  });
  it.each(["contoso", "contoso.", "-contoso.com", "con_toso.com", "1.2", `${"a".repeat(64)}.com`, `${"a.".repeat(126)}com`])("refuses %j", (text) => {
    expect(isDomainName(text)).toBe(false);
  });
});

describe("tenantProblem: a tenant ID or domain, never an alias (client credentials flow: {tenant})", () => {
  it.each([TENANT_ID, "contoso.onmicrosoft.com", "sub.domain.example"])("accepts %s", (tenant) => {
    expect(tenantProblem(tenant)).toBeUndefined();
    expect(isValidTenant(tenant)).toBe(true);
  });
  it.each([
    ["", "empty"],
    ["common", "multi_tenant_alias"],
    ["Organizations", "multi_tenant_alias"],
    ["consumers", "multi_tenant_alias"],
    ["contoso", "not_guid_or_domain"],
    [" contoso.com", "not_guid_or_domain"],
  ] as const)("refuses %j as %s", (tenant, problem) => {
    expect(tenantProblem(tenant)).toBe(problem);
    expect(isValidTenant(tenant)).toBe(false);
  });
});

// Moved from server/allowlist.test.ts: the proxy's path segments, raw (no trimming, no decoding).
describe("isValidTenant on what the proxy reads from a token endpoint path", () => {
  it.each(["contoso.onmicrosoft.com", TENANT_ID, "a-b.co"])("accepts %s", (tenant) => {
    expect(isValidTenant(tenant)).toBe(true);
  });
  it.each(["", ".", "..", "a..b", "a.", ".a", "a_b", "a b", "a%2eb", `${"a".repeat(64)}.com`, "common", "organizations", "a-b.c", "contoso"])("refuses %j", (tenant) => {
    expect(isValidTenant(tenant)).toBe(false);
  });
});
