/**
 * Decoding a compact JWS's segments (RFC 7515 §7.1) into JSON objects, with a precise message for
 * each way the text can be wrong, and the values cut to a size the page can show.
 */
import { base64UrlToBytes, utf8Decode } from "../encoding";
import { describeError } from "../errors";
import { MAX_JSON_DEPTH } from "../input-limits";
import { jsonNestingDepth } from "../text/json-nesting";

const SEGMENT_NAMES = ["header", "payload", "signature"] as const;

/** A fault in the pasted text: its message is the sentence the page shows. */
export class InspectionProblem extends Error {
  constructor(
    message: string,
    readonly standardBase64 = false,
  ) {
    super(message);
  }
}

/** Decodes one segment, naming the first character that is not base64url (RFC 7515 §2). */
export function decodeSegment(segment: string, index: number): Uint8Array {
  const label = `Segment ${String(index + 1)} (${SEGMENT_NAMES[index] ?? "?"})`;
  const bad = /[^A-Za-z0-9_-]/.exec(segment);
  if (bad) {
    const char = bad[0];
    const standard = "+/=".includes(char);
    const hint = standard ? " — this looks like standard base64." : ".";
    throw new InspectionProblem(`${label} is not valid base64url: it contains '${char}' at position ${String(bad.index + 1)}${hint}`, standard);
  }
  if (segment.length % 4 === 1) {
    throw new InspectionProblem(`${label} is not valid base64url: its length ${String(segment.length)} leaves one stray character, so the token is probably cut short.`);
  }
  return base64UrlToBytes(segment);
}

/**
 * Parses a segment as a JSON object. Keys are data whatever they are called: JSON.parse makes
 * `__proto__` an own property (ECMA-262 §25.5.1, InternalizeJSONProperty uses CreateDataProperty),
 * and every later lookup by key goes through `Object.hasOwn`, never the prototype chain.
 */
export function parseJsonObject(bytes: Uint8Array, what: "header" | "payload"): Record<string, unknown> {
  if (bytes.length === 0) throw new InspectionProblem(`The ${what} is empty.`);
  let text: string;
  try {
    text = utf8Decode(bytes);
  } catch {
    throw new InspectionProblem(`The ${what} is not UTF-8 text, so it is not JSON.`);
  }
  const depth = jsonNestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw new InspectionProblem(
      `The ${what} nests ${depth.toLocaleString("en-US")} levels deep: a JWT's ${what} nests a few levels at most, and the page reads no deeper than ${String(MAX_JSON_DEPTH)}, so it is not described further. This is not a token any issuer makes.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InspectionProblem(`The ${what} is not JSON: ${describeError(error)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InspectionProblem(`The ${what} is JSON but not an object: a JWT ${what} must be {…}.`);
  }
  return value as Record<string, unknown>;
}

/**
 * The most characters of one value the page shows. Real header values and claims are far shorter
 * (an x5c chain of three 4096-bit certificates is about 6,000); beyond this the value is cut and its size said.
 */
export const MAX_SHOWN_VALUE_CHARS = 8192;

/** A text cut to `max` characters with its full length, or the text itself when it fits. */
export function shortenForDisplay(text: string, max = MAX_SHOWN_VALUE_CHARS): { value: string; length?: number } {
  if (text.length <= max) return { value: text };
  return { value: `${text.slice(0, max)}…`, length: text.length };
}

/** A header field's or claim's value as shown: strings as they are, anything else as JSON; cut when huge. */
export function showValue(value: unknown, max = MAX_SHOWN_VALUE_CHARS): { value: string; length?: number } {
  return shortenForDisplay(typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)), max);
}

/** An own property of a decoded object, never one inherited from Object.prototype (`constructor`, `__proto__`). */
export function ownField(object: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}
