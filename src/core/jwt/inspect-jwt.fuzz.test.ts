/**
 * Property-based tests of JWT/JWS decoding and inspection: any pasted text is answered within a bound with a
 * result or a named problem (InspectionProblem, never the catch-all), the result can be handed from the worker
 * to the page (structured clone) and judged again on the page's timer; and a mutated signed token is never
 * called valid unless Node's crypto verifies it too. The key and certificate are made by OpenSSL in the test.
 */
import { createPrivateKey, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { checkFederatedToken } from "../federated/check-federated-token";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { inspectJwt } from "./inspect-jwt";
import type { JwtInspection } from "./jwt-inspection";
import { retimeInspection } from "./jwt-time";

/** The longest one inspection may take, however hostile the text (the largest drawn here is ~100 KB). */
const MAX_INSPECT_MS = 2000;
const TENANT = "11111111-2222-3333-4444-555555555555";
const CLIENT_ID = "22222222-3333-4444-5555-666666666666";
const CATCH_ALL = "The token could not be inspected:";

let openssl: OpenSslWorkspace;
let certificateDer: Uint8Array;
let publicKey: ReturnType<typeof createPublicKey>;
let signedToken = "";

beforeAll(async () => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=jwt fuzz", "-days", "2"]);
  openssl.run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"]);
  certificateDer = new Uint8Array(readFileSync(openssl.path("cert.der")));
  const privateKey = createPrivateKey(readFileSync(openssl.path("key.pem")));
  publicKey = createPublicKey(privateKey);
  const x5t = Buffer.from(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha1"]).replace(/^.*=/s, "").replace(/[:\s]/g, ""), "hex").toString("base64url");
  // A client assertion as MSAL signs it (RS256 + x5t), signed by jose with OpenSSL's key.
  signedToken = await new SignJWT({ jti: "fuzz" })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", x5t })
    .setIssuer(CLIENT_ID).setSubject(CLIENT_ID).setAudience(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`)
    .setIssuedAt().setNotBefore("0s").setExpirationTime("10m")
    .sign(privateKey);
});
afterAll(() => openssl.dispose());

const b64u = (text: string) => Buffer.from(text).toString("base64url");
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Numbers that break dates and formatters: the ends of Date's range and beyond, NaN's JSON stand-ins. */
const hostileNumber = fc.oneof(fc.double(), fc.constantFrom(-1e15, 1e308, -1e308, 8.64e12, 8.64e12 + 1, -8.64e12 - 1, 0, -0, 2 ** 53, 1.5), fc.integer());

/** JSON texts a token may carry: claims of every type, time claims of hostile numbers, nesting, odd keys. */
const jsonObjectText = fc.oneof(
  fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("exp", "nbf", "iat", "auth_time", "aud", "iss", "sub", "alg", "x5t", "x5t#S256", "kid", "typ", "__proto__", "constructor", "enc")), fc.jsonValue(), { maxKeys: 12 }).map((value) => JSON.stringify(value)),
  fc.record({ alg: fc.constantFrom("RS256", "PS256", "none", "HS256"), exp: hostileNumber, nbf: hostileNumber, iat: hostileNumber, aud: fc.oneof(fc.string(), fc.array(fc.string())) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  // Written as text: 1e400 parses to Infinity, and a deep nest is measured before it is parsed.
  fc.constantFrom('{"alg":"RS256","exp":1e400}', '{"exp":-1e400,"nbf":1e400}'),
  fc.integer({ min: 1, max: 2000 }).map((depth) => `{"alg":"RS256","deep":${"[".repeat(depth)}${"]".repeat(depth)}}`),
  fc.string(),
);

const tokenText = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...`${BASE64URL}.+/= \n"`) }),
  fc.tuple(jsonObjectText, jsonObjectText, fc.string({ unit: fc.constantFrom(...BASE64URL) })).map(([header, payload, signature]) => `${b64u(header)}.${b64u(payload)}.${signature}`),
  fc.tuple(jsonObjectText, fc.array(fc.string({ unit: fc.constantFrom(...BASE64URL) }), { minLength: 4, maxLength: 4 })).map(([header, rest]) => [b64u(header), ...rest].join(".")),
);

/** The checks every inspection must pass, whatever the text. */
function expectHandled(inspection: JwtInspection): void {
  if (!inspection.ok) {
    expect(inspection.problem.startsWith(CATCH_ALL), inspection.problem).toBe(false);
    expect(inspection.problem.length).toBeLessThan(3000);
  }
  // What the worker posts to the page.
  expect(() => structuredClone(inspection)).not.toThrow();
  if (inspection.ok) {
    // What the page does with it on its timer, and what the Token panel's verdict does with the payload.
    const later = new Date(Date.now() + 3_600_000);
    expect(() => retimeInspection(inspection, later)).not.toThrow();
    expect(() => checkFederatedToken(inspection.payload, { issuer: "i", subject: "s", audience: "api://AzureADTokenExchange" }, later)).not.toThrow();
  }
}

type TextMutation =
  | { op: "replace"; at: number; char: string }
  | { op: "delete"; at: number; count: number }
  | { op: "insert"; at: number; text: string }
  | { op: "swapPart"; part: number; json: string };

/** One change to the compact token's text, in its own alphabet (so no whitespace or quote is stripped first). */
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant("replace" as const), at: fc.nat(), char: fc.constantFrom(...`${BASE64URL}.`) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...`${BASE64URL}.`), minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant("swapPart" as const), part: fc.integer({ min: 0, max: 1 }), json: jsonObjectText }),
);

function mutateToken(token: string, mutations: readonly TextMutation[]): string {
  let text = token;
  for (const mutation of mutations) {
    if (mutation.op === "swapPart") {
      const parts = text.split(".");
      parts[mutation.part] = b64u(mutation.json);
      text = parts.join(".");
      continue;
    }
    const at = text.length === 0 ? 0 : mutation.at % text.length;
    if (mutation.op === "replace") text = text.slice(0, at) + mutation.char + text.slice(at + 1);
    else if (mutation.op === "delete") text = text.slice(0, at) + text.slice(at + mutation.count);
    else text = text.slice(0, at) + mutation.text + text.slice(at);
  }
  return text;
}

describe("JWT inspection fuzzing", () => {
  it("the seed token is a valid client assertion by our inspection and by Node's crypto", async () => {
    const inspection = await inspectJwt(signedToken, { certificateDer });
    expect(inspection.ok && inspection.kind).toBe("client-assertion");
    expect(inspection.ok && inspection.signature.status).toBe("valid");
    const [header = "", payload = "", signature = ""] = signedToken.split(".");
    expect(verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url"))).toBe(true);
  });

  it("any text is answered within the bound with a result or a named problem, fit to hand to the page", async () => {
    await fuzzAssert(
      "jwt-inspect-any-text",
      fc.asyncProperty(tokenText, fc.boolean(), async (text, withCertificate) => {
        const started = performance.now();
        const inspection = await inspectJwt(text, withCertificate ? { certificateDer } : {});
        expect(performance.now() - started).toBeLessThan(MAX_INSPECT_MS);
        expectHandled(inspection);
      }),
      150,
    );
  }, 60_000);

  it("a mutated signed token is called valid only when Node's crypto verifies it too", async () => {
    await fuzzAssert(
      "jwt-signature-agrees-with-node",
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const mutated = mutateToken(signedToken, mutations);
        const inspection = await inspectJwt(mutated, { certificateDer });
        expectHandled(inspection);
        if (!inspection.ok || inspection.signature.status !== "valid") return;
        const [header = "", payload = "", signature = ""] = mutated.split(".");
        expect(verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url")), `called valid: ${mutated}`).toBe(true);
      }),
      120,
    );
  }, 60_000);
});
