/**
 * Typed reads of a pasted JSON value's fields: each says what it expected and where, so a known shape
 * with a wrong field type gets a message that names the field (never a crash, never a guess).
 */
import type { JsonObject, JsonValue } from "./parse-json-documents";
import { RegisteredReadError } from "./read-error";

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field's value when the object has it as its own key (the objects have no prototype; hasOwn guards a plain one too). */
export function field(object: JsonObject, name: string): JsonValue | undefined {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

export function hasField(object: JsonObject, name: string): boolean {
  return Object.hasOwn(object, name);
}

function typeName(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `the ${typeof value} ${String(value)}`;
}

export function wrongType(path: string, expected: string, found: JsonValue): RegisteredReadError {
  return new RegisteredReadError(
    "ERR_REGISTERED_FIELD_TYPE",
    `${path} should be ${expected}, but it is ${typeName(found)}. Paste the command's output unedited (az … -o json, or the Graph response body).`,
  );
}

/** A string field, or undefined when absent or null (Graph prints null for unset fields). */
export function optionalString(object: JsonObject, name: string, path: string): string | undefined {
  const value = field(object, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw wrongType(`${path}.${name}`, "text", value);
  return value;
}

/** An ISO 8601 date-time field (Graph's DateTimeOffset), checked to be one. */
export function optionalDateTime(object: JsonObject, name: string, path: string): string | undefined {
  const value = field(object, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw wrongType(`${path}.${name}`, "a date and time in ISO 8601 form (e.g. 2026-12-05T10:00:00Z)", value);
  }
  return value;
}

export function optionalArray(object: JsonObject, name: string, path: string): JsonValue[] | undefined {
  const value = field(object, name);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(`${path}.${name}`, "a list ([…])", value);
  return value;
}

export function requireObject(value: JsonValue, path: string, expected: string): JsonObject {
  if (!isJsonObject(value)) throw wrongType(path, expected, value);
  return value;
}
