import { describe, expect, it } from "vitest";
import { shellArguments } from "../../../test-support/snippets";
import { evaluateClaimsMatchingExpression } from "./claims-matching-expression";
import { flexibleCredentialCommand, flexibleCredentialJson, gitHubExpression, gitHubExpressionProblem, gitLabExpression, terraformExpression } from "./flexible-credential";

// Expected expressions written out by hand in the form Microsoft's flexible-credential page prints.
const repo = { organization: "contoso", repository: "app", ownerId: "1234567", repositoryId: "7654321" };
// What GitHub puts in a token for a push to release/1.x (ID-form subject), written by hand.
const idToken = { iss: "https://token.actions.githubusercontent.com", sub: "repo:contoso@1234567/app@7654321:ref:refs/heads/release/1.x", repository_owner_id: "1234567", repository_id: "7654321" };

describe("GitHub expressions from the builder's fields", () => {
  it.each([
    ["branch", "main", "claims['sub'] matches 'repo:contoso@1234567/app@7654321:ref:refs/heads/*' and claims['repository_owner_id'] eq '1234567' and claims['repository_id'] eq '7654321'"],
    ["branch", "release/*", "claims['sub'] matches 'repo:contoso@1234567/app@7654321:ref:refs/heads/release/*' and claims['repository_owner_id'] eq '1234567' and claims['repository_id'] eq '7654321'"],
    ["tag", "v1.?", "claims['sub'] matches 'repo:contoso@1234567/app@7654321:ref:refs/tags/v1.?' and claims['repository_owner_id'] eq '1234567' and claims['repository_id'] eq '7654321'"],
    ["environment", "", "claims['sub'] matches 'repo:contoso@1234567/app@7654321:environment:*' and claims['repository_owner_id'] eq '1234567' and claims['repository_id'] eq '7654321'"],
    ["pull_request", "", "claims['sub'] eq 'repo:contoso@1234567/app@7654321:pull_request' and claims['repository_owner_id'] eq '1234567' and claims['repository_id'] eq '7654321'"],
  ] as const)("%s %s", (entity, value, expression) => {
    const parts = { ...repo, entity, value };
    expect(gitHubExpressionProblem(parts)).toBeUndefined();
    expect(gitHubExpression(parts)).toBe(expression);
  });
  it("the name form with the repository ID alone", () => {
    expect(gitHubExpression({ ...repo, ownerId: "", entity: "branch", value: "main" })).toBe("claims['sub'] matches 'repo:contoso/app:ref:refs/heads/*' and claims['repository_id'] eq '7654321'");
  });
  it("without any ID: Entra's rule is named, with where to find them", () => {
    expect(gitHubExpressionProblem({ ...repo, ownerId: "", repositoryId: "", entity: "branch", value: "main" })).toMatch(/repository ID or the owner ID.*gh api repos\/OWNER\/REPO/);
  });
  it("a quote in an environment name is doubled, and the expression still holds for the token", () => {
    const expression = gitHubExpression({ ...repo, entity: "environment", value: "o'brien-*" });
    expect(expression).toContain("environment:o''brien-*'");
    expect(evaluateClaimsMatchingExpression(expression, { ...idToken, sub: "repo:contoso@1234567/app@7654321:environment:o'brien-eu" })).toEqual({ ok: true, matches: true });
  });
  it("the release/* expression holds for a release branch and not for main", () => {
    const expression = gitHubExpression({ ...repo, entity: "branch", value: "release/*" });
    expect(evaluateClaimsMatchingExpression(expression, idToken)).toEqual({ ok: true, matches: true });
    expect(evaluateClaimsMatchingExpression(expression, { ...idToken, sub: "repo:contoso@1234567/app@7654321:ref:refs/heads/main" })).toMatchObject({ ok: true, matches: false });
  });
});

describe("GitLab and Terraform Cloud", () => {
  it("GitLab: any branch of the project, with its project_id", () => {
    const expression = gitLabExpression({ issuer: "https://gitlab.com", projectPath: "contoso/app", refType: "branch", ref: "main", projectId: "42" });
    expect(expression).toBe("claims['sub'] matches 'project_path:contoso/app:ref_type:branch:ref:*' and claims['project_id'] eq '42'");
    expect(evaluateClaimsMatchingExpression(expression, { iss: "https://gitlab.com", sub: "project_path:contoso/app:ref_type:branch:ref:feature/x", project_id: "42" })).toEqual({ ok: true, matches: true });
  });
  it("Terraform Cloud: both run phases of a workspace", () => {
    const expression = terraformExpression({ issuer: "https://app.terraform.io", organization: "contoso", project: "Default Project", workspace: "web", runPhase: "" });
    expect(expression).toBe("claims['sub'] matches 'organization:contoso:project:Default Project:workspace:web:run_phase:*'");
    expect(evaluateClaimsMatchingExpression(expression, { iss: "https://app.terraform.io", sub: "organization:contoso:project:Default Project:workspace:web:run_phase:plan" })).toEqual({ ok: true, matches: true });
  });
});

describe("the beta registration body and command", () => {
  const expression = "claims['sub'] matches 'repo:contoso/app:ref:refs/heads/*' and claims['repository_id'] eq '7654321'";
  it("name, issuer, audiences and claimsMatchingExpression {languageVersion: 1, value}; no subject; values as typed", () => {
    const body = JSON.parse(flexibleCredentialJson({ issuer: "https://token.actions.githubusercontent.com", audience: "api://AzureADTokenExchange", expression })) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["name", "issuer", "audiences", "claimsMatchingExpression"]);
    expect(body).not.toHaveProperty("subject");
    expect(body.claimsMatchingExpression).toEqual({ languageVersion: 1, value: expression });
    expect(body.audiences).toEqual(["api://AzureADTokenExchange"]);
    expect(body.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/);
    const spaced = JSON.parse(flexibleCredentialJson({ issuer: "https://token.actions.githubusercontent.com ", audience: "api://AzureADTokenExchange", expression })) as Record<string, unknown>;
    expect(spaced.issuer).toBe("https://token.actions.githubusercontent.com ");
  });
  it("az rest posts the file to the beta API (judged by sh)", () => {
    expect(shellArguments("az", flexibleCredentialCommand())).toEqual(["rest", "--method", "POST", "--uri", "https://graph.microsoft.com/beta/applications/<object-id>/federatedIdentityCredentials", "--body", "@credential.json"]);
  });
});
