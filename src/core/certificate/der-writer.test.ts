import { describe, expect, it } from "vitest";
import { bytesToHex } from "../encoding";
import { derBitString, derPositiveInteger, derTlv, derValidityTime } from "./der-writer";

const hexOf = (bytes: Uint8Array) => bytesToHex(bytes);
const ascii = (text: string) => bytesToHex(Uint8Array.from(text, (c) => c.charCodeAt(0)));

describe("der-writer: known answers from X.690 and RFC 5280", () => {
  it("writes lengths in short form below 128 and in the fewest long-form octets above (X.690 §8.1.3, §10.1)", () => {
    expect(hexOf(derTlv(0x04, [new Uint8Array(127)])).slice(0, 4)).toBe("047f");
    expect(hexOf(derTlv(0x04, [new Uint8Array(128)])).slice(0, 6)).toBe("048180");
    expect(hexOf(derTlv(0x30, [new Uint8Array(300)])).slice(0, 8)).toBe("3082012c");
    expect(hexOf(derTlv(0x30, [new Uint8Array(65536)])).slice(0, 10)).toBe("3083010000");
  });

  it("keeps an INTEGER positive and minimal (X.690 §8.3.2)", () => {
    expect(hexOf(derPositiveInteger(Uint8Array.of(0x40, 0x01)))).toBe("02024001");
    expect(hexOf(derPositiveInteger(Uint8Array.of(0x80)))).toBe("02020080");
    expect(hexOf(derPositiveInteger(Uint8Array.of(0x00, 0x00, 0x7f)))).toBe("02017f");
    expect(hexOf(derPositiveInteger(Uint8Array.of(0x00, 0x00)))).toBe("020100");
  });

  it("writes a BIT STRING of whole octets with 0 unused bits (X.690 §8.6.2.2)", () => {
    expect(hexOf(derBitString(Uint8Array.of(0xab, 0xcd)))).toBe("030300abcd");
  });

  it("uses UTCTime through 2049 and GeneralizedTime from 2050, in UTC, whole seconds (RFC 5280 §4.1.2.5)", () => {
    expect(hexOf(derValidityTime(new Date("2049-12-31T23:59:59.999Z")))).toBe(`170d${ascii("491231235959Z")}`);
    expect(hexOf(derValidityTime(new Date("2050-01-01T00:00:00.000Z")))).toBe(`180f${ascii("20500101000000Z")}`);
    expect(hexOf(derValidityTime(new Date("2000-02-29T01:02:03.400Z")))).toBe(`170d${ascii("000229010203Z")}`);
    expect(hexOf(derValidityTime(new Date("1999-07-04T09:08:07Z")))).toBe(`170d${ascii("990704090807Z")}`);
  });
});
