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
}

/** Says which part is missing, or undefined when the subject can be built. */
export function gitHubSubjectProblem(parts: GitHubSubjectParts): string | undefined {
  if (parts.organization.trim() === "") return "Enter the organisation (or user) that owns the repository.";
  if (parts.repository.trim() === "") return "Enter the repository name.";
  if (/[\s/:]/.test(parts.organization.trim()) || /[\s/:]/.test(parts.repository.trim())) return "Organisation and repository are single names without spaces, slashes or colons.";
  if (parts.entity !== "pull_request" && parts.value.trim() === "") return `Enter the ${parts.entity === "branch" ? "branch" : parts.entity === "tag" ? "tag" : "environment"} name.`;
  return undefined;
}

export function gitHubActionsSubject(parts: GitHubSubjectParts): string {
  const repo = `repo:${parts.organization.trim()}/${parts.repository.trim()}`;
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
