/**
 * Property-based tests of the federated token check and the JWKS signature check. References: jose's own
 * claim validation (jwtVerify with Entra's 5-minute tolerance) for the times, and Node's crypto for the
 * signature with the key the JWKS names. The issuer's key is made by OpenSSL in the test.
 */
import { createPrivateKey, createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { errors, exportJWK, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { checkFederatedToken, FEDERATED_CLOCK_SKEW_SECONDS } from "./check-federated-token";
import { verifyFederatedSignature } from "./verify-federated-signature";

const NOW = new Date("2026-12-05T03:00:00Z");
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const CREDENTIAL = { issuer: "https://token.actions.githubusercontent.com", subject: "repo:Contoso/web:environment:prod", audience: "api://AzureADTokenExchange" };
const HMAC_SECRET = new TextEncoder().encode("a test-only HS256 secret, for jose's claim checks");

let openssl: OpenSslWorkspace;
let issuerKey: ReturnType<typeof createPrivateKey>;
let jwk: JsonWebKey & { kid: string };
let signedToken = "";
let jwksText = "";

beforeAll(async () => {
  openssl = createOpenSslWorkspace();
  openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "issuer.pem"]);
  issuerKey = createPrivateKey(readFileSync(openssl.path("issuer.pem")));
  jwk = { ...((await exportJWK(createPublicKey(issuerKey))) as JsonWebKey), kid: "issuer-key-1", alg: "RS256", use: "sig" };
  jwksText = JSON.stringify({ keys: [jwk] });
  signedToken = await new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: jwk.kid, typ: "JWT" }).setIssuer(CREDENTIAL.issuer).setSubject(CREDENTIAL.subject).setAudience(CREDENTIAL.audience).setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 600).sign(issuerKey);
});
afterAll(() => openssl.dispose());

/** Times around now and the skew's edges, and numbers no Date can hold. */
const timeValue = fc.oneof(
  fc.integer({ min: nowSeconds - 2000, max: nowSeconds + 2000 }),
  fc.double({ min: nowSeconds - 2000, max: nowSeconds + 2000, noNaN: true }),
  fc.constantFrom(-1e15, 1e308, -1e308, Infinity, -Infinity, 8.64e12, 8.64e12 + 1, 0),
  fc.constantFrom("tomorrow", null, true, [nowSeconds], { exp: 1 }),
);

const claimsArbitrary = fc.record(
  {
    iss: fc.oneof(fc.constant(CREDENTIAL.issuer), fc.constant(`${CREDENTIAL.issuer}/`), fc.string(), fc.jsonValue()),
    sub: fc.oneof(fc.constant(CREDENTIAL.subject), fc.constant(CREDENTIAL.subject.toUpperCase()), fc.string(), fc.jsonValue()),
    aud: fc.oneof(fc.constant(CREDENTIAL.audience), fc.array(fc.oneof(fc.constant(CREDENTIAL.audience), fc.string())), fc.jsonValue()),
    exp: timeValue,
    nbf: timeValue,
  },
  { requiredKeys: [] },
);

/** What jose says of the token's times at NOW with Entra's tolerance: a message when it refuses them, else undefined. */
async function joseTimeRefusal(claims: Record<string, unknown>): Promise<string | undefined> {
  // jose signs the claims as given (JSON.stringify turns Infinity into null, as any issuer's JSON would).
  const token = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(HMAC_SECRET);
  try {
    await jwtVerify(token, HMAC_SECRET, { currentDate: NOW, clockTolerance: FEDERATED_CLOCK_SKEW_SECONDS, requiredClaims: ["exp"] });
    return undefined;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return error.message;
    if (error instanceof errors.JWTClaimValidationFailed && (error.claim === "exp" || error.claim === "nbf")) return error.message;
    if (error instanceof errors.JWTInvalid) return error.message;
    return undefined;
  }
}

describe("federated token check fuzzing", () => {
  it("any claims get a verdict (never an exception); when the time rule passes, jose accepts the times too", async () => {
    await fuzzAssert(
      "federated-verdict-times-agree-with-jose",
      fc.asyncProperty(claimsArbitrary, async (drawn) => {
        // The payload as the page has it: JSON the inspector parsed (Infinity travels as 1e400 and comes back).
        const claims = JSON.parse(JSON.stringify(drawn, (_key, value: unknown) => (value === Infinity ? "__inf" : value === -Infinity ? "__-inf" : value)).replace(/"__inf"/g, "1e400").replace(/"__-inf"/g, "-1e400")) as Record<string, unknown>;
        const verdict = checkFederatedToken(claims, CREDENTIAL, NOW);
        expect(verdict.checks.map((check) => check.rule)).toEqual(["issuer", "subject", "audience", "time"]);
        expect(verdict.matches).toBe(verdict.checks.every((check) => check.ok));
        const time = verdict.checks.find((check) => check.rule === "time");
        if (!time?.ok) return;
        // Entra's edge (now ≤ exp + skew passes) differs from jose's (exp ≤ now − skew fails) at the exact second.
        if (claims.exp === nowSeconds - FEDERATED_CLOCK_SKEW_SECONDS) return;
        const refusal = await joseTimeRefusal(claims);
        expect(refusal, `time called valid for exp ${String(claims.exp)} nbf ${String(claims.nbf)}`).toBeUndefined();
      }),
      150,
    );
  });

  it("any JWKS text gets a signature check (never an exception); a valid one is one Node's crypto verifies with the key of the token's kid", async () => {
    const jwksText$ = fc.oneof(
      fc.json(),
      fc.string(),
      fc.array(fc.oneof(fc.constant(jwk as object), fc.record({ kty: fc.constantFrom("RSA", "EC", "oct", "OKP", "x"), kid: fc.constantFrom(jwk.kid, "other"), n: fc.string(), e: fc.string(), alg: fc.constantFrom("RS256", "PS256", "ES256", "HS256") }, { requiredKeys: [] })), { maxLength: 4 }).map((keys) => JSON.stringify({ keys })),
      fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([at, text]) => {
        const position = at % jwksText.length;
        return jwksText.slice(0, position) + text + jwksText.slice(position + 1);
      }),
    );
    await fuzzAssert(
      "federated-jwks-agrees-with-node",
      fc.asyncProperty(jwksText$, fc.boolean(), async (jwks, tamper) => {
        const token = tamper ? `${signedToken.slice(0, -4)}AAAA` : signedToken;
        const check = await verifyFederatedSignature(token, jwks);
        expect(["valid", "invalid", "unknown-kid", "invalid-jwks", "not-checked"]).toContain(check.status);
        expect(check.message.length).toBeLessThan(3000);
        if (check.status !== "valid") return;
        const keys = (JSON.parse(jwks) as { keys: (JsonWebKey & { kid?: string })[] }).keys.filter((key) => key.kid === jwk.kid);
        const [header = "", payload = "", signature = ""] = token.split(".");
        const verifiedBySome = keys.some((key) => {
          try {
            return verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), createPublicKey({ key, format: "jwk" }), Buffer.from(signature, "base64url"));
          } catch {
            return false;
          }
        });
        expect(verifiedBySome).toBe(true);
      }),
      100,
    );
  });
});
