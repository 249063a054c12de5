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
 *    but for case is AADSTS7002138, any other difference AADSTS700213;
 *    a flexible credential's expression holds over the claims instead  (AADSTS700213)
 *  - aud (a string or a list) contains the audience                   (AADSTS700212)
 *  - nbf ≤ now + 5 min and now ≤ exp + 5 min, Entra's clock skew       (AADSTS700024)
 * While the credential's issuer or subject (expression) is empty, those rules are pending, not failing:
 * the verdict asks for the fields (state "incomplete") instead of naming an AADSTS code for a value
 * nobody has typed yet.
 * The signature is checked separately (verify-federated-signature.ts) when the issuer's JWKS is given.
 *
 * Values are compared as typed, never trimmed: Entra compares the registered value exactly, so a
 * trailing space typed into the credential is a mismatch here too, and is named (MicrosoftDocs/azure-docs
 * #97699). Values are quoted bounded (quote-value.ts): a hostile token cannot flood the verdict.
 */
import { describeOutOfRange, isOutOfRangeNumericDate, numericDate, utcText } from "../jwt/time-window";
import { evaluateClauses, parseClaimsMatchingExpression } from "./claims-matching-expression";
import { differsOnlyInCase } from "./differs-only-in-case";
import { isFlexibleCredential, type FederatedCredential } from "./federated-credential";
import { diagnoseExpressionForm, diagnoseSubjectForm } from "./github-subject-form";
import { describeEdgeWhitespace, quoteValue } from "./quote-value";

/** Entra's allowed clock skew for assertions: 5 minutes (the same tolerance as for client assertions). */
export const FEDERATED_CLOCK_SKEW_SECONDS = 300;

export type FederatedRule = "issuer" | "subject" | "audience" | "time";

export interface FederatedCheck {
  rule: FederatedRule;
  ok: boolean;
  /**
   * Set when the rule could not be judged because the credential's field is still empty: neither a pass
   * nor a mismatch Entra would answer, but a field to fill in (`ok` is false).
   */
  pending?: true;
  /** What was compared and, when it fails, the fix. */
  message: string;
  /** The AADSTS code Entra answers when this rule fails. */
  aadsts?: number;
  /** The page's own code when Entra would refuse the credential itself (an expression it does not accept). */
  code?: string;
}

/** The credential fields the verdict needs before it can judge the token. */
export type FederatedMissingField = "issuer" | "subject" | "expression";

export interface FederatedVerdict {
  /** True when every rule passes. */
  matches: boolean;
  /**
   * `incomplete` while the credential's issuer or subject (expression) is empty: the token cannot be
   * compared with what is not filled in yet, so the verdict is neutral rather than a mismatch.
   */
  state: "matches" | "mismatch" | "incomplete";
  /** The empty credential fields, in the order they are asked for. */
  missing: FederatedMissingField[];
  checks: FederatedCheck[];
  /** The first rule that fails (not one still waiting for its field), whose code Entra would answer. */
  firstFailure?: FederatedCheck;
  /**
   * The verdict line: "matches", what to fill in, or which rule fails and Entra's code. It does not repeat
   * the failing check's message, which the list of checks shows right below it.
   */
  summary: string;
}

const quote = quoteValue;

/** When two strings differ only by white space at their ends, names it and whose it is. */
function whitespaceOnly(tokenValue: unknown, registered: string, claim: string, field: string): string | undefined {
  if (typeof tokenValue !== "string" || tokenValue.trim() !== registered.trim()) return undefined;
  const inRegistered = describeEdgeWhitespace(registered);
  if (inRegistered) return `: they differ only in white space — the credential's ${field} ${inRegistered}, which Entra keeps and compares. Remove it from the ${field} you register`;
  const inToken = describeEdgeWhitespace(tokenValue);
  return inToken ? `: they differ only in white space — the token's ${claim} ${inToken}. Entra compares exactly, so register the ${field} with it, or fix the workload's ${claim}` : undefined;
}

function checkIssuer(iss: unknown, issuer: string): FederatedCheck {
  if (iss === issuer) return { rule: "issuer", ok: true, message: `iss is ${quote(iss)}, the credential's issuer.` };
  const slashOnly = typeof iss === "string" && iss.replace(/\/$/, "") === issuer.replace(/\/$/, "");
  const detail = slashOnly ? ": they differ only by the trailing slash, which Entra does not ignore" : (whitespaceOnly(iss, issuer, "iss", "issuer") ?? "");
  return {
    rule: "issuer",
    ok: false,
    aadsts: 700211,
    message: `iss is ${quote(iss)} but the credential's issuer is ${quote(issuer)}${detail}. Set the issuer to the token's iss exactly.`,
  };
}

function checkSubject(sub: unknown, subject: string): FederatedCheck {
  if (sub === subject) return { rule: "subject", ok: true, message: `sub is ${quote(sub)}, the credential's subject.` };
  if (typeof sub === "string" && differsOnlyInCase(sub, subject)) {
    return {
      rule: "subject",
      ok: false,
      aadsts: 7002138,
      message: `sub is ${quote(sub)} and the credential's subject ${quote(subject)}: they differ only in case, and Entra compares subjects case-sensitively. Copy the token's sub exactly.`,
    };
  }
  const spaces = whitespaceOnly(sub, subject, "sub", "subject");
  if (spaces) return { rule: "subject", ok: false, aadsts: 700213, message: `sub is ${quote(sub)} but the credential's subject is ${quote(subject)}${spaces}.` };
  const form = typeof sub === "string" ? diagnoseSubjectForm(sub, subject) : undefined;
  if (form) return { rule: "subject", ok: false, aadsts: 700213, message: form };
  return { rule: "subject", ok: false, aadsts: 700213, message: `sub is ${quote(sub)} but the credential's subject is ${quote(subject)}. Set the subject to the token's sub exactly.` };
}

/** A flexible credential: the expression, checked as Entra accepts it for the credential's issuer, then evaluated. */
function checkExpression(claims: Readonly<Record<string, unknown>>, expression: string, issuer: string): FederatedCheck {
  const parsed = parseClaimsMatchingExpression(expression, issuer);
  if (!parsed.ok) return { rule: "subject", ok: false, code: parsed.code, message: `Entra would not accept this expression (${parsed.code}): ${parsed.message}` };
  const failed = evaluateClauses(parsed.clauses, claims).find((outcome) => !outcome.ok);
  if (!failed) return { rule: "subject", ok: true, message: `The expression holds: ${parsed.clauses.map((clause) => `${clause.claim} ${clause.operator} ${quote(clause.comparand)}`).join(", and ")}.` };
  const form = diagnoseExpressionForm(failed.clause, claims);
  if (form) return { rule: "subject", ok: false, aadsts: 700213, message: form };
  const actual = failed.actual === undefined ? "the token has no such claim" : typeof failed.actual === "string" ? `the token's is ${quote(failed.actual)}` : `the token's is ${quote(failed.actual)}, not a string`;
  return {
    rule: "subject",
    ok: false,
    aadsts: 700213,
    message: `The expression does not hold: ${failed.clause.claim} ${failed.clause.operator === "eq" ? "must equal" : "must match"} ${quote(failed.clause.comparand)}, and ${actual}.`,
  };
}

function checkAudience(aud: unknown, audience: string): FederatedCheck {
  const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
  if (audiences.includes(audience)) return { rule: "audience", ok: true, message: `aud holds ${quote(audience)}.` };
  const spaces = audiences.length === 1 ? whitespaceOnly(audiences[0], audience, "aud", "audience") : undefined;
  return {
    rule: "audience",
    ok: false,
    aadsts: 700212,
    message: `aud is ${quote(aud)}, which does not hold the credential's audience ${quote(audience)}${spaces ?? ""}. Have the workload request its token for ${quote(audience)} (GitHub: azure/login does; Kubernetes: the projected token's audience).`,
  };
}

function checkTime(nbf: unknown, exp: unknown, now: number): FederatedCheck {
  const skew = FEDERATED_CLOCK_SKEW_SECONDS;
  // Only range-checked NumericDates become dates (utcText): a crafted exp of 1e308 would make toISOString throw.
  if (isOutOfRangeNumericDate(exp)) return { rule: "time", ok: false, aadsts: 700024, message: `The token's ${describeOutOfRange("exp", exp as number)}, so it is no valid time. Get a fresh token from the workload.` };
  if (isOutOfRangeNumericDate(nbf)) return { rule: "time", ok: false, aadsts: 700024, message: `The token's ${describeOutOfRange("nbf", nbf as number)}, so it is no valid time. Get a fresh token from the workload.` };
  const expires = numericDate(exp);
  if (expires === undefined) return { rule: "time", ok: false, aadsts: 700024, message: "The token has no numeric exp; Entra accepts only tokens that expire." };
  if (now > expires + skew) {
    return { rule: "time", ok: false, aadsts: 700024, message: `The token expired at ${utcText(expires)}, more than Entra's 5 minutes of clock skew ago. Get a fresh token from the workload.` };
  }
  if (nbf !== undefined && typeof nbf !== "number") {
    // A NumericDate is a JSON number (RFC 7519 §2); an nbf of another type is a malformed token, not an absent claim.
    const shown = JSON.stringify(nbf) ?? String(nbf);
    return { rule: "time", ok: false, aadsts: 700024, message: `The token's nbf is ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}, not a number of seconds: the token is malformed. Get a fresh token from the workload.` };
  }
  const notBefore = numericDate(nbf);
  if (notBefore !== undefined && notBefore > now + skew) {
    return { rule: "time", ok: false, aadsts: 700024, message: `The token is not valid before ${utcText(notBefore)}, more than 5 minutes from now: check the clocks.` };
  }
  return { rule: "time", ok: true, message: `Valid now (expires ${utcText(expires)}; Entra allows 5 minutes of skew).` };
}

/** A credential field left empty: nothing to compare yet, and the token's value as a starting point. */
function pendingCheck(rule: FederatedRule, field: FederatedMissingField, tokenValue: unknown, claim: string): FederatedCheck {
  const offer = typeof tokenValue === "string" && tokenValue !== "" ? ` The token's ${claim} is ${quote(tokenValue)}.` : "";
  return { rule, ok: false, pending: true, message: `The credential's ${field} is empty: fill it in as registered on the app.${offer}` };
}

/** What a failing rule means, in a few words, for the verdict line (the check itself says the values and the fix). */
function failureReason(check: FederatedCheck, flexible: boolean): string {
  switch (check.rule) {
    case "issuer":
      return "the token's iss is not the credential's issuer";
    case "subject":
      if (flexible) return "the credential's expression does not hold for the token";
      return check.aadsts === 7002138 ? "the token's sub and the credential's subject differ in case" : "the token's sub is not the credential's subject";
    case "audience":
      return "the token's aud does not hold the credential's audience";
    case "time":
      return "the token's times are outside what Entra accepts";
  }
}

function summarize(missing: readonly FederatedMissingField[], firstFailure: FederatedCheck | undefined, flexible: boolean): string {
  if (missing.length > 0) {
    const fields = missing.join(" and ");
    const also = firstFailure ? " One check already fails (✗ below)." : "";
    return `Fill in the ${fields} as registered on the app to check the token against them.${also}`;
  }
  if (!firstFailure) return `Matches the federated credential: issuer, ${flexible ? "expression" : "subject"}, audience and time are as Entra checks them.`;
  if (firstFailure.aadsts) return `Does not match: Entra will answer AADSTS${String(firstFailure.aadsts)}, because ${failureReason(firstFailure, flexible)} (✗ below says what to change).`;
  return firstFailure.code ? `Does not match: Entra would not accept the credential's expression (${firstFailure.code}; ✗ below says why).` : "Does not match (✗ below says why).";
}

/**
 * @param claims the token's payload (from inspectJwt)
 * @param now the time to judge nbf/exp against
 */
export function checkFederatedToken(claims: Record<string, unknown>, credential: FederatedCredential, now: Date): FederatedVerdict {
  const seconds = Math.floor(now.getTime() / 1000);
  const flexible = isFlexibleCredential(credential);
  // Whitespace alone is not a registered value (the portal refuses it); a value with edge spaces is compared as typed.
  const empty = (value: string | undefined) => (value ?? "").trim() === "";
  const missing: FederatedMissingField[] = [];
  if (empty(credential.issuer)) missing.push("issuer");
  if (flexible ? empty(credential.expression) : empty(credential.subject)) missing.push(flexible ? "expression" : "subject");
  const checks: FederatedCheck[] = [
    missing.includes("issuer") ? pendingCheck("issuer", "issuer", claims.iss, "iss") : checkIssuer(claims.iss, credential.issuer),
    flexible
      ? missing.includes("expression")
        ? pendingCheck("subject", "expression", undefined, "")
        : missing.includes("issuer")
          ? // Entra parses an expression for its issuer's claims: without the issuer there is nothing to parse it against.
            { rule: "subject", ok: false, pending: true, message: "The expression is checked once the issuer is filled in: Entra accepts expressions for GitHub, GitLab and Terraform Cloud issuers only." }
          : checkExpression(claims, credential.expression ?? "", credential.issuer)
      : missing.includes("subject")
        ? pendingCheck("subject", "subject", claims.sub, "sub")
        : checkSubject(claims.sub, credential.subject),
    checkAudience(claims.aud, credential.audience),
    checkTime(claims.nbf, claims.exp, seconds),
  ];
  const firstFailure = checks.find((check) => !check.ok && !check.pending);
  const state = missing.length > 0 ? "incomplete" : firstFailure ? "mismatch" : "matches";
  return { matches: state === "matches", state, missing, checks, firstFailure, summary: summarize(missing, firstFailure, flexible) };
}
