/**
 * A workload-identity issuer of the test's own (what GitHub Actions or a Kubernetes cluster is to Entra): an
 * RSA key pair from Node's crypto, its key set (RFC 7517 §5), and tokens signed by jose. Independent of the
 * page's code, which only reads and checks such tokens; used alike by unit tests, server tests and e2e specs.
 */
import { generateKeyPairSync } from "node:crypto";
import { exportJWK, SignJWT, type JWK } from "jose";
import type { MockFederatedCredential } from "./mock-token-service";

/** The audience Entra expects in a federated token (Microsoft identity platform, "Workload identity federation"). */
export const FEDERATED_AUDIENCE = "api://AzureADTokenExchange";

/** The claims and key id of one token; each defaults to the issuer's own or to "valid now". */
export interface FederatedTokenOverrides {
  iss?: string;
  sub?: string;
  aud?: string;
  /** Seconds since the epoch; default ten minutes from now. */
  exp?: number;
  kid?: string;
}

export interface TestIssuer {
  issuer: string;
  subject: string;
  kid: string;
  /** The issuer's public key set, and the same as the text a user pastes. */
  jwks: { keys: JWK[] };
  jwksText: string;
  /** The credential that trusts this issuer's tokens for `subject` and the Entra audience. */
  credential: MockFederatedCredential;
  /** A token from this issuer: issued and valid from a minute ago, for `subject` and the Entra audience unless overridden. */
  token(overrides?: FederatedTokenOverrides): Promise<string>;
  /** A token with the same claims and kid, signed by another key: what a forger without the issuer's key makes. */
  forgedToken(overrides?: FederatedTokenOverrides): Promise<string>;
}

/** @example const issuer = await createTestIssuer({ issuer: "https://issuer.test", subject: "repo:Contoso/web:environment:prod" }); */
export async function createTestIssuer(options: { issuer: string; subject: string; kid?: string }): Promise<TestIssuer> {
  const kid = options.kid ?? "issuer-key-1";
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwks = { keys: [{ ...(await exportJWK(key.publicKey)), kid, alg: "RS256", use: "sig" }] };
  const sign = (privateKey: typeof key.privateKey, overrides: FederatedTokenOverrides) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: overrides.kid ?? kid, typ: "JWT" })
      .setIssuer(overrides.iss ?? options.issuer)
      .setSubject(overrides.sub ?? options.subject)
      .setAudience(overrides.aud ?? FEDERATED_AUDIENCE)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(overrides.exp ?? now + 600)
      .sign(privateKey);
  };
  return {
    issuer: options.issuer,
    subject: options.subject,
    kid,
    jwks,
    jwksText: JSON.stringify(jwks),
    credential: { issuer: options.issuer, subject: options.subject, audiences: [FEDERATED_AUDIENCE], jwks },
    token: (overrides = {}) => sign(key.privateKey, overrides),
    forgedToken: (overrides = {}) => sign(forger.privateKey, overrides),
  };
}
