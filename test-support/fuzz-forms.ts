/**
 * fast-check generators for the proxy's fuzz tests: token request forms near the valid shapes
 * (a valid form of either endpoint version and either client authentication method, with a field
 * or two deleted, added or changed), as the server receives them through JSON.
 */
import fc from "fast-check";
import { JWT_BEARER_ASSERTION_TYPE } from "../src/entra/token-form";

/** Every field name any allowed form holds. */
export const FIELD_NAMES = ["grant_type", "client_id", "scope", "resource", "client_assertion_type", "client_assertion", "client_secret"] as const;

/** Values that are sometimes right: the fixed values, real-looking ones, empty, odd text, non-strings. */
export const fieldValue = fc.oneof(
  { arbitrary: fc.constantFrom("client_credentials", JWT_BEARER_ASSERTION_TYPE, "https://graph.microsoft.com/.default", "https://graph.microsoft.com", "00000000-0000-0000-0000-000000000001", "eyJhbGciOiJub25lIn0.e30.c2ln"), weight: 6 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constant(""), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
);

/** A valid form of either version and either method, with real-looking non-empty values. */
export const validForm = fc
  .record({
    v1: fc.boolean(),
    secret: fc.boolean(),
    clientId: fc.oneof(fc.uuid(), fc.string({ unit: "binary", minLength: 1, maxLength: 40 })),
    target: fc.oneof(fc.constantFrom("https://graph.microsoft.com/.default", "https://graph.microsoft.com", "api://x y/.default"), fc.string({ unit: "binary", minLength: 1, maxLength: 40 })),
    credential: fc.string({ unit: "binary", minLength: 1, maxLength: 80 }),
  })
  .map(({ v1, secret, clientId, target, credential }): Record<string, unknown> => ({
    grant_type: "client_credentials",
    client_id: clientId,
    ...(v1 ? { resource: target } : { scope: target }),
    ...(secret ? { client_secret: credential } : { client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: credential }),
  }));

type Mutation = { kind: "delete"; name: string } | { kind: "set"; name: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), name: fc.constantFrom(...FIELD_NAMES) }),
  fc.record({ kind: fc.constant("set" as const), name: fc.oneof({ arbitrary: fc.constantFrom(...FIELD_NAMES), weight: 4 }, fc.constantFrom("__proto__", "constructor", "toString", "password", "Scope", "client_id ", "")), value: fieldValue }),
);

/** Forms near the valid shapes: a valid one with up to two fields deleted, added or changed, then through JSON as the server receives it. */
export const formLike = fc.tuple(validForm, fc.array(mutation, { maxLength: 2 })).map(([form, mutations]) => {
  const entries = new Map(Object.entries(form));
  for (const change of mutations) {
    if (change.kind === "delete") entries.delete(change.name);
    else entries.set(change.name, change.value);
  }
  // Built as JSON text so that "__proto__" becomes an own key, as JSON.parse makes it.
  const text = `{${[...entries].map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;
  return JSON.parse(text) as unknown;
});
