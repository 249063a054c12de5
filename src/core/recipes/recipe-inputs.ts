import type { AssertionForm } from "../assertion/assertion-types";
import { normalizeCustomAuthority } from "../token-request/token-endpoint";
import { CLOUD_AUTHORITY_HOSTS, type Cloud, type EndpointVersion } from "../../entra/clouds";
import type { Credential } from "../credential/credential";
import { tokenEndpointFromSettings } from "../token-request/app-settings";
import { keyIdFromThumbprint } from "./key-credentials";
import type { RecipeInputs } from "./recipe";

const CUSTOM_AUTHORITY_PLACEHOLDER = "https://<your authority host>";

/** The app-registration values the recipes need (a structural subset of the page's settings). */
export interface RecipeSettings {
  tenant: string;
  clientId: string;
  cloud: Cloud;
  customAuthority: string;
  version: EndpointVersion;
  scope: string;
  includeX5c: boolean;
  form: AssertionForm;
}

/** The authority origin of the chosen cloud, even while the tenant field is still empty or invalid. */
export function authorityOriginFor(settings: Pick<RecipeSettings, "cloud" | "customAuthority">): string {
  if (settings.cloud !== "custom") return `https://${CLOUD_AUTHORITY_HOSTS[settings.cloud]}`;
  try {
    return normalizeCustomAuthority(settings.customAuthority);
  } catch {
    return CUSTOM_AUTHORITY_PLACEHOLDER;
  }
}

/**
 * Everything the recipes are filled with, from the credential's certificate and the page's settings: the one
 * derivation step 3's snippet and the recipes panel share. The token endpoint is the settings' one when they
 * name a valid one; otherwise a placeholder with the tenant left to fill in.
 */
export function recipeInputsFromSettings(credential: Pick<Credential, "certificateDetails" | "certificateDer">, settings: RecipeSettings): RecipeInputs {
  const authorityOrigin = authorityOriginFor(settings);
  const tokenPath = settings.version === "v1" ? "oauth2/token" : "oauth2/v2.0/token";
  return {
    certificate: credential.certificateDetails,
    certificateDer: credential.certificateDer,
    tenant: settings.tenant,
    clientId: settings.clientId,
    authorityOrigin,
    tokenEndpoint: tokenEndpointFromSettings(settings) ?? `${authorityOrigin}/<tenant id>/${tokenPath}`,
    scope: settings.scope,
    keyId: keyIdFromThumbprint(credential.certificateDetails.thumbprints.sha1Hex),
    cloud: settings.cloud,
    version: settings.version,
    includeX5c: settings.includeX5c,
    form: settings.form,
  };
}
