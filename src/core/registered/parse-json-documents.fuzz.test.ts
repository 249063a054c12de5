import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { parseJsonDocuments } from "./parse-json-documents";
import { RegisteredReadError } from "./read-error";

// The engine's own JSON.parse is the oracle: one document must read exactly as it reads it.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("parseJsonDocuments against JSON.parse", () => {
  it("any JSON value, compact or indented, reads as JSON.parse reads it", async () => {
    await fuzzAssert(
      "registered-json-roundtrip",
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const documents = parseJsonDocuments(text);
        expect(documents).toHaveLength(1);
        expect(plain(documents[0]?.value)).toEqual(JSON.parse(text));
      }),
      200,
    );
  });
  it("two values one after the other are two documents, each as JSON.parse reads it", async () => {
    await fuzzAssert(
      "registered-json-two-documents",
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (first, second) => {
        const [a, b] = [JSON.stringify(first, null, 2), JSON.stringify(second)];
        // Two numbers side by side would read as one ("1" "2" is "12"): a newline separates them, as two commands' outputs are.
        const documents = parseJsonDocuments(`${a}\n${b}`);
        expect(documents.map((document) => plain(document.value))).toEqual([JSON.parse(a), JSON.parse(b)]);
      }),
      200,
    );
  });
  it("any text: accepted as one document exactly when JSON.parse accepts it; otherwise a coded error, never a crash", async () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z\\.eE+-]{0,40}$/);
    await fuzzAssert(
      "registered-json-any-text",
      fc.property(jsonish, (text) => {
        let oracle: unknown;
        let oracleOk = true;
        try {
          oracle = JSON.parse(text);
        } catch {
          oracleOk = false;
        }
        try {
          const documents = parseJsonDocuments(text);
          if (oracleOk) expect(documents.map((document) => plain(document.value))).toEqual([plain(oracle)]);
          // Text JSON.parse refuses may still be several documents (or none, when blank), never exactly one.
          else expect(documents.length).not.toBe(1);
        } catch (error) {
          expect(error).toBeInstanceOf(RegisteredReadError);
          expect(oracleOk).toBe(false);
        }
      }),
      600,
    );
  });
});
