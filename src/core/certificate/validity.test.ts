import { describe, expect, it } from "vitest";
import { describeCertificateValidity } from "./validity";

const period = { notBefore: "2026-01-01T00:00:00.000Z", notAfter: "2027-01-01T00:00:00.000Z" };

describe("describeCertificateValidity (RFC 5280 §4.1.2.5)", () => {
  it.each([
    ["2025-12-31T12:00:00Z", "not-yet-valid", /starts in 12 hours/],
    ["2026-06-01T00:00:00Z", "valid", /expires in 214 days/],
    ["2026-12-15T00:00:00Z", "expiring-soon", /Expires in 17 days/],
    ["2027-01-01T00:00:00Z", "expired", /Expired less than an hour ago.*AADSTS700027/],
    ["2027-02-01T00:00:00Z", "expired", /Expired 31 days ago/],
  ])("at %s the certificate is %s", (now, status, message) => {
    const validity = describeCertificateValidity(period, new Date(now));
    expect(validity.status).toBe(status);
    expect(validity.message).toMatch(message);
  });
});
