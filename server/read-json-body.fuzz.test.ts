// Property (fuzz) test of the proxy's JSON body reader: whatever headers and bytes arrive, however
// they are split and however the stream ends, readJsonBody either returns exactly what JSON.parse
// makes of the whole body or refuses with one of its coded HTTP errors; it never throws anything
// else, never hangs past its deadline, and never takes more than its limit (plus one chunk).
import { Readable } from "node:stream";
import type { IncomingMessage } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzAssert } from "../test-support/fuzz";
import { HttpError } from "./http-error";
import { readJsonBody } from "./read-json-body";

/** Every refusal readJsonBody may answer with, status by code. */
const REFUSALS: Readonly<Record<string, number>> = { unsupported_media_type: 415, body_too_large: 413, request_timeout: 408, invalid_json: 400, request_aborted: 400 };
const DEADLINE_MS = 40;
/** What "never hangs" allows on a busy machine: the deadline plus generous timer lateness. */
const HANG_BOUND_MS = DEADLINE_MS + 2_000;

type Ending = "end" | "error" | "stall";

interface FakeRequest {
  request: IncomingMessage;
  /** Bytes the reader pulled from the stream. */
  bytesTaken(): number;
}

/** A readable stream with request headers: the chunks arrive one per tick, then it ends, fails or stalls. */
function fakeRequest(headers: Record<string, string>, chunks: Uint8Array[], ending: Ending): FakeRequest {
  let next = 0;
  let taken = 0;
  const stream = new Readable({
    read() {
      setImmediate(() => {
        if (next < chunks.length) {
          const chunk = Buffer.from(chunks[next] ?? new Uint8Array());
          next += 1;
          taken += chunk.length;
          this.push(chunk);
          return;
        }
        if (ending === "end") this.push(null);
        else if (ending === "error") this.destroy(new Error("ECONNRESET"));
        // "stall": nothing more ever arrives.
      });
    },
  });
  stream.on("error", () => undefined);
  return { request: Object.assign(stream, { headers }) as unknown as IncomingMessage, bytesTaken: () => taken };
}

/** Splits `bytes` at the given fractions into chunks (some empty). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => Math.floor(cut * bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const encoder = new TextEncoder();

/**
 * Deep equality of two JSON values without recursion: the deeply nested cases overflow the stack
 * of a recursive walk (toEqual) and of JSON.stringify, though JSON.parse reads them.
 */
function sameJson(left: unknown, right: unknown): boolean {
  const pending: [unknown, unknown][] = [[left, right]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [a, b] = pair;
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
      if (!Object.is(a, b)) return false;
      continue;
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(b, key)) return false;
      pending.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/** Bodies: valid JSON (some of it huge or deep), JSON with a byte flipped, text, and raw bytes. */
const bodyBytes = fc.oneof(
  fc.jsonValue().map((value) => encoder.encode(JSON.stringify(value))),
  fc.tuple(fc.jsonValue(), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([value, at, byte]) => {
    const bytes = encoder.encode(JSON.stringify(value));
    if (bytes.length > 0) bytes[at % bytes.length] = byte;
    return bytes;
  }),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => encoder.encode(`${"[".repeat(depth)}${"]".repeat(depth)}`)),
  fc.string({ unit: "binary", maxLength: 300 }).map((text) => encoder.encode(text)),
  fc.uint8Array({ maxLength: 600 }),
);

const contentType = fc.option(
  fc.oneof(
    { arbitrary: fc.constant("application/json"), weight: 4 },
    fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", " application/json ; x=1", "text/plain", "application/jsonx", "application/x-www-form-urlencoded", ""),
    fc.string({ maxLength: 40 }),
  ),
  { nil: undefined },
);

const contentLength = fc.option(fc.oneof(fc.nat({ max: 100_000 }).map(String), fc.constantFrom("-1", "abc", "1e9", " 12 ", "0x10", "")), { nil: undefined });

describe("readJsonBody under fuzzing", () => {
  it("returns exactly JSON.parse of the whole body, or one of its coded refusals; never hangs; never takes more than the limit", async () => {
    // Which outcomes the cases reached: a property that never reaches a branch checks nothing there.
    const reached = new Set<string>();
    await fuzzAssert(
      "read-json-body",
      fc.asyncProperty(
        bodyBytes,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        contentType,
        contentLength,
        fc.constantFrom<Ending>("end", "end", "end", "error", "stall"),
        fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 2_000 }), fc.constant(64 * 1024)),
        async (bytes, cuts, type, length, ending, maxBytes) => {
          const headers: Record<string, string> = {};
          if (type !== undefined) headers["content-type"] = type;
          if (length !== undefined) headers["content-length"] = length;
          const chunks = split(bytes, cuts);
          const fake = fakeRequest(headers, chunks, ending);
          let timer: NodeJS.Timeout | undefined;
          const hang = new Promise<"hang">((resolve) => (timer = setTimeout(() => resolve("hang"), HANG_BOUND_MS)));
          const outcome = await Promise.race([
            readJsonBody(fake.request, { maxBytes, deadlineMs: DEADLINE_MS }).then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            ),
            hang,
          ]);
          clearTimeout(timer);
          expect(outcome).not.toBe("hang");
          if (outcome === "hang") return;
          const largestChunk = Math.max(0, ...chunks.map((chunk) => chunk.length));
          expect(fake.bytesTaken()).toBeLessThanOrEqual(maxBytes + largestChunk);
          if ("error" in outcome) {
            const error = outcome.error;
            expect(error).toBeInstanceOf(HttpError);
            if (!(error instanceof HttpError)) return;
            expect(REFUSALS[error.code]).toBe(error.status);
            reached.add(error.code);
            expect(error.message).not.toBe("");
            return;
          }
          // A success: the media type was JSON, the body came whole, within the limit, and parses to the same value.
          expect(type?.split(";")[0]?.trim().toLowerCase()).toBe("application/json");
          expect(ending).toBe("end");
          expect(bytes.length).toBeLessThanOrEqual(maxBytes);
          expect(sameJson(outcome.value, JSON.parse(Buffer.from(bytes).toString("utf8")))).toBe(true);
          reached.add("success");
        },
      ),
      150,
    );
    expect([...reached].sort()).toEqual(["success", ...Object.keys(REFUSALS)].sort());
  }, 60_000);
});
