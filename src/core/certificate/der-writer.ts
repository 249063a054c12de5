/**
 * Just enough DER (ITU-T X.690 §8 and §10) to lay a TBSCertificate out around parts that are
 * already encoded (the Name, the SubjectPublicKeyInfo, each extension). Used by the generate path
 * so the page's own certificate is written once, without an ASN.1 object model, and Generate is quicker.
 */

/** Universal tags used here (X.690 §8.1.2; X.680 §8.4). */
export const DER_TAG = {
  integer: 0x02,
  bitString: 0x03,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
} as const;

/** The length octets: short form below 128, else long form with the fewest octets (X.690 §8.1.3, §10.1). */
function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return [0x80 | octets.length, ...octets];
}

/** The parts one after the other, in one new array. */
function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A definite-length TLV whose contents are the given parts, already DER. */
export function derTlv(tag: number, parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let contentLength = 0;
  for (const part of parts) contentLength += part.length;
  return concatBytes([Uint8Array.from([tag, ...encodeLength(contentLength)]), ...parts]);
}

/**
 * An INTEGER from big-endian magnitude octets, kept positive: a 0x00 is prefixed when the top bit is
 * set, and leading zero octets are dropped, as DER's minimal encoding requires (X.690 §8.3.2).
 */
export function derPositiveInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const needsPad = trimmed.length === 0 || (trimmed[0] ?? 0) >= 0x80;
  return derTlv(DER_TAG.integer, needsPad ? [Uint8Array.of(0), trimmed] : [trimmed]);
}

/** A BIT STRING of whole octets: no unused bits (X.690 §8.6.2.2). */
export function derBitString(octets: Uint8Array): Uint8Array {
  return derTlv(DER_TAG.bitString, [Uint8Array.of(0), octets]);
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * A certificate validity time (RFC 5280 §4.1.2.5): UTCTime YYMMDDHHMMSSZ through 2049 (§4.1.2.5.1),
 * GeneralizedTime YYYYMMDDHHMMSSZ from 2050 (§4.1.2.5.2), always in UTC and in whole seconds (both
 * sections forbid fractional seconds, so the milliseconds are dropped).
 */
export function derValidityTime(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  const rest = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map(twoDigits).join("");
  const generalized = year >= 2050;
  const text = `${generalized ? String(year).padStart(4, "0") : twoDigits(year % 100)}${rest}Z`;
  const ascii = Uint8Array.from(text, (character) => character.charCodeAt(0));
  return derTlv(generalized ? DER_TAG.generalizedTime : DER_TAG.utcTime, [ascii]);
}

/** The moment a validity time encodes: `date` in whole seconds (what a parser reads back). */
export function toWholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
