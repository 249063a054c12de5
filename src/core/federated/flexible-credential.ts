/**
 * A flexible federated credential built from the subject builder's fields: one credential for many
 * branches, tags, environments or run phases, matched by a claimsMatchingExpression (preview;
 * Microsoft Entra "Flexible federated identity credentials",
 * https://learn.microsoft.com/entra/workload-id/workload-identities-flexible-federated-identity-credentials).
 *
 * - The `*` goes where the branch, tag, environment or run phase goes, unless the user typed a name
 *   with a pattern of its own (`release/*`, `v1.?`).
 * - GitHub expressions must also name an immutable claim: `repository_owner_id` and/or
 *   `repository_id` (eq), from the builder's ID fields. GitLab's must name `project_id`.
 * - Registered with the Graph beta API only (`az ad app federated-credential` cannot create one,
 *   Azure/azure-cli#32816): `az rest --method POST --uri https://graph.microsoft.com/beta/applications/<object-id>/federatedIdentityCredentials --body @credential.json`
 *   with name, issuer, audiences and claimsMatchingExpression {languageVersion: 1, value} — and no
 *   subject (the two are exclusive).
 * GitLab's subject (GitLab docs, "OpenID Connect (OIDC) Authentication Using ID Tokens"):
 *   project_path:<group>/<project>:ref_type:<branch|tag>:ref:<name>
 * Terraform Cloud's (HashiCorp docs, "Workload identity", token structure):
 *   organization:<org>:project:<project>:workspace:<workspace>:run_phase:<plan|apply>
 */
import { parseClaimsMatchingExpression, quoteComparand } from "./claims-matching-expression";
import { federatedCredentialName } from "./registration-files";
import { GITHUB_ID_COMMAND, gitHubIdProblem, gitHubRepositoryPart, gitHubSubjectProblem, type GitHubSubjectParts } from "./subject-builder";

/** True when a typed name already holds a wildcard. */
export function hasPattern(value: string): boolean {
  return /[*?]/.test(value);
}

const patternOr = (value: string) => (hasPattern(value.trim()) ? value.trim() : "*");

/** The sub pattern for every branch (tag, environment) of the repository, in the builder's subject form. */
export function gitHubSubPattern(parts: GitHubSubjectParts): string {
  const repo = gitHubRepositoryPart(parts);
  switch (parts.entity) {
    case "branch":
      return `${repo}:ref:refs/heads/${patternOr(parts.value.replace(/^\s*refs\/heads\//, ""))}`;
    case "tag":
      return `${repo}:ref:refs/tags/${patternOr(parts.value.replace(/^\s*refs\/tags\//, ""))}`;
    case "environment":
      return `${repo}:environment:${patternOr(parts.value)}`;
    case "pull_request":
      return `${repo}:pull_request`;
  }
}

/** Says what is missing for a GitHub expression, or undefined. */
export function gitHubExpressionProblem(parts: GitHubSubjectParts): string | undefined {
  const problem = gitHubSubjectProblem({ ...parts, value: parts.value.trim() === "" ? "*" : parts.value });
  if (problem) return problem;
  if ((parts.ownerId ?? "").trim() === "" && (parts.repositoryId ?? "").trim() === "") {
    return `Entra requires a GitHub expression to name the repository ID or the owner ID (they never change, unlike names): enter them, found with ${GITHUB_ID_COMMAND}.`;
  }
  return gitHubIdProblem(parts);
}

/** claims['sub'] matches '<pattern>' and the ID clauses. */
export function gitHubExpression(parts: GitHubSubjectParts): string {
  const pattern = gitHubSubPattern(parts);
  const clauses = [`claims['sub'] ${hasPattern(pattern) ? "matches" : "eq"} ${quoteComparand(pattern)}`];
  const ownerId = (parts.ownerId ?? "").trim();
  const repositoryId = (parts.repositoryId ?? "").trim();
  if (ownerId !== "") clauses.push(`claims['repository_owner_id'] eq ${quoteComparand(ownerId)}`);
  if (repositoryId !== "") clauses.push(`claims['repository_id'] eq ${quoteComparand(repositoryId)}`);
  return clauses.join(" and ");
}

export interface GitLabSubjectParts {
  /** The instance: https://gitlab.com or a self-managed https://gitlab.<name>.com / .ca. */
  issuer: string;
  /** group/project (subgroups included). */
  projectPath: string;
  refType: "branch" | "tag";
  ref: string;
  /** The project's numeric ID (Settings → General, or `glab api projects/<url-encoded path> | jq .id`). */
  projectId: string;
}

export function gitLabSubjectProblem(parts: GitLabSubjectParts, flexible: boolean): string | undefined {
  if (!/^https:\/\/gitlab\.(com|[^/\s?#]+\.(com|ca))$/.test(parts.issuer)) return "Entra evaluates GitLab expressions for https://gitlab.com and for self-managed instances at https://gitlab.<name>.com or https://gitlab.<name>.ca only.";
  if (!/^[^\s/:]+(\/[^\s/:]+)+$/.test(parts.projectPath.trim())) return "Enter the project's path, group/project (with any subgroups), without spaces or colons.";
  if (!flexible && parts.ref.trim() === "") return `Enter the ${parts.refType} name.`;
  if (flexible && !/^[1-9][0-9]{0,19}$/.test(parts.projectId.trim())) return "Entra requires a GitLab expression to name the project ID, a number: find it under the project's Settings → General.";
  return undefined;
}

export function gitLabSubject(parts: GitLabSubjectParts, flexible: boolean): string {
  const ref = flexible ? patternOr(parts.ref) : parts.ref.trim();
  return `project_path:${parts.projectPath.trim()}:ref_type:${parts.refType}:ref:${ref}`;
}

export function gitLabExpression(parts: GitLabSubjectParts): string {
  const pattern = gitLabSubject(parts, true);
  return `claims['sub'] ${hasPattern(pattern) ? "matches" : "eq"} ${quoteComparand(pattern)} and claims['project_id'] eq ${quoteComparand(parts.projectId.trim())}`;
}

export interface TerraformSubjectParts {
  issuer: "https://app.terraform.io" | "https://app.eu.terraform.io";
  organization: string;
  project: string;
  workspace: string;
  /** plan or apply; typed with a pattern (or empty) for a flexible credential. */
  runPhase: string;
}

export function terraformSubjectProblem(parts: TerraformSubjectParts, flexible: boolean): string | undefined {
  if (parts.organization.trim() === "" || parts.workspace.trim() === "") return "Enter the organisation and the workspace.";
  if (parts.project.trim() === "") return "Enter the project (\"Default Project\" unless the workspace is in another).";
  if ([parts.organization, parts.project, parts.workspace].some((part) => part.includes(":"))) return "Organisation, project and workspace names cannot hold a colon.";
  if (!flexible && parts.runPhase !== "plan" && parts.runPhase !== "apply") return "The run phase is plan or apply.";
  return undefined;
}

export function terraformSubject(parts: TerraformSubjectParts, flexible: boolean): string {
  const phase = flexible ? patternOr(parts.runPhase) : parts.runPhase;
  return `organization:${parts.organization.trim()}:project:${parts.project.trim()}:workspace:${parts.workspace.trim()}:run_phase:${phase}`;
}

export function terraformExpression(parts: TerraformSubjectParts): string {
  const pattern = terraformSubject(parts, true);
  return `claims['sub'] ${hasPattern(pattern) ? "matches" : "eq"} ${quoteComparand(pattern)}`;
}

/** The name for a flexible credential: from the sub clause's value, wildcards dropped. */
export function flexibleCredentialName(expression: string, issuer: string): string {
  const parsed = parseClaimsMatchingExpression(expression, issuer);
  const sub = parsed.ok ? parsed.clauses.find((clause) => clause.claim === "sub")?.comparand : undefined;
  return federatedCredentialName(`${(sub ?? "flexible").replace(/[*?]+/g, "any")}`);
}

/** The Graph beta body: name, issuer, audiences, claimsMatchingExpression — and no subject. Values as typed. */
export function flexibleCredentialJson(credential: { issuer: string; audience: string; expression: string }): string {
  const body = {
    name: flexibleCredentialName(credential.expression, credential.issuer),
    issuer: credential.issuer,
    audiences: [credential.audience],
    claimsMatchingExpression: { languageVersion: 1, value: credential.expression },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Registers credential.json through the Graph beta API (the object ID, not the client ID, names the app). */
export function flexibleCredentialCommand(): string {
  // Quoted: unquoted, the shell would read "<object-id>" as a redirection.
  return "az rest --method POST --uri 'https://graph.microsoft.com/beta/applications/<object-id>/federatedIdentityCredentials' --body @credential.json";
}

/** Finds the application's object ID from its client ID. */
export function objectIdCommand(clientId: string): string {
  const appId = clientId.trim() === "" ? "<application (client) id>" : clientId.trim();
  return `az ad app show --id '${appId.replace(/'/g, `'\\''`)}' --query id --output tsv`;
}
