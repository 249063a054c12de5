import { describe, expect, it } from "vitest";
import type { ExpiryStatus } from "./jwt-inspection";
import { usableNowVerdict } from "./usable-now-verdict";

const current: ExpiryStatus = { state: "valid", message: "This token is valid now; it expires in 9 min." };
const expired: ExpiryStatus = { state: "expired", message: "This token expired 2 min ago." };
const early: ExpiryStatus = { state: "not-yet-valid", message: "This token is valid in 2 h." };

describe("usableNowVerdict: green only when the times are current and the signature verified", () => {
  it("current times and a verified signature: good, in the time's own words", () => {
    expect(usableNowVerdict(current, { status: "valid" }, "client-assertion")).toEqual({ tone: "good", message: current.message });
  });
  it("current times, signature not checked (no certificate): amber, and says the signature was not checked", () => {
    const verdict = usableNowVerdict(current, { status: "not-checked" }, "client-assertion");
    expect(verdict.tone).toBe("unchecked");
    expect(verdict.message).toMatch(/^Its times are current, but its signature was not checked/);
    expect(verdict.message).toContain(current.message);
    expect(usableNowVerdict(current, { status: "not-checked" }, "other").tone).toBe("unchecked");
  });
  it("current times, a signature this page cannot verify: amber", () => {
    expect(usableNowVerdict(current, { status: "unsupported" }, "other")).toMatchObject({ tone: "unchecked", message: expect.stringMatching(/could not be checked/) as unknown });
  });
  it("an access token, whose signature only its API checks: neutral, not green", () => {
    expect(usableNowVerdict(current, { status: "not-checked" }, "access-token")).toMatchObject({ tone: "elsewhere", message: expect.stringMatching(/checked by the API/) as unknown });
  });
  it("current times and a failing signature: bad", () => {
    expect(usableNowVerdict(current, { status: "invalid" }, "client-assertion")).toMatchObject({ tone: "bad", message: expect.stringMatching(/signature fails/) as unknown });
  });
  it("expired or early: bad or amber whatever the signature", () => {
    for (const status of ["valid", "invalid", "not-checked", "unsupported"] as const) {
      expect(usableNowVerdict(expired, { status }, "other")).toEqual({ tone: "bad", message: expired.message });
      expect(usableNowVerdict(early, { status }, "other")).toEqual({ tone: "early", message: early.message });
    }
  });
});
