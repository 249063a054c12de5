/**
 * A federated identity credential as registered on an app (Microsoft Graph
 * federatedIdentityCredential: https://learn.microsoft.com/graph/api/resources/federatedidentitycredential):
 * the external token's issuer and subject must match `issuer` and `subject` exactly, and its `aud`
 * must hold one of `audiences` — "api://AzureADTokenExchange" for Microsoft Entra ID.
 *
 * A flexible credential (Graph beta, preview) holds a `claimsMatchingExpression` instead of a
 * subject — the two are exclusive — evaluated over the token's claims
 * (https://learn.microsoft.com/entra/workload-id/workload-identities-flexible-federated-identity-credentials).
 * Values are kept exactly as typed: Entra compares them as registered, spaces included.
 */
export interface FederatedCredential {
  issuer: string;
  subject: string;
  /** The one audience the page checks (Graph allows a list of one). */
  audience: string;
  /** "expression": a flexible credential, matched by `expression` instead of `subject`. */
  matchBy?: "subject" | "expression";
  /** The claimsMatchingExpression's value. */
  expression?: string;
}

/** The credential's text fields, as the page edits them. */
export type FederatedCredentialField = "issuer" | "subject" | "audience" | "expression";

/** True when the credential is matched by an expression (a flexible credential). */
export function isFlexibleCredential(credential: FederatedCredential): boolean {
  return credential.matchBy === "expression";
}

/** The audience Microsoft recommends for Entra ID (federatedIdentityCredential `audiences`). */
export const DEFAULT_FIC_AUDIENCE = "api://AzureADTokenExchange";

/** GitHub Actions' OIDC issuer (GitHub docs, "About security hardening with OpenID Connect"). */
export const GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
