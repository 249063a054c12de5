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
import { MAX_JSON_DEPTH, MAX_JWKS_CHARS, MAX_JWKS_KEYS } from "../input-limits";
import { jsonNestingDepth } from "../text/json-nesting";

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
  if (text.length > MAX_JWKS_CHARS) {
    return `The JWKS is ${text.length.toLocaleString("en-US")} characters; an issuer's JWKS is a few KB, and the page reads at most ${MAX_JWKS_CHARS.toLocaleString("en-US")}. Paste the document the issuer's jwks_uri returns.`;
  }
  const depth = jsonNestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    return `The JWKS nests ${depth.toLocaleString("en-US")} levels deep; a JWKS nests three, and the page reads no deeper than ${String(MAX_JSON_DEPTH)}. Paste the document the issuer's jwks_uri returns.`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "The JWKS is not JSON: paste the whole document the issuer's jwks_uri returns ({\"keys\": [...]}).";
  }
  if (typeof value !== "object" || value === null || !Array.isArray((value as { keys?: unknown }).keys)) {
    return "The JWKS has no \"keys\" list: paste the document the issuer's jwks_uri returns, not its OpenID configuration.";
  }
  const count = (value as { keys: unknown[] }).keys.length;
  if (count > MAX_JWKS_KEYS) {
    return `The JWKS has ${count.toLocaleString("en-US")} keys; an issuer publishes a handful, and the page reads at most ${MAX_JWKS_KEYS.toLocaleString("en-US")}. Paste the document the issuer's jwks_uri returns.`;
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
    // jose's message can quote the token (an unsupported alg, say): a crafted one must not make a 1 MB sentence.
    const reason = error instanceof Error ? error.message : String(error);
    return { status: "invalid", message: `The signature could not be checked: ${reason.length > 500 ? `${reason.slice(0, 500)}…` : reason}.` };
  }
}
