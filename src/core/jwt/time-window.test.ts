import { UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_SECONDS, describeSkewAllowance, describeWindowTiming, formatDuration, numericDate, placeInTimeWindow, utcText } from "./time-window";

const nowSeconds = 1_735_787_045; // 2025-01-02T03:04:05Z
const now = new Date(nowSeconds * 1000);

/** jose's own claim check (RFC 7519 §4.1.4–4.1.5) with the same tolerance: the independent judge of acceptance. */
function joseAccepts(claims: { nbf?: number; exp: number }, clockTolerance: number): boolean {
  const token = new UnsecuredJWT(claims).encode();
  try {
    UnsecuredJWT.decode(token, { currentDate: now, clockTolerance });
    return true;
  } catch {
    return false;
  }
}

describe("placeInTimeWindow: nbf ≤ now < exp (RFC 7519 §4.1.4–4.1.5) with Entra's five minutes of skew", () => {
  const offsets = [-100_000, -301, -300, -299, -63, -1, 0, 1, 299, 300, 301, 540, 100_000];
  it.each(offsets)("exp at now%+d s: state and acceptance agree with jose (tolerance 0 and 300 s)", (offset) => {
    const position = placeInTimeWindow({ expires: nowSeconds + offset }, now);
    expect(position.state === "valid").toBe(joseAccepts({ exp: nowSeconds + offset }, 0));
    expect(position.acceptedWithSkew).toBe(joseAccepts({ exp: nowSeconds + offset }, CLOCK_SKEW_SECONDS));
  });
  it.each(offsets)("nbf at now%+d s (exp far ahead): state and acceptance agree with jose", (offset) => {
    const claims = { nbf: nowSeconds + offset, exp: nowSeconds + 200_000 };
    const position = placeInTimeWindow({ notBefore: claims.nbf, expires: claims.exp }, now);
    expect(position.state === "valid").toBe(joseAccepts(claims, 0));
    expect(position.acceptedWithSkew).toBe(joseAccepts(claims, CLOCK_SKEW_SECONDS));
  });
  it("exp is checked before nbf, and says how long the allowance still lasts", () => {
    expect(placeInTimeWindow({ notBefore: nowSeconds + 10, expires: nowSeconds - 63 }, now)).toEqual({
      state: "expired", edgeClaim: "exp", edge: nowSeconds - 63, seconds: 63, acceptedWithSkew: true, skewLeftSeconds: 237,
    });
  });
  it("judges whole seconds, as Entra does: 999 ms past exp is still 'at exp'", () => {
    expect(placeInTimeWindow({ expires: nowSeconds }, new Date(nowSeconds * 1000 + 999)).seconds).toBe(0);
  });
});

describe("the words", () => {
  it("says when, naming the claim and its UTC time", () => {
    expect(describeWindowTiming(placeInTimeWindow({ expires: nowSeconds + 540 }, now))).toBe("expires in 9 min (exp 2025-01-02 03:13:05 UTC)");
    expect(describeWindowTiming(placeInTimeWindow({ expires: nowSeconds - 400 }, now))).toBe("expired 7 min ago (exp 2025-01-02 02:57:25 UTC)");
    expect(describeWindowTiming(placeInTimeWindow({ notBefore: nowSeconds + 600, expires: nowSeconds + 1200 }, now))).toBe("not valid for another 10 min (nbf 2025-01-02 03:14:05 UTC)");
  });
  it("names the allowance only while it still holds", () => {
    expect(describeSkewAllowance(placeInTimeWindow({ expires: nowSeconds - 63 }, now))).toBe("Entra still accepts it for about 4 min more, inside its ~5-minute clock-skew allowance");
    expect(describeSkewAllowance(placeInTimeWindow({ notBefore: nowSeconds + 60, expires: nowSeconds + 660 }, now))).toMatch(/^Entra accepts it within its ~5-minute clock-skew allowance, but the signing clock runs ahead$/);
    expect(describeSkewAllowance(placeInTimeWindow({ expires: nowSeconds - 300 }, now))).toBeUndefined();
    expect(describeSkewAllowance(placeInTimeWindow({ expires: nowSeconds + 60 }, now))).toBeUndefined();
  });
  it("formats spans in the largest readable unit, rounded", () => {
    expect([59, 119.6, 120, 5399, 7200, 172_799, 172_800].map(formatDuration)).toEqual(["59 s", "120 s", "2 min", "90 min", "2 h", "48 h", "2 days"]);
  });
  it("shows a NumericDate as Date's own UTC ISO form, minus zero milliseconds", () => {
    expect(utcText(nowSeconds)).toBe("2025-01-02 03:04:05 UTC");
    // Whole seconds only: a fraction is dropped, as every time on the page is shown to the second.
    expect(utcText(nowSeconds + 0.5)).toBe("2025-01-02 03:04:05 UTC");
  });
});

describe("numericDate", () => {
  it("accepts finite numbers a Date can hold and nothing else", () => {
    expect([nowSeconds, 0, -1, 8.64e12].map(numericDate)).toEqual([nowSeconds, 0, -1, 8.64e12]);
    expect([8.64e12 + 1, Infinity, Number.NaN, "1735787045", null, undefined].map(numericDate)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
