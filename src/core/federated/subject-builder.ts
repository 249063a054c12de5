/**
 * The `sub` an external issuer puts in its tokens, built from its parts, so the federated
 * credential's subject can be typed right the first time.
 *
 * GitHub Actions (Microsoft Entra "Configure an app to trust an external identity provider",
 * https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust, GitHub
 * Actions entity types; GitHub docs "OpenID Connect reference", subject claims):
 *   environment  repo:<org>/<repo>:environment:<name>
 *   branch       repo:<org>/<repo>:ref:refs/heads/<branch>
 *   tag          repo:<org>/<repo>:ref:refs/tags/<tag>
 *   pull request repo:<org>/<repo>:pull_request
 * GitHub's immutable (ID) form names the owner and repository by their numeric IDs as well
 * (Microsoft Entra "Migrate GitHub Actions federated credentials to immutable subjects",
 * https://learn.microsoft.com/entra/workload-id/workload-identities-github-immutable-subjects):
 *   repo:<org>@<owner_id>/<repo>@<repo_id>:ref:refs/heads/<branch>   (and likewise for every context)
 * GitHub sends it for repositories created, renamed or transferred since 15 July 2026 and for any
 * that opt in (the repository's or organisation's OIDC subject settings); others keep the name form.
 * Kubernetes service-account tokens (Azure Workload Identity, "Service account" / AKS workload
 * identity docs): system:serviceaccount:<namespace>:<name>.
 *
 * Entra compares subjects case-sensitively, so the parts are used exactly as typed (only trimmed).
 */
export type GitHubEntity = "branch" | "tag" | "environment" | "pull_request";

export interface GitHubSubjectParts {
  organization: string;
  repository: string;
  entity: GitHubEntity;
  /** The branch, tag or environment name; unused for pull_request. */
  value: string;
  /** GitHub's numeric owner ID (`gh api repos/OWNER/REPO --jq '.owner.id'`). */
  ownerId?: string;
  /** GitHub's numeric repository ID (`gh api repos/OWNER/REPO --jq '.id'`). */
  repositoryId?: string;
}

/** Where a user finds both IDs. */
export const GITHUB_ID_COMMAND = "gh api repos/OWNER/REPO --jq '.owner.id, .id'";

export type GitHubSubjectForm = "name" | "id";

/** The ID form when both IDs are given, else the name form. */
export function gitHubSubjectForm(parts: GitHubSubjectParts): GitHubSubjectForm {
  return (parts.ownerId ?? "").trim() !== "" && (parts.repositoryId ?? "").trim() !== "" ? "id" : "name";
}

/** Says which ID is not a number, or undefined. */
export function gitHubIdProblem(parts: GitHubSubjectParts): string | undefined {
  for (const [label, id] of [["owner ID", parts.ownerId], ["repository ID", parts.repositoryId]] as const) {
    const trimmed = (id ?? "").trim();
    if (trimmed !== "" && !/^[1-9][0-9]{0,19}$/.test(trimmed)) return `The ${label} is a number, digits only: find both with ${GITHUB_ID_COMMAND}.`;
  }
  return undefined;
}

/** The "repo:<org>/<repo>" part, with the IDs when both are given. */
export function gitHubRepositoryPart(parts: GitHubSubjectParts): string {
  const organization = parts.organization.trim();
  const repository = parts.repository.trim();
  return gitHubSubjectForm(parts) === "id" ? `repo:${organization}@${(parts.ownerId ?? "").trim()}/${repository}@${(parts.repositoryId ?? "").trim()}` : `repo:${organization}/${repository}`;
}

/** Says which part is missing, or undefined when the subject can be built. */
export function gitHubSubjectProblem(parts: GitHubSubjectParts): string | undefined {
  if (parts.organization.trim() === "") return "Enter the organisation (or user) that owns the repository.";
  if (parts.repository.trim() === "") return "Enter the repository name.";
  if (/[\s/:]/.test(parts.organization.trim()) || /[\s/:]/.test(parts.repository.trim())) return "Organisation and repository are single names without spaces, slashes or colons.";
  if (/@/.test(parts.organization) || /@/.test(parts.repository)) return "Enter the names without @: the owner and repository IDs have fields of their own.";
  if (parts.entity !== "pull_request" && parts.value.trim() === "") return `Enter the ${parts.entity === "branch" ? "branch" : parts.entity === "tag" ? "tag" : "environment"} name.`;
  return gitHubIdProblem(parts);
}

export function gitHubActionsSubject(parts: GitHubSubjectParts): string {
  const repo = gitHubRepositoryPart(parts);
  const value = parts.value.trim();
  switch (parts.entity) {
    case "branch":
      return `${repo}:ref:refs/heads/${value.replace(/^refs\/heads\//, "")}`;
    case "tag":
      return `${repo}:ref:refs/tags/${value.replace(/^refs\/tags\//, "")}`;
    case "environment":
      return `${repo}:environment:${value}`;
    case "pull_request":
      return `${repo}:pull_request`;
  }
}

export interface KubernetesSubjectParts {
  namespace: string;
  serviceAccount: string;
}

/** Says which part is missing or invalid (DNS-1123 names: lower case, digits, '-'), or undefined. */
export function kubernetesSubjectProblem(parts: KubernetesSubjectParts): string | undefined {
  const name = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
  if (parts.namespace.trim() === "") return "Enter the namespace.";
  if (parts.serviceAccount.trim() === "") return "Enter the service account's name.";
  if (!name.test(parts.namespace.trim()) || !name.test(parts.serviceAccount.trim())) return "Kubernetes names are lower case letters, digits, '-' and '.' (DNS-1123).";
  return undefined;
}

export function kubernetesSubject(parts: KubernetesSubjectParts): string {
  return `system:serviceaccount:${parts.namespace.trim()}:${parts.serviceAccount.trim()}`;
}
