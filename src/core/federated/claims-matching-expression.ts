/**
 * Flexible federated identity credentials (preview): instead of a `subject`, the credential holds a
 * `claimsMatchingExpression` {languageVersion: 1, value} that Entra evaluates over the external
 * token's claims (Microsoft Entra "Flexible federated identity credentials (preview)",
 * https://learn.microsoft.com/entra/workload-id/workload-identities-flexible-federated-identity-credentials,
 * 2026-09; Microsoft Graph beta `federatedIdentityExpression`).
 *
 * The language, as that page defines it:
 *   expression := clause ( " and " clause )*
 *   clause     := "claims['" name "']" " " operator " " "'" comparand "'"
 *   operator   := "eq" (exact, case-sensitive) | "matches" ("*" any run of characters, "?" exactly one)
 * - "separated ... by a single space": one space between the parts, nothing else; no "or", no
 *   parentheses, no negation.
 * - "Single quotes are interpreted as escape characters": inside a comparand a quote is written twice
 *   (`''` is one `'`), the one reading under which the page's quoted examples also parse. There is no
 *   escape for `*` or `?` in `matches`; Git refuses both in branch and tag names (git check-ref-format),
 *   so a ref never needs one.
 * - Only three issuers are supported, each with its own claims and the operators each claim takes;
 *   GitHub expressions must also name `sub` and one of the immutable `repository_id` /
 *   `repository_owner_id`, GitLab's `sub` and `project_id` ("GitHub expressions must match sub and at
 *   least one immutable claim"; GitLab: "must match the sub and project_id claims").
 * What the page leaves unsaid is read strictly: a form it does not show is refused with the fix,
 * rather than guessed at. `matches` is anchored (the whole claim must match), `*` also matches an empty
 * run, and a "character" is a UTF-16 code unit, as .NET (Entra) and JavaScript strings count them.
 */

export type ClaimsExpressionResult = { ok: true; matches: boolean; failedClause?: string } | { ok: false; code: string; message: string };

export type ClaimsOperator = "eq" | "matches";

/** The stable codes a refused expression carries. */
export type ClaimsExpressionErrorCode =
  | "ERR_FIC_EXPRESSION_EMPTY"
  | "ERR_FIC_EXPRESSION_SYNTAX"
  | "ERR_FIC_UNSUPPORTED_OPERATOR"
  | "ERR_FIC_UNSUPPORTED_ISSUER"
  | "ERR_FIC_UNSUPPORTED_CLAIM"
  | "ERR_FIC_MISSING_CLAIM";

export type ClaimsExpressionError = { ok: false; code: ClaimsExpressionErrorCode; message: string };

export interface ClaimsClause {
  claim: string;
  operator: ClaimsOperator;
  /** The comparand with its doubled quotes read as one. */
  comparand: string;
  /** The clause as written, for quoting back. */
  text: string;
}

export type ParsedClaimsExpression = { ok: true; clauses: ClaimsClause[] } | ClaimsExpressionError;

export type FlexibleIssuerKind = "github" | "gitlab" | "terraform";

export interface FlexibleIssuerRules {
  kind: FlexibleIssuerKind;
  label: string;
  /** The issuer URLs as the page lists them. */
  issuers: string;
  /** Each claim an expression may name, with the operators it takes. */
  claims: Readonly<Record<string, readonly ClaimsOperator[]>>;
  /** Groups of claims of which the expression must name at least one member each. */
  required: readonly (readonly string[])[];
}

const EQ_AND_MATCHES: readonly ClaimsOperator[] = ["eq", "matches"];
const EQ_ONLY: readonly ClaimsOperator[] = ["eq"];

/** "Issuer URLs, supported claims, and operators by platform", per issuer. */
export const FLEXIBLE_ISSUER_RULES: Readonly<Record<FlexibleIssuerKind, FlexibleIssuerRules>> = {
  github: {
    kind: "github",
    label: "GitHub Actions",
    issuers: "https://token.actions.githubusercontent.com",
    claims: { sub: EQ_AND_MATCHES, job_workflow_ref: EQ_AND_MATCHES, repository_id: EQ_ONLY, repository_owner_id: EQ_ONLY },
    required: [["sub"], ["repository_id", "repository_owner_id"]],
  },
  gitlab: {
    kind: "gitlab",
    label: "GitLab",
    issuers: "https://gitlab.com, or https://gitlab.<name>.com or https://gitlab.<name>.ca for a self-managed instance",
    claims: { sub: EQ_AND_MATCHES, project_id: EQ_ONLY },
    required: [["sub"], ["project_id"]],
  },
  terraform: {
    kind: "terraform",
    label: "Terraform Cloud",
    issuers: "https://app.terraform.io or https://app.eu.terraform.io",
    claims: { sub: EQ_AND_MATCHES },
    required: [["sub"]],
  },
};

/** Which supported issuer this is, compared exactly (Entra does not trim or fold issuers). */
export function flexibleIssuerKind(issuer: string): FlexibleIssuerKind | undefined {
  if (issuer === "https://token.actions.githubusercontent.com") return "github";
  if (issuer === "https://app.terraform.io" || issuer === "https://app.eu.terraform.io") return "terraform";
  if (issuer === "https://gitlab.com" || /^https:\/\/gitlab\.[^/\s?#]+\.(com|ca)$/.test(issuer)) return "gitlab";
  return undefined;
}

/** Shown in messages: at most 80 characters of what was written, so a hostile value cannot flood the page. */
function excerpt(text: string, at = 0): string {
  const shown = text.slice(at, at + 80);
  return `"${shown}${text.length - at > 80 ? "…" : ""}"`;
}

/** Writes a value as a comparand: in single quotes, each quote in it doubled. */
export function quoteComparand(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const syntax = (message: string): ClaimsExpressionError => ({ ok: false, code: "ERR_FIC_EXPRESSION_SYNTAX", message });

const SHAPE = "Each clause is claims['<claim>'] eq '<value>' or claims['<claim>'] matches '<pattern>', clauses joined by \" and \".";

/** Reads one clause at `start`; returns it and where it ends, or the refusal. */
function readClause(expression: string, start: number): { clause: ClaimsClause; end: number } | ClaimsExpressionError {
  const lookup = "claims['";
  if (!expression.startsWith(lookup, start)) {
    return syntax(`Expected claims['<claim>'] at character ${String(start + 1)}, found ${excerpt(expression, start)}. ${SHAPE}`);
  }
  const nameStart = start + lookup.length;
  const nameEnd = expression.indexOf("'", nameStart);
  if (nameEnd < 0 || !expression.startsWith("']", nameEnd)) return syntax(`The claim lookup at character ${String(start + 1)} is not closed with ']. ${SHAPE}`);
  const claim = expression.slice(nameStart, nameEnd);
  if (claim === "") return syntax("A claim lookup names no claim: write claims['sub'].");
  let at = nameEnd + 2;
  if (expression[at] !== " " || expression[at + 1] === " " || expression[at + 1] === undefined) {
    return syntax(`After claims['${claim.slice(0, 40)}'] comes one space and the operator (eq or matches): Entra separates the parts by a single space.`);
  }
  at += 1;
  const operatorMatch = /^[^\s']*/.exec(expression.slice(at, at + 64));
  const operator = operatorMatch?.[0] ?? "";
  if (operator !== "eq" && operator !== "matches") {
    const hint = /^(eq|matches)$/i.test(operator) ? ` Write it in lower case: ${operator.toLowerCase()}.` : "";
    return {
      ok: false,
      code: "ERR_FIC_UNSUPPORTED_OPERATOR",
      message: `${excerpt(operator)} is not an operator Entra supports: use eq (exactly equal) or matches (* for any run of characters, ? for one).${hint}`,
    };
  }
  at += operator.length;
  if (!expression.startsWith(" '", at) || expression[at + 1] === " ") {
    return syntax(`After ${operator} comes one space and the value in single quotes, e.g. ${operator} 'repo:contoso/app:ref:refs/heads/main'.`);
  }
  at += 2;
  let comparand = "";
  for (;;) {
    const quote = expression.indexOf("'", at);
    if (quote < 0) return syntax(`The value after claims['${claim.slice(0, 40)}'] ${operator} has no closing quote. A quote inside a value is written twice ('').`);
    comparand += expression.slice(at, quote);
    if (expression[quote + 1] === "'") {
      comparand += "'";
      at = quote + 2;
      continue;
    }
    at = quote + 1;
    break;
  }
  return { clause: { claim, operator, comparand, text: expression.slice(start, at) }, end: at };
}

/** Reads the expression's clauses (syntax only; see `parseClaimsMatchingExpression` for the issuer's rules). */
export function readClaimsMatchingExpression(expression: string): ParsedClaimsExpression {
  if (expression.trim() === "") return { ok: false, code: "ERR_FIC_EXPRESSION_EMPTY", message: `The expression is empty. ${SHAPE}` };
  if (/^\s/.test(expression) || /\s$/.test(expression)) {
    return syntax("The expression starts or ends with white space, which is not part of Entra's grammar: remove it.");
  }
  const clauses: ClaimsClause[] = [];
  let at = 0;
  for (;;) {
    const read = readClause(expression, at);
    if ("ok" in read) return read;
    clauses.push(read.clause);
    at = read.end;
    if (at === expression.length) return { ok: true, clauses };
    if (expression.startsWith(" and ", at) && expression[at + 5] !== " ") {
      at += 5;
      continue;
    }
    const next = /^\s*(\S*)/.exec(expression.slice(at, at + 64))?.[1] ?? "";
    if (/^or$/i.test(next)) return syntax("Entra's expressions have no or: register one flexible credential for each alternative (an app holds up to 20).");
    if (/^and$/i.test(next)) return syntax("Clauses are joined by \" and \": the word in lower case with one space each side.");
    return syntax(`After the clause ${excerpt(read.clause.text)} comes " and " and another clause, or the end; found ${excerpt(expression, at)}.`);
  }
}

/** The claims an issuer allows, written for a sentence: "sub (eq, matches), repository_id (eq)". */
export function describeAllowedClaims(rules: FlexibleIssuerRules): string {
  return Object.entries(rules.claims)
    .map(([claim, operators]) => `${claim} (${operators.join(", ")})`)
    .join(", ");
}

/** Reads the expression and checks it against what Entra allows for the issuer. */
export function parseClaimsMatchingExpression(expression: string, issuer: string): ParsedClaimsExpression {
  const read = readClaimsMatchingExpression(expression);
  if (!read.ok) return read;
  const kind = flexibleIssuerKind(issuer);
  if (!kind) {
    return {
      ok: false,
      code: "ERR_FIC_UNSUPPORTED_ISSUER",
      message: `Entra evaluates expressions only for tokens from GitHub Actions, GitLab and Terraform Cloud; the issuer ${excerpt(issuer)} is none of them. Register a plain subject for it instead.`,
    };
  }
  const rules = FLEXIBLE_ISSUER_RULES[kind];
  for (const clause of read.clauses) {
    const operators = Object.hasOwn(rules.claims, clause.claim) ? rules.claims[clause.claim] : undefined;
    if (!operators) {
      return { ok: false, code: "ERR_FIC_UNSUPPORTED_CLAIM", message: `${rules.label} expressions may name only ${describeAllowedClaims(rules)}; ${excerpt(clause.claim)} is not one of them.` };
    }
    if (!operators.includes(clause.operator)) {
      return { ok: false, code: "ERR_FIC_UNSUPPORTED_OPERATOR", message: `${clause.claim} takes only ${operators.join(" or ")} (${rules.label}): write claims['${clause.claim}'] eq '<value>'.` };
    }
  }
  for (const group of rules.required) {
    if (!read.clauses.some((clause) => group.includes(clause.claim))) {
      const which = group.length > 1 ? `one of ${group.join(" or ")}` : group[0] ?? "";
      return { ok: false, code: "ERR_FIC_MISSING_CLAIM", message: `A ${rules.label} expression must also name ${which}: add " and claims['${group.at(-1) ?? ""}'] eq '<id>'".` };
    }
  }
  return read;
}

/**
 * `matches`: the whole value against the pattern, `*` any run (empty too), `?` exactly one code unit.
 * Iterative with one remembered star, so time is at most value × pattern length — never exponential.
 */
export function matchesWildcard(value: string, pattern: string): boolean {
  let v = 0;
  let p = 0;
  let star = -1;
  let resumeAt = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === "*") {
      star = p;
      resumeAt = v;
      p += 1;
    } else if (c !== undefined && (c === "?" || c === value[v])) {
      v += 1;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resumeAt += 1;
      v = resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}

export interface ClauseOutcome {
  clause: ClaimsClause;
  ok: boolean;
  /** The token's claim, as found (undefined when absent). */
  actual: unknown;
}

/** Each clause against the claims; a claim that is absent or not a string never matches. */
export function evaluateClauses(clauses: readonly ClaimsClause[], claims: Readonly<Record<string, unknown>>): ClauseOutcome[] {
  return clauses.map((clause) => {
    const actual = Object.hasOwn(claims, clause.claim) ? claims[clause.claim] : undefined;
    const ok = typeof actual === "string" && (clause.operator === "eq" ? actual === clause.comparand : matchesWildcard(actual, clause.comparand));
    return { clause, ok, actual };
  });
}

/**
 * Evaluates the expression over the token's claims as Entra would for a credential with that issuer
 * (the token's `iss`): refused with a code when it is not an expression Entra accepts for the issuer,
 * else whether every clause holds, and the first that does not.
 */
export function evaluateClaimsMatchingExpression(expression: string, claims: Readonly<Record<string, unknown>>): ClaimsExpressionResult {
  const issuer = Object.hasOwn(claims, "iss") && typeof claims.iss === "string" ? claims.iss : "";
  const parsed = parseClaimsMatchingExpression(expression, issuer);
  if (!parsed.ok) return parsed;
  const failed = evaluateClauses(parsed.clauses, claims).find((outcome) => !outcome.ok);
  return failed ? { ok: true, matches: false, failedClause: failed.clause.text } : { ok: true, matches: true };
}
