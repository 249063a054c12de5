/**
 * Checks the external token's signature against the issuer's keys when the user pastes them (the
 * JWKS from the issuer's OpenID configuration `jwks_uri`, e.g.
 * https://token.actions.githubusercontent.com/.well-known/jwks). The page fetches nothing: without a
 * JWKS, the signature is Entra's to check — it fetches the issuer's keys itself, and a `kid` it does
 * not find there is AADSTS7000272.
 * Uses jose's createLocalJWKSet (key selection by kid/alg, RFC 7517) and compactVerify (RFC 7515);
 * times are judged by check-federated-token.ts, not here.
 */
import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from "jose";

export interface FederatedSignatureCheck {
  status: "valid" | "invalid" | "unknown-kid" | "invalid-jwks" | "not-checked";
  message: string;
  aadsts?: number;
}

const NOT_CHECKED: FederatedSignatureCheck = {
  status: "not-checked",
  message: "The signature is Entra's to check: it fetches the issuer's published keys (JWKS). Paste them here to check it now; a kid Entra does not find there is AADSTS7000272.",
};

function readJwks(text: string): JSONWebKeySet | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "The JWKS is not JSON: paste the whole document the issuer's jwks_uri returns ({\"keys\": [...]}).";
  }
  if (typeof value !== "object" || value === null || !Array.isArray((value as { keys?: unknown }).keys)) {
    return "The JWKS has no \"keys\" list: paste the document the issuer's jwks_uri returns, not its OpenID configuration.";
  }
  return value as JSONWebKeySet;
}

export async function verifyFederatedSignature(token: string, jwksText: string): Promise<FederatedSignatureCheck> {
  if (jwksText.trim() === "") return NOT_CHECKED;
  const jwks = readJwks(jwksText.trim());
  if (typeof jwks === "string") return { status: "invalid-jwks", message: jwks };
  try {
    const keys = createLocalJWKSet(jwks);
    const { protectedHeader } = await compactVerify(token.trim(), keys);
    return { status: "valid", message: `The signature verifies with the issuer's key ${protectedHeader.kid ? `"${protectedHeader.kid}"` : "(no kid)"}.` };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
      return { status: "unknown-kid", aadsts: 7000272, message: "No key in the pasted JWKS has the token's kid and alg: Entra would not find it either (AADSTS7000272). Check the issuer, or get a fresh token and the current JWKS." };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { status: "invalid", message: "The key with the token's kid does not verify its signature: the token was altered or not issued by this issuer." };
    }
    return { status: "invalid", message: `The signature could not be checked: ${error instanceof Error ? error.message : String(error)}.` };
  }
}
