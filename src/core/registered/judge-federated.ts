/**
 * Which registered federated credential an external token meets, as Entra evaluates them
 * (Microsoft Entra "Workload identity federation" and error reference; docs/entra.md and the shared
 * Entra facts, "How Entra matches federated credentials"): issuer, subject and audience compared
 * exactly and case-sensitively; a flexible credential's claimsMatchingExpression evaluated instead of
 * the subject. When none matches, the answer follows Entra's order:
 *   no credential has the token's iss exactly          → AADSTS700211 (a trailing slash or space named)
 *   among those with it, one whose subject differs only in case → AADSTS7002138, else AADSTS700213
 *   among those with issuer and subject, none with the aud       → AADSTS700212
 * naming the nearest credential and its first difference. An app holds at most 20.
 */
import { evaluateClaimsMatchingExpression } from "../federated/claims-matching-expression";
import type { RegisteredFederated } from "./registered-credential";
import type { RegisteredVerdict } from "./registered-verdict";

/** Entra's limit of federated identity credentials per application. */
export const MAX_FEDERATED_CREDENTIALS = 20;

const name = (row: RegisteredFederated) => `"${row.name || row.keyId || "(no name)"}"`;
const quote = (value: unknown) => (typeof value === "string" ? `"${value}"` : (JSON.stringify(value) ?? "nothing"));

/** Where two strings first differ, said in words: "at character 12: token has 'M', credential 'm'". */
function firstDifference(tokenValue: string, registered: string): string {
  let index = 0;
  while (index < tokenValue.length && index < registered.length && tokenValue[index] === registered[index]) index++;
  if (index === tokenValue.length && index === registered.length) return "they are equal";
  const show = (text: string) => (index < text.length ? JSON.stringify(text[index]) : "the end");
  return `they first differ at character ${String(index + 1)}: the token has ${show(tokenValue)}, the credential ${show(registered)}`;
}

/** Whether the registered issuer differs from iss only by a trailing slash or surrounding whitespace. */
function nearIssuer(iss: string, issuer: string): "slash" | "whitespace" | undefined {
  if (issuer.trim() !== issuer && issuer.trim().replace(/\/+$/, "") === iss.replace(/\/+$/, "")) return "whitespace";
  if (issuer.replace(/\/+$/, "") === iss.replace(/\/+$/, "")) return "slash";
  return undefined;
}

/** Common prefix length: the nearest credential is the one sharing most of the token's value. */
function sharedPrefix(a: string, b: string): number {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index;
}

function nearest<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const item of items) {
    const value = score(item);
    if (value > bestScore) {
      best = item;
      bestScore = value;
    }
  }
  return best;
}

type SubjectOutcome = { ok: true } | { ok: false; caseOnly: boolean; detail: string };

function checkSubject(row: RegisteredFederated, claims: Readonly<Record<string, unknown>>, sub: unknown): SubjectOutcome {
  if (row.claimsMatchingExpression) {
    const result = evaluateClaimsMatchingExpression(row.claimsMatchingExpression.value, claims);
    if (!result.ok) return { ok: false, caseOnly: false, detail: `its claimsMatchingExpression cannot be evaluated: ${result.message}` };
    if (result.matches) return { ok: true };
    return { ok: false, caseOnly: false, detail: `its claimsMatchingExpression does not hold for the token${result.failedClause ? `: ${result.failedClause} is false` : ""}` };
  }
  const subject = row.subject ?? "";
  if (sub === subject) return { ok: true };
  if (typeof sub === "string" && sub.toLowerCase() === subject.toLowerCase()) return { ok: false, caseOnly: true, detail: `its subject ${quote(subject)} differs from the token's sub ${quote(sub)} only in case (${firstDifference(sub, subject)})` };
  return { ok: false, caseOnly: false, detail: `its subject is ${quote(subject)} and the token's sub ${quote(sub)}${typeof sub === "string" ? `: ${firstDifference(sub, subject)}` : ""}` };
}

export interface FederatedJudgement extends RegisteredVerdict {
  /** Set when the app holds more credentials than Entra allows. */
  overLimit?: string;
}

export function judgeFederated(claims: Readonly<Record<string, unknown>>, rows: readonly RegisteredFederated[]): FederatedJudgement {
  const overLimit =
    rows.length > MAX_FEDERATED_CREDENTIALS
      ? `The paste has ${String(rows.length)} federated credentials: Entra allows at most ${String(MAX_FEDERATED_CREDENTIALS)} per app, so some of these cannot be on one app (two apps' lists pasted together?), and adding more fails.`
      : undefined;
  const withLimit = (verdict: RegisteredVerdict): FederatedJudgement => (overLimit ? { ...verdict, overLimit } : verdict);
  const iss = Object.hasOwn(claims, "iss") ? claims.iss : undefined;
  const sub = Object.hasOwn(claims, "sub") ? claims.sub : undefined;
  const aud = Object.hasOwn(claims, "aud") ? claims.aud : undefined;

  const withIssuer = rows.filter((row) => row.issuer === iss);
  if (withIssuer.length === 0) {
    const issText = typeof iss === "string" ? iss : "";
    const near = rows.map((row) => ({ row, kind: nearIssuer(issText, row.issuer) })).find((candidate) => candidate.kind !== undefined);
    const closest = near?.row ?? nearest(rows, (row) => sharedPrefix(issText, row.issuer));
    const hint = near
      ? ` ${name(near.row)} has ${quote(near.row.issuer)}, which differs only by ${near.kind === "slash" ? "a trailing slash" : "whitespace around it"}: Entra compares issuers exactly, so fix the credential's issuer to ${quote(iss)}.`
      : closest
        ? ` The nearest, ${name(closest)}, has ${quote(closest.issuer)}${typeof iss === "string" ? ` (${firstDifference(iss, closest.issuer)})` : ""}.`
        : "";
    return withLimit({ verdict: "no-match", aadsts: 700211, message: `No federated credential has the token's issuer ${quote(iss)} exactly: Entra answers AADSTS700211.${hint}`, matchedKeyIds: [] });
  }

  const subjects = withIssuer.map((row) => ({ row, outcome: checkSubject(row, claims, sub) }));
  const withSubject = subjects.filter((entry) => entry.outcome.ok).map((entry) => entry.row);
  if (withSubject.length === 0) {
    const failures = subjects.flatMap((entry) => (entry.outcome.ok ? [] : [{ row: entry.row, ...entry.outcome }]));
    const caseOnly = failures.find((failure) => failure.caseOnly);
    if (caseOnly) {
      return withLimit({ verdict: "no-match", aadsts: 7002138, message: `${name(caseOnly.row)} has the issuer, but ${caseOnly.detail}. Entra compares subjects case-sensitively and answers AADSTS7002138: set the subject to the token's sub exactly.`, matchedKeyIds: [] });
    }
    const subText = typeof sub === "string" ? sub : "";
    const closest = nearest(failures, (failure) => sharedPrefix(subText, failure.row.subject ?? "")) ?? failures[0];
    return withLimit({
      verdict: "no-match",
      aadsts: 700213,
      message: `${String(withIssuer.length)} credential${withIssuer.length === 1 ? " has" : "s have"} the issuer, but none matches the token's sub ${quote(sub)}: Entra answers AADSTS700213.${closest ? ` The nearest, ${name(closest.row)}: ${closest.detail}.` : ""} A branch, environment, tag or pull request makes another subject; register one for this one.`,
      matchedKeyIds: [],
    });
  }

  const audiences = Array.isArray(aud) ? aud : [aud];
  const matching = withSubject.filter((row) => row.audiences.some((audience) => audiences.includes(audience)));
  if (matching.length === 0) {
    const closest = withSubject[0];
    return withLimit({
      verdict: "no-match",
      aadsts: 700212,
      message: `${closest ? name(closest) : "The credential"} has the issuer and subject, but the token's aud ${quote(aud)} holds none of its audiences (${closest?.audiences.map(quote).join(", ") || "none"}): Entra answers AADSTS700212. Have the workload ask for its token with audience ${quote(closest?.audiences[0] ?? "api://AzureADTokenExchange")}.`,
      matchedKeyIds: [],
    });
  }
  return withLimit({
    verdict: "match",
    message: `The token meets ${matching.map(name).join(", ")}: issuer, ${matching[0]?.claimsMatchingExpression ? "claims expression" : "subject"} and audience all match. Entra also checks its signature with the issuer's keys and its time window.`,
    matchedKeyIds: matching.map((row) => row.keyId),
  });
}
