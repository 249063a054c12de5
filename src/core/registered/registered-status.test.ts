import { describe, expect, it } from "vitest";
import { describeRegisteredStatus, isUsableNow } from "./registered-status";

const NOW = new Date("2026-12-05T12:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describe("a registered credential's status from its dates", () => {
  it("expired N days ago", () => {
    expect(describeRegisteredStatus({ startDateTime: at(-400), endDateTime: at(-10) }, NOW)).toEqual({ status: "expired", days: 10, text: "expired 10 days ago" });
    expect(describeRegisteredStatus({ endDateTime: at(-0.5) }, NOW).text).toBe("expired today");
    expect(describeRegisteredStatus({ endDateTime: at(-1) }, NOW).text).toBe("expired 1 day ago");
  });
  it("expires in N days: a warning at 30 days or fewer, plain valid at 31", () => {
    expect(describeRegisteredStatus({ endDateTime: at(30) }, NOW)).toEqual({ status: "expiring-soon", days: 30, text: "expires in 30 days" });
    expect(describeRegisteredStatus({ endDateTime: at(31) }, NOW).status).toBe("valid");
    expect(describeRegisteredStatus({ endDateTime: at(0.2) }, NOW).text).toBe("expires in 1 day");
  });
  it("not yet valid before its start", () => {
    expect(describeRegisteredStatus({ startDateTime: at(2), endDateTime: at(300) }, NOW)).toMatchObject({ status: "not-yet-valid", days: 2 });
  });
  it("the end instant itself is expired (valid up to, not including, endDateTime)", () => {
    expect(describeRegisteredStatus({ endDateTime: NOW.toISOString() }, NOW).status).toBe("expired");
    expect(isUsableNow({ endDateTime: NOW.toISOString() }, NOW)).toBe(false);
    expect(isUsableNow({ endDateTime: at(1) }, NOW)).toBe(true);
  });
});
