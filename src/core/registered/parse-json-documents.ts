/**
 * Reads one or more JSON texts (RFC 8259) pasted one after another — the output of two commands
 * pasted together — into plain values. Written out rather than JSON.parse so that:
 *  - a syntax error says its line and column (engines word JSON.parse's position differently);
 *  - documents that follow each other without a separator are found without guessing where one ends;
 *  - every object has no prototype, so a key such as "__proto__" or "constructor" is only data.
 */
import { positionAt, RegisteredReadError } from "./read-error";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** An object with no prototype: read its keys with Object.hasOwn. */
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface JsonDocument {
  value: JsonValue;
  /** Where the document starts (1-based), to name it in messages. */
  line: number;
}

/** Nesting deeper than this is not what az, Graph or the manifest print (they nest four or five levels). */
export const MAX_JSON_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function describeCharacter(character: string | undefined): string {
  if (character === undefined) return "the end of the text";
  if (/\s/.test(character)) return "a line break or space";
  return `"${character}"`;
}

export function parseJsonDocuments(text: string): JsonDocument[] {
  let index = 0;
  // A byte order mark before the first document is what Windows tools save; it is not JSON.
  if (text.charCodeAt(0) === 0xfeff) index = 1;

  const fail = (what: string, at: number = index): never => {
    const position = positionAt(text, at);
    throw new RegisteredReadError(
      "ERR_REGISTERED_SYNTAX",
      `This is not valid JSON at line ${String(position.line)}, column ${String(position.column)}: ${what}. Paste the command's output exactly as it printed it (az … -o json, or the Graph response body).`,
      position,
    );
  };

  const skipWhitespace = () => {
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 32 || code === 10 || code === 13 || code === 9) index++;
      else return;
    }
  };

  const parseString = (): string => {
    // index is at the opening quote.
    const start = index + 1;
    let end = start;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(end);
      if (Number.isNaN(code)) fail("a string that is never closed (a missing \")", index);
      if (code === 34) break;
      if (code < 0x20) fail("a line break or control character inside a string (JSON strings escape them as \\n, \\t…)", end);
      if (code === 92) {
        // RFC 8259 §7: \" \\ \/ \b \f \n \r \t, or \u and four hex digits; anything else is not JSON.
        escaped = true;
        const next = text[end + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) end += 2;
        else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(end + 2, end + 6))) end += 6;
        else fail(`an escape JSON does not have ("${text.slice(end, end + 6)}")`, end);
        continue;
      }
      end++;
    }
    const raw = text.slice(start, end);
    index = end + 1;
    if (!escaped) return raw;
    // The escapes, checked above, are decoded by the engine's own JSON reader, on this one string only.
    return JSON.parse(`"${raw}"`) as string;
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_JSON_DEPTH) {
      const position = positionAt(text, index);
      throw new RegisteredReadError("ERR_REGISTERED_TOO_DEEP", `The JSON nests more than ${String(MAX_JSON_DEPTH)} levels deep (line ${String(position.line)}): this is not what az, Graph or the manifest print. Paste their output as printed.`, position);
    }
    skipWhitespace();
    const character = text[index];
    if (character === "{") {
      index++;
      const object = Object.create(null) as JsonObject;
      skipWhitespace();
      if (text[index] === "}") {
        index++;
        return object;
      }
      for (;;) {
        skipWhitespace();
        if (text[index] !== '"') fail(`${describeCharacter(text[index])} where a key in double quotes was expected`);
        const key = parseString();
        skipWhitespace();
        if (text[index] !== ":") fail(`${describeCharacter(text[index])} where ":" after the key "${key.slice(0, 40)}" was expected`);
        index++;
        object[key] = parseValue(depth + 1);
        skipWhitespace();
        if (text[index] === ",") {
          index++;
          continue;
        }
        if (text[index] === "}") {
          index++;
          return object;
        }
        fail(`${describeCharacter(text[index])} where "," or "}" was expected`);
      }
    }
    if (character === "[") {
      index++;
      const array: JsonValue[] = [];
      skipWhitespace();
      if (text[index] === "]") {
        index++;
        return array;
      }
      for (;;) {
        array.push(parseValue(depth + 1));
        skipWhitespace();
        if (text[index] === ",") {
          index++;
          continue;
        }
        if (text[index] === "]") {
          index++;
          return array;
        }
        fail(`${describeCharacter(text[index])} where "," or "]" was expected`);
      }
    }
    if (character === '"') return parseString();
    if (text.startsWith("true", index)) {
      index += 4;
      return true;
    }
    if (text.startsWith("false", index)) {
      index += 5;
      return false;
    }
    if (text.startsWith("null", index)) {
      index += 4;
      return null;
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number) {
      index += number[0].length;
      return Number(number[0]);
    }
    if (character === "'") return fail("a single quote: JSON strings use double quotes");
    return fail(`${describeCharacter(character)} where a value was expected`);
  };

  const documents: JsonDocument[] = [];
  // Lines are counted from the previous document on, so many small documents cost one pass.
  let countedTo = 0;
  let line = 1;
  for (;;) {
    skipWhitespace();
    if (index >= text.length) break;
    for (; countedTo < index; countedTo++) if (text.charCodeAt(countedTo) === 10) line++;
    const value = parseValue(0);
    documents.push({ value, line });
  }
  return documents;
}
