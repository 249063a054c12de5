/**
 * Checks an external token against a federated identity credential the way Entra does before it
 * exchanges it (Microsoft Entra "Workload identity federation", How it works: "Microsoft identity
 * platform checks the trust relationship ... validates the external token against the issuer,
 * subject and audience" — https://learn.microsoft.com/entra/workload-id/workload-identity-federation;
 * federatedIdentityCredential: issuer and subject must match the token's iss and sub, and the
 * audiences list what may appear in aud — https://learn.microsoft.com/graph/api/resources/federatedidentitycredential).
 *
 * The rules, in the order they are reported, each with the code Entra answers when it fails:
 *  - iss equals the issuer exactly                                    (AADSTS700211)
 *  - sub equals the subject exactly and case-sensitively; a sub equal
 *    but for case is AADSTS7002138, any other difference AADSTS700213
 *  - aud (a string or a list) contains the audience                   (AADSTS700212)
 *  - nbf ≤ now + 5 min and now ≤ exp + 5 min, Entra's clock skew       (AADSTS700024)
 * The signature is checked separately (verify-federated-signature.ts) when the issuer's JWKS is given.
 */
import { utcText } from "../jwt/time-window";
import type { FederatedCredential } from "./federated-credential";

/** Entra's allowed clock skew for assertions: 5 minutes (the same tolerance as for client assertions). */
export const FEDERATED_CLOCK_SKEW_SECONDS = 300;

export type FederatedRule = "issuer" | "subject" | "audience" | "time";

export interface FederatedCheck {
  rule: FederatedRule;
  ok: boolean;
  /** What was compared and, when it fails, the fix. */
  message: string;
  /** The AADSTS code Entra answers when this rule fails. */
  aadsts?: number;
}

export interface FederatedVerdict {
  /** True when every rule passes. */
  matches: boolean;
  checks: FederatedCheck[];
  /** The first rule that fails, whose code Entra would answer. */
  firstFailure?: FederatedCheck;
  /** One sentence for the verdict line: "matches" or the first mismatch with its code. */
  summary: string;
}

const quote = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? "nothing");

function checkIssuer(iss: unknown, issuer: string): FederatedCheck {
  if (iss === issuer) return { rule: "issuer", ok: true, message: `iss is ${quote(iss)}, the credential's issuer.` };
  const slashOnly = typeof iss === "string" && iss.replace(/\/$/, "") === issuer.replace(/\/$/, "");
  return {
    rule: "issuer",
    ok: false,
    aadsts: 700211,
    message: `iss is ${quote(iss)} but the credential's issuer is ${quote(issuer)}${slashOnly ? ": they differ only by the trailing slash, which Entra does not ignore" : ""}. Set the issuer to the token's iss exactly.`,
  };
}

function checkSubject(sub: unknown, subject: string): FederatedCheck {
  if (sub === subject) return { rule: "subject", ok: true, message: `sub is ${quote(sub)}, the credential's subject.` };
  if (typeof sub === "string" && sub.toLowerCase() === subject.toLowerCase()) {
    return {
      rule: "subject",
      ok: false,
      aadsts: 7002138,
      message: `sub is ${quote(sub)} and the credential's subject ${quote(subject)}: they differ only in case, and Entra compares subjects case-sensitively. Copy the token's sub exactly.`,
    };
  }
  return { rule: "subject", ok: false, aadsts: 700213, message: `sub is ${quote(sub)} but the credential's subject is ${quote(subject)}. Set the subject to the token's sub exactly.` };
}

function checkAudience(aud: unknown, audience: string): FederatedCheck {
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (audiences.includes(audience)) return { rule: "audience", ok: true, message: `aud holds ${quote(audience)}.` };
  return {
    rule: "audience",
    ok: false,
    aadsts: 700212,
    message: `aud is ${quote(aud)}, which does not hold the credential's audience ${quote(audience)}. Have the workload request its token for ${quote(audience)} (GitHub: azure/login does; Kubernetes: the projected token's audience).`,
  };
}

function checkTime(nbf: unknown, exp: unknown, now: number): FederatedCheck {
  const skew = FEDERATED_CLOCK_SKEW_SECONDS;
  const at = utcText;
  if (typeof exp !== "number") return { rule: "time", ok: false, aadsts: 700024, message: "The token has no numeric exp; Entra accepts only tokens that expire." };
  if (now > exp + skew) {
    return { rule: "time", ok: false, aadsts: 700024, message: `The token expired at ${at(exp)}, more than Entra's 5 minutes of clock skew ago. Get a fresh token from the workload.` };
  }
  if (typeof nbf === "number" && nbf > now + skew) {
    return { rule: "time", ok: false, aadsts: 700024, message: `The token is not valid before ${at(nbf)}, more than 5 minutes from now: check the clocks.` };
  }
  return { rule: "time", ok: true, message: `Valid now (expires ${at(exp)}; Entra allows 5 minutes of skew).` };
}

/**
 * @param claims the token's payload (from inspectJwt)
 * @param now the time to judge nbf/exp against
 */
export function checkFederatedToken(claims: Record<string, unknown>, credential: FederatedCredential, now: Date): FederatedVerdict {
  const seconds = Math.floor(now.getTime() / 1000);
  const checks = [
    checkIssuer(claims.iss, credential.issuer.trim()),
    checkSubject(claims.sub, credential.subject.trim()),
    checkAudience(claims.aud, credential.audience.trim()),
    checkTime(claims.nbf, claims.exp, seconds),
  ];
  const firstFailure = checks.find((check) => !check.ok);
  const summary = firstFailure
    ? `Does not match: Entra will answer AADSTS${String(firstFailure.aadsts)}. ${firstFailure.message}`
    : "Matches the federated credential: issuer, subject, audience and time are as Entra checks them.";
  return { matches: !firstFailure, checks, firstFailure, summary };
}
