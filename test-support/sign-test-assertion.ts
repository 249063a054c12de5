import { createHash, createPrivateKey, randomUUID, sign, constants, X509Certificate } from "node:crypto";

/**
 * Builds client assertions for tests with node:crypto, so tests can also make the wrong ones
 * (1024-bit keys, mismatched headers) that jose rightly refuses to sign.
 */
export interface TestAssertionInput {
  keyPem: string;
  certificatePem: string;
  clientId: string;
  audience: string | string[];
  /** Default "RS256" with x5t; "PS256" uses x5t#S256 (docs/entra.md, "The client assertion"). */
  alg?: "RS256" | "PS256" | "HS256";
  /** Replaces the computed header entirely (after alg/typ). */
  header?: Record<string, unknown>;
  /** Merged over the default claims. */
  claims?: Record<string, unknown>;
  /** Seconds since the epoch; default now. */
  now?: number;
}

export function certificateThumbprints(certificatePem: string): { x5t: string; x5tS256: string; sha1Hex: string } {
  const der = new X509Certificate(certificatePem).raw;
  const sha1 = createHash("sha1").update(der).digest();
  return { x5t: sha1.toString("base64url"), x5tS256: createHash("sha256").update(der).digest("base64url"), sha1Hex: sha1.toString("hex").toUpperCase() };
}

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function signTestAssertion(input: TestAssertionInput): string {
  const alg = input.alg ?? "RS256";
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const { x5t, x5tS256 } = certificateThumbprints(input.certificatePem);
  const header = input.header ?? (alg === "PS256" ? { alg, typ: "JWT", "x5t#S256": x5tS256 } : { alg, typ: "JWT", x5t });
  const claims = { aud: input.audience, iss: input.clientId, sub: input.clientId, jti: randomUUID(), nbf: now, iat: now, exp: now + 600, ...input.claims };
  const signingInput = `${encodePart(header)}.${encodePart(claims)}`;
  const key = createPrivateKey(input.keyPem);
  // PS256: salt length 32 = the hash length (RFC 7518 §3.5).
  const signature = alg === "PS256" ? sign("sha256", Buffer.from(signingInput), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }) : sign("sha256", Buffer.from(signingInput), key);
  return `${signingInput}.${signature.toString("base64url")}`;
}
