import type { Page } from "@playwright/test";
import { openTroubleshooting } from "./journey";

/** GitHub Actions' OIDC issuer, the audience Entra's federated credentials expect, and a name-form subject. */
export const GITHUB = "https://token.actions.githubusercontent.com";
export const AUDIENCE = "api://AzureADTokenExchange";
export const NAME_FORM = "repo:contoso/payments-api:ref:refs/heads/main";

/** base64url of a string, or of an object's JSON. */
export const b64u = (value: unknown): string => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** A GitHub Actions OIDC token's claims, written out by hand (GitHub sends the IDs as strings). The page checks claims, not this signature. */
export function gitHubToken(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: GITHUB, sub: NAME_FORM, aud: AUDIENCE, repository_owner_id: "5544123", repository_id: "821093847", nbf: now - 60, iat: now - 60, exp: now + 600, ...claims };
  return `${b64u({ alg: "RS256", typ: "JWT", kid: "k1" })}.${b64u(payload)}.${b64u("signature")}`;
}

/** Opens the token request on the federated-token method. */
export async function openFederated(page: Page): Promise<void> {
  await page.goto("/");
  await openTroubleshooting(page);
  await page.getByTestId("auth-method").selectOption("federated");
}
