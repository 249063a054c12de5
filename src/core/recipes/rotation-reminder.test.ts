import { describe, expect, it } from "vitest";
import { rotationReminderIcs } from "./rotation-reminder";

describe("rotationReminderIcs (RFC 5545)", () => {
  const ics = rotationReminderIcs({
    subject: "CN=credential-workbench, O=Contoso; Ltd",
    thumbprint: "AB".repeat(20),
    notAfter: "2027-11-25T09:00:00.000Z",
    daysBefore: 30,
    uid: "fixed-uid@credential-workbench",
    now: new Date("2026-11-25T09:00:00.000Z"),
  });

  it("uses CRLF and folds lines at 75 octets", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    const lines = ics.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("reminds 30 days before notAfter and escapes TEXT", () => {
    expect(ics).toContain("DTSTART:20271026T090000Z");
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Rotate Entra certificate CN=credential-workbench\\, O=Contoso\\; Ltd");
  });

  it("never schedules a reminder in the past", () => {
    const soon = rotationReminderIcs({ subject: "CN=x", thumbprint: "00", notAfter: "2026-12-01T00:00:00Z", daysBefore: 30, uid: "u", now: new Date("2026-11-25T09:00:00.000Z") });
    expect(soon).toContain("DTSTART:20261125T090000Z");
  });

  it("folds multi-byte text at 75 octets without splitting a character, and unfolds to the original", () => {
    const subject = `CN=${"é".repeat(40)}${"😀".repeat(30)}${"a".repeat(50)}`;
    const folded = rotationReminderIcs({ subject, thumbprint: "00", notAfter: "2027-01-01T00:00:00Z", daysBefore: 30, uid: "u", now: new Date("2026-11-25T09:00:00.000Z") });
    const lines = folded.split("\r\n");
    // Byte lengths by Node's own UTF-8 encoder; a first line is 75 octets at most, a continuation 1 + 74.
    expect(lines.every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(lines.some((line) => Buffer.byteLength(line, "utf8") >= 72)).toBe(true);
    expect(folded).not.toContain("\uFFFD");
    expect(folded.replace(/\r\n /g, "")).toContain(`SUMMARY:Rotate Entra certificate ${subject}`);
  });
});
