/**
 * A federated identity credential as registered on an app (Microsoft Graph
 * federatedIdentityCredential: https://learn.microsoft.com/graph/api/resources/federatedidentitycredential):
 * the external token's issuer and subject must match `issuer` and `subject` exactly, and its `aud`
 * must hold one of `audiences` — "api://AzureADTokenExchange" for Microsoft Entra ID.
 */
export interface FederatedCredential {
  issuer: string;
  subject: string;
  /** The one audience the page checks (Graph allows a list of one). */
  audience: string;
}

/** The audience Microsoft recommends for Entra ID (federatedIdentityCredential `audiences`). */
export const DEFAULT_FIC_AUDIENCE = "api://AzureADTokenExchange";

/** GitHub Actions' OIDC issuer (GitHub docs, "About security hardening with OpenID Connect"). */
export const GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
