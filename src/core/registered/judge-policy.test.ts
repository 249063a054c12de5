import { describe, expect, it } from "vitest";
import { addIsoDuration, parseIsoDuration } from "./iso-duration";
import { certificateLifetimeLimit, judgePolicy } from "./judge-policy";
import type { RegisteredPolicy } from "./registered-credential";

const policy = (maxLifetime: string, extra: Partial<RegisteredPolicy> = {}, state?: string): RegisteredPolicy => ({
  scope: "tenant-default",
  displayName: "Tenant default",
  isEnabled: true,
  keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", maxLifetime, ...(state ? { state } : {}) }],
  passwordCredentials: [],
  source: "test",
  ...extra,
});
const lifetime = (days: number, skewMinutes = 0) => {
  const start = Date.parse("2026-12-05T12:00:00Z");
  return { notBefore: new Date(start - skewMinutes * 60_000).toISOString(), notAfter: new Date(start + days * 86_400_000).toISOString() };
};

describe("ISO 8601 durations", () => {
  it("reads the forms policies use and refuses what is not one", () => {
    expect(parseIsoDuration("P90D")).toMatchObject({ days: 90 });
    expect(parseIsoDuration("P1Y6M")).toMatchObject({ years: 1, months: 6 });
    expect(parseIsoDuration("P2W")).toMatchObject({ weeks: 2 });
    expect(parseIsoDuration("PT36H")).toMatchObject({ hours: 36 });
    for (const bad of ["90", "P", "PT", "P1.5D", "90 days", "p90d"]) expect(parseIsoDuration(bad)).toBeUndefined();
  });
  it("adds calendar-wise: P1Y from 2027-03-01 is 365 days, from 2028-01-01 366 (leap year)", () => {
    const year = parseIsoDuration("P1Y");
    if (!year) throw new Error("no duration");
    expect(addIsoDuration(new Date("2027-03-01T00:00:00Z"), year).toISOString()).toBe("2028-03-01T00:00:00.000Z");
    expect(addIsoDuration(new Date("2028-01-01T00:00:00Z"), year).toISOString()).toBe("2029-01-01T00:00:00.000Z");
  });
});

describe("the page's certificate lifetime against asymmetricKeyLifetime", () => {
  it("90 days within P90D; 91 days exceeds, naming the limit and CredentialInvalidLifetimeAsPerAppPolicy", () => {
    expect(judgePolicy([policy("P90D")], lifetime(90))).toMatchObject({ verdict: "within", limit: { days: 90, maxLifetime: "P90D" } });
    const over = judgePolicy([policy("P90D")], lifetime(91));
    expect(over).toMatchObject({ verdict: "exceeds", lifetimeDays: 91 });
    expect(over?.message).toContain("90 days");
    expect(over?.message).toContain("CredentialInvalidLifetimeAsPerAppPolicy");
  });
  it("a certificate started 5 minutes early for 90 days exceeds P90D by those minutes, and says so", () => {
    const verdict = judgePolicy([policy("P90D")], lifetime(90, 5));
    expect(verdict?.verdict).toBe("exceeds");
    expect(verdict?.message).toMatch(/over by 5 minutes/);
  });
  it("the strictest of several policies applies; disabled ones and other restriction types do not", () => {
    expect(certificateLifetimeLimit([policy("P1Y"), policy("P30D", { displayName: "App policy", scope: "app-policy" })], new Date("2026-12-05T00:00:00Z"))).toMatchObject({ days: 30, policyName: "App policy" });
    expect(judgePolicy([policy("P30D", { isEnabled: false })], lifetime(365))).toBeUndefined();
    expect(judgePolicy([policy("P30D", {}, "disabled")], lifetime(365))).toBeUndefined();
    expect(judgePolicy([{ ...policy("P30D"), keyCredentials: [{ restrictionType: "trustedCertificateAuthority", maxLifetime: "P30D" }] }], lifetime(365))).toBeUndefined();
  });
  it("no policy pasted: no verdict", () => {
    expect(judgePolicy([], lifetime(365))).toBeUndefined();
  });
});
