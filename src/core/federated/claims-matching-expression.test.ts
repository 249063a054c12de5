import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { evaluateClaimsMatchingExpression, flexibleIssuerKind, matchesWildcard, parseClaimsMatchingExpression, quoteComparand, readClaimsMatchingExpression } from "./claims-matching-expression";

// Claims as GitHub Actions puts them in an OIDC token (GitHub docs, "OpenID Connect reference":
// repository_id and repository_owner_id are strings), written out by hand.
const GITHUB = "https://token.actions.githubusercontent.com";
const github = {
  iss: GITHUB,
  sub: "repo:contoso/contoso-repo:ref:refs/heads/main",
  repository_id: "456789",
  repository_owner_id: "123456",
  job_workflow_ref: "foo-org/bar-repo/.github/workflows/deploy.yml@refs/heads/main",
  aud: "api://AzureADTokenExchange",
};
const gitlab = { iss: "https://gitlab.com", sub: "project_path:contoso/app:ref_type:branch:ref:main", project_id: "42" };
const terraform = { iss: "https://app.terraform.io", sub: "organization:contoso:project:Default:workspace:web:run_phase:plan" };

describe("evaluateClaimsMatchingExpression: the documented examples and their near misses", () => {
  // [expression, claims, expected matches, expected failed clause]
  it.each<[string, Record<string, unknown>, boolean, string | undefined]>([
    // Microsoft's own examples (workload-identities-flexible-federated-identity-credentials).
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '456789'", github, true, undefined],
    ["claims['sub'] eq 'repo:contoso/contoso-repo:ref:refs/heads/main' and claims['repository_id'] eq '456789'", github, true, undefined],
    ["claims['sub'] matches 'repo:contoso/contoso-repo-*:ref:refs/heads/????' and claims['repository_owner_id'] eq '123456'", { ...github, sub: "repo:contoso/contoso-repo-web:ref:refs/heads/main" }, true, undefined],
    ["claims['sub'] eq 'repo:contoso/contoso-repo:ref:refs/heads/main' and claims['repository_id'] eq '456789' and claims['job_workflow_ref'] matches 'foo-org/bar-repo/.github/workflows/*@refs/heads/main'", github, true, undefined],
    // `*` spans a run (slashes included), and the empty run.
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '456789'", { ...github, sub: "repo:contoso/contoso-repo:ref:refs/heads/release/1.x" }, true, undefined],
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/main*' and claims['repository_id'] eq '456789'", github, true, undefined],
    // Near misses: anchored at both ends, ? is exactly one, eq takes * literally, case counts.
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '456789'", { ...github, sub: "repo:contoso/contoso-repo:ref:refs/tags/v1" }, false, "claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/*'"],
    ["claims['sub'] matches 'contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] matches 'contoso-repo:ref:refs/heads/*'"],
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/ma' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/ma'"],
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/???' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/???'"],
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/?????' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/?????'"],
    ["claims['sub'] eq 'repo:contoso/contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] eq 'repo:contoso/contoso-repo:ref:refs/heads/*'"],
    ["claims['sub'] matches 'repo:Contoso/contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] matches 'repo:Contoso/contoso-repo:ref:refs/heads/*'"],
    ["claims['sub'] eq 'repo:contoso/contoso-repo:ref:refs/heads/main ' and claims['repository_id'] eq '456789'", github, false, "claims['sub'] eq 'repo:contoso/contoso-repo:ref:refs/heads/main '"],
    // Every clause must hold: the second one fails.
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/*' and claims['repository_id'] eq '4567890'", github, false, "claims['repository_id'] eq '4567890'"],
    // A claim the token lacks, or holds as a number, does not match (GitHub sends ids as strings).
    ["claims['sub'] matches 'repo:*' and claims['repository_owner_id'] eq '123456'", { ...github, repository_owner_id: undefined }, false, "claims['repository_owner_id'] eq '123456'"],
    ["claims['sub'] matches 'repo:*' and claims['repository_id'] eq '456789'", { ...github, repository_id: 456789 }, false, "claims['repository_id'] eq '456789'"],
    // Doubled quotes are one quote (environment names may hold one).
    ["claims['sub'] eq 'repo:contoso/contoso-repo:environment:o''brien' and claims['repository_id'] eq '456789'", { ...github, sub: "repo:contoso/contoso-repo:environment:o'brien" }, true, undefined],
    ["claims['sub'] eq 'repo:contoso/contoso-repo:environment:o''brien' and claims['repository_id'] eq '456789'", { ...github, sub: "repo:contoso/contoso-repo:environment:o''brien" }, false, "claims['sub'] eq 'repo:contoso/contoso-repo:environment:o''brien'"],
    // " and " inside a value is part of the value.
    ["claims['sub'] eq 'repo:a/b:environment:x and y' and claims['repository_id'] eq '456789'", { ...github, sub: "repo:a/b:environment:x and y" }, true, undefined],
    // GitLab and Terraform Cloud.
    ["claims['sub'] matches 'project_path:contoso/app:ref_type:branch:ref:*' and claims['project_id'] eq '42'", gitlab, true, undefined],
    ["claims['sub'] matches 'project_path:contoso/app:ref_type:tag:ref:*' and claims['project_id'] eq '42'", gitlab, false, "claims['sub'] matches 'project_path:contoso/app:ref_type:tag:ref:*'"],
    ["claims['sub'] matches 'organization:contoso:project:Default:workspace:web:run_phase:*'", terraform, true, undefined],
    ["claims['sub'] matches 'organization:contoso:project:Default:workspace:web:run_phase:apply'", terraform, false, "claims['sub'] matches 'organization:contoso:project:Default:workspace:web:run_phase:apply'"],
  ])("%s", (expression, claims, matches, failedClause) => {
    const result = evaluateClaimsMatchingExpression(expression, claims);
    expect(result).toEqual(failedClause === undefined ? { ok: true, matches } : { ok: true, matches, failedClause });
  });
});

describe("refused with a code and the fix", () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["", github, "ERR_FIC_EXPRESSION_EMPTY", /empty/],
    ["claims['sub']  matches 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /single space/],
    ["claims['sub']\tmatches 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /single space/],
    ["claims['sub'] matches  'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /one space/],
    [" claims['sub'] matches 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /white space/],
    ["claims['sub'] matches 'repo:*' and claims['repository_id'] eq '1' ", github, "ERR_FIC_EXPRESSION_SYNTAX", /white space/],
    ['claims["sub"] matches \'repo:*\'', github, "ERR_FIC_EXPRESSION_SYNTAX", /claims\['<claim>'\]/],
    ["claims.sub matches 'repo:*'", github, "ERR_FIC_EXPRESSION_SYNTAX", /claims\['<claim>'\]/],
    ["claims['sub'] matches \"repo:*\"", github, "ERR_FIC_EXPRESSION_SYNTAX", /single quotes/],
    ["claims['sub'] matches 'repo:*", github, "ERR_FIC_EXPRESSION_SYNTAX", /closing quote/],
    ["claims['sub'] matches 'it''s", github, "ERR_FIC_EXPRESSION_SYNTAX", /closing quote/],
    ["claims['sub'] matches 'repo:*' or claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /no or/],
    ["claims['sub'] matches 'repo:*' AND claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /lower case/],
    ["claims['sub'] matches 'repo:*' and  claims['repository_id'] eq '1'", github, "ERR_FIC_EXPRESSION_SYNTAX", /one space each side/],
    ["claims['sub'] matches 'repo:*' and", github, "ERR_FIC_EXPRESSION_SYNTAX", /and/],
    ["claims['sub'] matches 'repo:*' x", github, "ERR_FIC_EXPRESSION_SYNTAX", /" and "/],
    ["claims[''] eq 'x'", github, "ERR_FIC_EXPRESSION_SYNTAX", /names no claim/],
    ["claims['sub'] == 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_UNSUPPORTED_OPERATOR", /eq .* matches/],
    ["claims['sub'] Matches 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_UNSUPPORTED_OPERATOR", /lower case: matches/],
    ["claims['sub'] like 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_UNSUPPORTED_OPERATOR", /"like"/],
    // The issuer's rules: claims it allows, the operators each takes, the claims it requires.
    ["claims['sub'] matches 'repo:*' and claims['repository_id'] matches '45*'", github, "ERR_FIC_UNSUPPORTED_OPERATOR", /repository_id takes only eq/],
    ["claims['sub'] matches 'repo:*' and claims['ref'] eq 'refs/heads/main' and claims['repository_id'] eq '1'", github, "ERR_FIC_UNSUPPORTED_CLAIM", /"ref" is not one of them/],
    ["claims['Sub'] matches 'repo:*' and claims['repository_id'] eq '1'", github, "ERR_FIC_UNSUPPORTED_CLAIM", /"Sub"/],
    ["claims['sub'] matches 'repo:contoso/contoso-repo:ref:refs/heads/*'", github, "ERR_FIC_MISSING_CLAIM", /repository_id or repository_owner_id|repository_owner_id/],
    ["claims['repository_id'] eq '456789'", github, "ERR_FIC_MISSING_CLAIM", /must also name sub/],
    ["claims['sub'] matches 'project_path:contoso/app:*'", gitlab, "ERR_FIC_MISSING_CLAIM", /project_id/],
    ["claims['sub'] matches 'x*' and claims['repository_id'] eq '1'", terraform, "ERR_FIC_UNSUPPORTED_CLAIM", /only sub \(eq, matches\)/],
    // Issuers Entra does not evaluate expressions for, and near misses of the supported ones.
    ["claims['sub'] matches 'system:serviceaccount:*'", { iss: "https://oidc.prod-aks.azure.com/tenant/issuer/", sub: "system:serviceaccount:a:b" }, "ERR_FIC_UNSUPPORTED_ISSUER", /GitHub Actions, GitLab and Terraform Cloud/],
    ["claims['sub'] matches 'repo:*' and claims['repository_id'] eq '1'", { ...github, iss: `${GITHUB}/` }, "ERR_FIC_UNSUPPORTED_ISSUER", /none of them/],
    ["claims['sub'] matches 'repo:*' and claims['repository_id'] eq '1'", { ...github, iss: undefined }, "ERR_FIC_UNSUPPORTED_ISSUER", /none of them/],
  ])("%s", (expression, claims, code, message) => {
    const result = evaluateClaimsMatchingExpression(expression, claims);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});

describe("issuers Entra evaluates expressions for", () => {
  it.each([
    [GITHUB, "github"],
    ["https://gitlab.com", "gitlab"],
    ["https://gitlab.contoso.com", "gitlab"],
    ["https://gitlab.contoso.ca", "gitlab"],
    ["https://app.terraform.io", "terraform"],
    ["https://app.eu.terraform.io", "terraform"],
    [`${GITHUB}/`, undefined],
    [" https://token.actions.githubusercontent.com", undefined],
    ["https://gitlab.com/", undefined],
    ["https://gitlab.contoso.org", undefined],
    ["https://gitlab..com", undefined],
    ["https://gitlab.contoso.com/path", undefined],
    ["http://app.terraform.io", undefined],
    ["https://app.us.terraform.io", undefined],
  ])("%s → %s", (issuer, kind) => {
    expect(flexibleIssuerKind(issuer)).toBe(kind);
  });
  it("the same expression is refused for one issuer and accepted for another", () => {
    const expression = "claims['sub'] matches 'x*' and claims['project_id'] eq '1'";
    expect(parseClaimsMatchingExpression(expression, "https://gitlab.com").ok).toBe(true);
    expect(parseClaimsMatchingExpression(expression, GITHUB)).toMatchObject({ ok: false, code: "ERR_FIC_UNSUPPORTED_CLAIM" });
  });
});

describe("comparands", () => {
  it("quoteComparand doubles quotes, and reading gives the value back", () => {
    const value = "o'brien''s";
    const read = readClaimsMatchingExpression(`claims['sub'] eq ${quoteComparand(value)}`);
    expect(read).toMatchObject({ ok: true, clauses: [{ claim: "sub", operator: "eq", comparand: value }] });
  });
  it("a hostile value is quoted back bounded", () => {
    const result = evaluateClaimsMatchingExpression(`claims['sub'] eq 'x' and ${"y".repeat(1_000_000)}`, github);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message.length).toBeLessThan(400);
  });
});

/** An independent oracle: the wildcard pattern as an anchored regular expression (JavaScript's own engine). */
function regexOracle(value: string, pattern: string): boolean {
  const source = [...pattern].map((c) => (c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`).test(value);
}

describe("matchesWildcard", () => {
  it("agrees with a regular expression on every case of a small alphabet (fuzzed)", async () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "/", ":"), maxLength: 12 });
    const pattern = fc.string({ unit: fc.constantFrom("a", "b", "/", "*", "?"), maxLength: 8 });
    await fuzzAssert("claims-matches-wildcard", fc.property(text, pattern, (value, glob) => matchesWildcard(value, glob) === regexOracle(value, glob)), 400);
  });
  it("a hostile pattern against a long value stays fast (no exponential backtracking)", () => {
    const started = performance.now();
    expect(matchesWildcard("a".repeat(100_000), "*a*a*a*a*a*a*a*a*b")).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
