/**
 * What the user registers for a federated credential, and the workload side that matches it.
 *
 * - credential.json for `az ad app federated-credential create --id <appId> --parameters credential.json`
 *   (Azure CLI reference; body = Graph federatedIdentityCredential: name, issuer, subject, audiences,
 *   description — https://learn.microsoft.com/graph/api/resources/federatedidentitycredential). The
 *   name is 3–120 characters of letters, digits, '-' and '_', starting with a letter or digit
 *   (Workload identity federation "considerations": https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 * - GitHub Actions: the job needs `permissions: id-token: write` to get an OIDC token, and azure/login
 *   takes client-id, tenant-id and subscription-id, or allow-no-subscriptions: true
 *   (https://learn.microsoft.com/azure/developer/github/connect-from-azure-openid-connect).
 * - Kubernetes (Azure Workload Identity / AKS): the service account carries the annotation
 *   azure.workload.identity/client-id, and the pod the label azure.workload.identity/use: "true"
 *   (https://learn.microsoft.com/azure/aks/workload-identity-overview).
 * Values go into JSON and YAML as JSON strings, which YAML reads as double-quoted scalars.
 */
import { literal } from "../recipes/recipe";
import type { FederatedCredential } from "./federated-credential";
import type { GitHubSubjectParts, KubernetesSubjectParts } from "./subject-builder";


/** A credential name Entra accepts, derived from the subject ("repo:org/web:ref:refs/heads/main" → "repo-org-web-ref-refs-heads-main"). */
export function federatedCredentialName(subject: string): string {
  const name = subject.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^[-_]+|-+$/g, "").slice(0, 120);
  return name.length >= 3 ? name : `federated-${name}`.replace(/-$/, "");
}

/** The body as the user will register it: values exactly as typed (Entra compares them as registered, spaces included). */
export function federatedCredentialJson(credential: FederatedCredential, description?: string): string {
  const body = {
    name: federatedCredentialName(credential.subject),
    issuer: credential.issuer,
    subject: credential.subject,
    audiences: [credential.audience],
    description: description ?? `Workload identity federation for ${credential.subject}`,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The command that registers credential.json on the app. */
export function federatedCredentialCommand(clientId: string): string {
  const appId = clientId.trim() === "" ? "<application (client) id>" : clientId.trim();
  return `az ad app federated-credential create --id '${appId.replace(/'/g, `'\\''`)}' --parameters credential.json`;
}

function gitHubTrigger(parts: GitHubSubjectParts): string[] {
  const value = literal(parts.value.trim() === "" ? "main" : parts.value.trim());
  switch (parts.entity) {
    case "branch":
      return ["on:", "  push:", `    branches: [${value}]`];
    case "tag":
      return ["on:", "  push:", `    tags: [${value}]`];
    case "environment":
      return ["on:", "  push:", '    branches: ["main"]'];
    case "pull_request":
      return ["on:", "  pull_request:"];
  }
}

/** A workflow whose token has the subject the parts describe, logging in with azure/login. */
export function gitHubActionsWorkflow(options: { parts: GitHubSubjectParts; clientId: string; tenant: string; subscriptionId?: string }): string {
  const { parts } = options;
  const environment = parts.entity === "environment" ? [`    environment: ${literal(parts.value.trim())}`] : [];
  const subscription = options.subscriptionId?.trim()
    ? [`          subscription-id: ${literal(options.subscriptionId.trim())}`]
    : ["          allow-no-subscriptions: true"];
  return [
    "name: Azure login with OpenID Connect",
    ...gitHubTrigger(parts),
    "permissions:",
    "  id-token: write",
    "  contents: read",
    "jobs:",
    "  login:",
    "    runs-on: ubuntu-latest",
    ...environment,
    "    steps:",
    "      - uses: azure/login@v2",
    "        with:",
    `          client-id: ${literal(options.clientId.trim() || "<application (client) id>")}`,
    `          tenant-id: ${literal(options.tenant.trim() || "<tenant id>")}`,
    ...subscription,
    "      - run: az account show",
    "",
  ].join("\n");
}

/** The service account (annotated with the app's client ID) and a pod that uses it (labelled for the webhook). */
export function kubernetesManifest(options: { parts: KubernetesSubjectParts; clientId: string; tenant: string }): string {
  const namespace = literal(options.parts.namespace.trim());
  const name = literal(options.parts.serviceAccount.trim());
  return [
    "apiVersion: v1",
    "kind: ServiceAccount",
    "metadata:",
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    "  annotations:",
    `    azure.workload.identity/client-id: ${literal(options.clientId.trim() || "<application (client) id>")}`,
    ...(options.tenant.trim() ? [`    azure.workload.identity/tenant-id: ${literal(options.tenant.trim())}`] : []),
    "---",
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    `  name: ${literal(`${options.parts.serviceAccount.trim()}-example`)}`,
    `  namespace: ${namespace}`,
    "  labels:",
    '    azure.workload.identity/use: "true"',
    "spec:",
    `  serviceAccountName: ${name}`,
    "  containers:",
    '    - name: "app"',
    '      image: "mcr.microsoft.com/azure-cli:latest"',
    '      command: ["sleep", "infinity"]',
    "",
  ].join("\n");
}
