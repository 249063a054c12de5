// Property (fuzz) test of the proxy's form reader (parseTokenProxyRequest, checkFormForEndpoint,
// encodeForm): whatever JSON the page or anyone else posts, it either returns a form that is exactly
// one of the allowed field sets or refuses with a coded 400; nothing else is thrown, and an accepted
// form encodes to a body that decodes back to the same fields, in order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JWT_BEARER_ASSERTION_TYPE } from "../src/entra/token-form";
import { fuzzAssert } from "../test-support/fuzz";
import { FIELD_NAMES, formLike } from "../test-support/fuzz-forms";
import { HttpError } from "./http-error";
import { encodeForm } from "../src/entra/token-form";
import { checkFormForEndpoint, parseTokenProxyRequest } from "./token-request";

const READER_CODES = new Set(["invalid_request", "invalid_form", "unexpected_form_field", "missing_form_field", "invalid_grant_type", "invalid_client_assertion_type", "conflicting_client_credentials"]);

/**
 * The rule, written out independently of src/entra/token-form.ts: which field sets are accepted,
 * in the order they are sent. Undefined when the form must be refused.
 */
function expectedFields(form: unknown): string[] | undefined {
  if (typeof form !== "object" || form === null || Array.isArray(form)) return undefined;
  const record = form as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.some((key) => !(FIELD_NAMES as readonly string[]).includes(key))) return undefined;
  const has = (name: string) => keys.includes(name);
  if (has("scope") && has("resource")) return undefined;
  const assertion = has("client_assertion") || has("client_assertion_type");
  if (assertion && has("client_secret")) return undefined;
  const names = ["grant_type", "client_id", has("resource") ? "resource" : "scope", ...(has("client_secret") ? ["client_secret"] : ["client_assertion_type", "client_assertion"])];
  if (names.some((name) => typeof record[name] !== "string" || record[name] === "")) return undefined;
  if (record.grant_type !== "client_credentials") return undefined;
  if (!has("client_secret") && record.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) return undefined;
  return names;
}

/** Decodes application/x-www-form-urlencoded by hand (WHATWG URL §5.1), not through URLSearchParams. */
function decodeForm(body: string): [string, string][] {
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  return body.split("&").map((pair) => {
    const at = pair.indexOf("=");
    return [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
  });
}

describe("the proxy's form reader under fuzzing", () => {
  it("accepts exactly the allowed field sets, refuses the rest with a coded 400, and encodes what it accepts faithfully", async () => {
    const reached = new Set<string>();
    await fuzzAssert(
      "token-request-form",
      fc.property(fc.oneof({ arbitrary: formLike, weight: 4 }, { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }), fc.option(fc.jsonValue({ maxDepth: 1 })), (form, tokenEndpoint) => {
        const body: unknown = { tokenEndpoint, form };
        const expected = expectedFields(form);
        let parsed: ReturnType<typeof parseTokenProxyRequest>;
        try {
          parsed = parseTokenProxyRequest(body);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect(error instanceof HttpError && error.status === 400 && READER_CODES.has(error.code)).toBe(true);
          expect(expected).toBeUndefined();
          reached.add(error instanceof HttpError ? error.code : "?");
          return;
        }
        reached.add("accepted");
        expect(expected).toBeDefined();
        expect(parsed.tokenEndpoint).toEqual(tokenEndpoint);
        expect(Object.keys(parsed.form)).toEqual(expected);
        const decoded = decodeForm(encodeForm(parsed.form));
        expect(decoded).toEqual((expected ?? []).map((name) => [name, (form as Record<string, unknown>)[name]]));
        // The endpoint check: the form suits exactly one version, and anything else is a coded 400.
        const version = "resource" in parsed.form ? "v1" : "v2.0";
        expect(() => checkFormForEndpoint(parsed.form, version)).not.toThrow();
        try {
          checkFormForEndpoint(parsed.form, version === "v1" ? "v2.0" : "v1");
          expect.unreachable("a form for the other version was not refused");
        } catch (error) {
          expect(error instanceof HttpError && error.status === 400 && error.code === "form_endpoint_mismatch").toBe(true);
        }
      }),
      400,
    );
    for (const outcome of ["accepted", "invalid_form", "unexpected_form_field", "missing_form_field", "conflicting_client_credentials", "invalid_grant_type", "invalid_client_assertion_type"]) expect(reached).toContain(outcome);
  });

  it("refuses anything but a JSON object with invalid_request", async () => {
    await fuzzAssert(
      "token-request-body",
      fc.property(fc.oneof(fc.jsonValue().filter((value) => typeof value !== "object" || value === null || Array.isArray(value)), fc.constant(undefined)), (body) => {
        expect(() => parseTokenProxyRequest(body)).toThrow(expect.objectContaining({ status: 400, code: "invalid_request" }) as Error);
      }),
      100,
    );
  });
});
