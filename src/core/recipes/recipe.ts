/**
 * What every recipe shares: the inputs, the Recipe shape and its groups, and the values derived once from
 * the inputs (placeholders, authority, the /.default scope, the cloud's wording). Pure string building:
 * every value that goes into code is escaped for that language, so a tenant or subject cannot break it.
 */
import type { AssertionForm } from "../assertion/assertion-types";
import type { Cloud, EndpointVersion } from "../../entra/clouds";
import type { CertificateDetails } from "../certificate/describe";
import { toDefaultScope } from "../token-request/default-scope";
import { graphDefaultScopeFor } from "../token-request/graph-resources";

export interface RecipeInputs {
  certificate: Pick<CertificateDetails, "subject" | "notBefore" | "notAfter" | "thumbprints">;
  certificateDer: Uint8Array;
  tenant: string;
  clientId: string;
  /** The authority origin, e.g. https://login.microsoftonline.com. */
  authorityOrigin: string;
  tokenEndpoint: string;
  scope: string;
  /** keyId for the keyCredentials entry (a GUID); fixed by the caller so the snippet is stable. */
  keyId: string;
  /** The cloud chosen in the settings: Azure Identity's authority host and `az cloud set` follow it. */
  cloud: Cloud;
  /** "Include the certificate (x5c)": the recipes then send the certificate chain. */
  includeX5c: boolean;
  /** The assertion form chosen in the settings: MSAL Node's thumbprint property follows it. */
  form: AssertionForm;
  /** The token endpoint version: v1 takes `resource`, v2.0 `scope`. Defaults to v2.0. */
  version?: EndpointVersion;
}

/** Which part of the panel a recipe belongs to. */
export type RecipeGroup = "code" | "upload" | "check";

export interface Recipe {
  id: string;
  group: RecipeGroup;
  title: string;
  language: "python" | "javascript" | "csharp" | "shell" | "json";
  description: string;
  code: string;
}

export const RECIPE_GROUPS: readonly { id: RecipeGroup; title: string; description: string }[] = [
  { id: "code", title: "Use it in code", description: "MSAL for Python, Node and .NET, and Azure Identity." },
  { id: "upload", title: "Upload it and sign in", description: "The Azure CLI and the keyCredentials entry for Microsoft Graph or the manifest." },
  { id: "check", title: "Check it", description: "The token request with curl, and OpenSSL checks of the downloaded files." },
];

/** A string literal valid in Python, JavaScript, C# and JSON alike (JSON escaping is a subset of all four). */
export const literal = (value: string): string => JSON.stringify(value);

/** The user's value, trimmed, or a placeholder such as `<tenant id>` while the field is empty. */
export const placeholder = (value: string, fallback: string): string => (value.trim() === "" ? fallback : value.trim());

/** How the recipes name each assertion form. */
export const FORM_NAMES: Readonly<Record<AssertionForm, string>> = {
  "RS256-x5t": "RS256 with an x5t (SHA-1) header",
  "PS256-x5t#S256": "PS256 with an x5t#S256 (SHA-256) header",
};

const SNI_NOTE =
  "It also sends the certificate (x5c): needed when the app trusts certificates by subject name and issuer (SNI), not when this certificate is uploaded to the app.";

/** Azure Identity's AzureAuthorityHosts members, Python and JavaScript spellings. */
const AUTHORITY_HOST_CONSTANTS: Readonly<Record<"usgov" | "china", { python: string; javascript: string }>> = {
  usgov: { python: "AZURE_GOVERNMENT", javascript: "AzureGovernment" },
  china: { python: "AZURE_CHINA", javascript: "AzureChina" },
};

function cloudSentence(cloud: Cloud): string {
  if (cloud === "usgov") return " For Azure US Government.";
  if (cloud === "china") return " For Azure China (21Vianet).";
  if (cloud === "custom") return " For the custom authority host.";
  return "";
}

/** The inputs with the values every recipe derives from them, worked out once. */
export interface RecipeContext {
  inputs: RecipeInputs;
  /** The tenant, or a placeholder while the field is empty. */
  tenant: string;
  /** The client ID, or a placeholder while the field is empty. */
  clientId: string;
  /** The authority URL MSAL takes: origin and tenant. */
  authority: string;
  /** The /.default scope MSAL and Azure Identity ask for. */
  scope: string;
  /** A custom authority host (not one of the Microsoft clouds). */
  custom: boolean;
  /** The authority host without https://, for a custom authority; "" otherwise. */
  authorityHost: string;
  /** Azure Identity's AzureAuthorityHosts member for a sovereign cloud. */
  sovereign?: { python: string; javascript: string };
  /** " For Azure US Government." and the like: a sentence to append to a description. */
  inCloud: string;
  /** The SNI note to append to a description when the recipes send x5c; "" otherwise. */
  sni: string;
}

export function recipeContext(inputs: RecipeInputs): RecipeContext {
  const tenant = placeholder(inputs.tenant, "<tenant id>");
  const { cloud } = inputs;
  // MSAL and Azure Identity always use the v2.0 endpoint: they need the resource's /.default scope,
  // even when the field holds a bare resource for the v1 endpoint.
  const typedScope = inputs.scope.trim();
  const scope = typedScope === "" ? (graphDefaultScopeFor(cloud) ?? "https://graph.microsoft.com/.default") : toDefaultScope(typedScope);
  const custom = cloud === "custom";
  return {
    inputs,
    tenant,
    clientId: placeholder(inputs.clientId, "<application (client) id>"),
    authority: `${inputs.authorityOrigin}/${tenant}`,
    scope,
    custom,
    authorityHost: custom ? inputs.authorityOrigin.replace(/^https:\/\//i, "") : "",
    sovereign: cloud === "usgov" || cloud === "china" ? AUTHORITY_HOST_CONSTANTS[cloud] : undefined,
    inCloud: cloudSentence(cloud),
    sni: inputs.includeX5c ? ` ${SNI_NOTE}` : "",
  };
}
