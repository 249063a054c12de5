import { buildClientSecretForm } from "@/core/client-secret/client-secret-form";
import { missingSecretBlocker } from "@/core/client-secret/missing-secret";
import { buildClientCredentialsForm } from "@/core/token-request/client-credentials-form";
import type { ClientCredentialsForm } from "@/entra/token-form";
import type { WorkbenchState } from "./create-workbench-store";
import type { SliceCreator } from "./slice-creator";

/** How the token request authenticates the app (the `auth-method` select). */
export type AuthMethodChoice = "certificate" | "secret" | "federated";

export const AUTH_METHOD_CHOICES: readonly { value: AuthMethodChoice; label: string }[] = [
  { value: "certificate", label: "Certificate (client assertion signed with the key)" },
  { value: "secret", label: "Client secret" },
  { value: "federated", label: "Federated token (workload identity)" },
];

/**
 * Which credential the token request uses, and the client secret. The secret lives only here, in
 * memory: workbench-store's persist keeps `settings` alone, so it never reaches localStorage, and
 * nothing puts it in the URL or a log.
 */
export interface ClientAuthSlice {
  authMethod: AuthMethodChoice;
  setAuthMethod: (method: AuthMethodChoice) => void;
  clientSecret: string;
  setClientSecret: (value: string) => void;
}

export const createClientAuthSlice: SliceCreator<ClientAuthSlice> = (set) => ({
  authMethod: "certificate",
  setAuthMethod: (authMethod) => set({ authMethod }),
  clientSecret: "",
  setClientSecret: (clientSecret) => set({ clientSecret }),
});

/** Why a secret or federated request cannot be sent yet; undefined when it can (and for the certificate). */
export function credentialBlocker(state: Pick<WorkbenchState, "authMethod" | "clientSecret" | "federatedToken">): string | undefined {
  // Only an empty value blocks: the other problems checkClientSecret names are warnings, and Send stays enabled.
  if (state.authMethod === "secret") return missingSecretBlocker(state.clientSecret);
  if (state.authMethod === "federated" && state.federatedToken.trim() === "") return "Paste the external token (the workload's OIDC token) first.";
  return undefined;
}

/** The form for the secret or federated method, or undefined for the certificate (which signs first). */
export function formForChosenCredential(state: Pick<WorkbenchState, "authMethod" | "clientSecret" | "federatedToken" | "settings">): ClientCredentialsForm | undefined {
  const { clientId, scope, version } = state.settings;
  if (state.authMethod === "secret") return buildClientSecretForm({ clientId, scope, clientSecret: state.clientSecret, version });
  // The external token is the client assertion, sent exactly as issued (whitespace around a paste removed).
  if (state.authMethod === "federated") return buildClientCredentialsForm({ clientId, scope, clientAssertion: state.federatedToken.trim().replace(/^bearer\s+/i, ""), version });
  return undefined;
}
