import { describe, expect, it } from "vitest";
import { parseJsonDocuments } from "./parse-json-documents";
import { RegisteredReadError } from "./read-error";

function syntaxError(text: string): RegisteredReadError {
  try {
    parseJsonDocuments(text);
  } catch (error) {
    if (error instanceof RegisteredReadError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("parseJsonDocuments: JSON texts one after another, errors with line and column", () => {
  it("reads what JSON.parse reads, value for value", () => {
    const samples = ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"],"b":{}}', "[]", '"text"', "0", '{"nested":[[{"k":"v"}]]}'];
    for (const sample of samples) expect(parseJsonDocuments(sample).map((document) => JSON.parse(JSON.stringify(document.value)))).toEqual([JSON.parse(sample)]);
  });
  it("two documents pasted one after the other are both read, with the line each starts on", () => {
    const documents = parseJsonDocuments('[{"a":1}]\n{\n  "b": 2\n}\n');
    expect(documents.map((document) => document.line)).toEqual([1, 2]);
    expect(documents).toHaveLength(2);
    expect(parseJsonDocuments("[1][2]")).toHaveLength(2);
  });
  it("an escaped backslash followed by any character is read, as JSON.parse reads it (found by the fuzz test)", () => {
    const text = String.raw`["yBmhS\\.}Hv", "\\@", "C:\\path\\to", "\u00e9\"\/"]`;
    expect(parseJsonDocuments(text)[0]?.value).toEqual(JSON.parse(text));
  });
  it("one document is one document", () => {
    expect(parseJsonDocuments('  {"a": [1, 2]}  \n')).toHaveLength(1);
  });
  it("__proto__, constructor and toString keys are own data, and no prototype is changed", () => {
    const [document] = parseJsonDocuments('{"__proto__": {"polluted": true}, "constructor": 1, "toString": "x"}');
    const value = document?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(value.__proto__).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("a syntax error names its line and column, where the engine's JSON.parse stops too", () => {
    const text = '[\n  {"keyId": "a",}\n]';
    const error = syntaxError(text);
    expect(error.code).toBe("ERR_REGISTERED_SYNTAX");
    expect(error.position).toEqual({ line: 2, column: 17 });
    expect(error.message).toMatch(/line 2, column 17/);
    // Node's JSON.parse names the same offset (0-based) for the same text.
    const offset = (() => {
      try {
        JSON.parse(text);
      } catch (parseError) {
        return Number(/position (\d+)/.exec(String(parseError))?.[1]);
      }
      return -1;
    })();
    expect(text.slice(0, offset).split("\n")).toHaveLength(2);
    expect(offset - text.lastIndexOf("\n", offset - 1)).toBe(17);
  });
  it("single quotes, an unclosed string, a bad escape and a stray word are each named", () => {
    expect(syntaxError("{'a': 1}").message).toMatch(/double quotes/);
    expect(syntaxError('{"a": "b').message).toMatch(/never closed/);
    expect(syntaxError('{"a": "\\x"}').message).toMatch(/escape/);
    expect(syntaxError("WARNING: this is az's warning").position).toEqual({ line: 1, column: 1 });
  });
  it("valid JSON ends where it ends: a trailing comma at the end is an error", () => {
    expect(syntaxError("[1,]").code).toBe("ERR_REGISTERED_SYNTAX");
  });
  it("nesting deeper than 64 levels is refused with its own code, not a stack overflow", () => {
    expect(syntaxError(`${"[".repeat(100_000)}${"]".repeat(100_000)}`).code).toBe("ERR_REGISTERED_TOO_DEEP");
    expect(() => parseJsonDocuments(`${"[".repeat(60)}${"]".repeat(60)}`)).not.toThrow();
  });
});
