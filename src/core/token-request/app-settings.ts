/**
 * What the user types about their app registration (tenant, client ID, cloud, endpoint, assertion
 * form and lifetime, scope), and the rules that say whether an assertion can be built from it.
 * The store holds the values; these functions judge them.
 */
import type { Cloud, EndpointVersion } from "../../entra/clouds";
import { MAX_LIFETIME_SECONDS, type AssertionForm } from "../assertion/assertion-types";
import { normalizeCustomAuthority, tokenEndpointFor, validateClientId, validateTenant } from "./token-endpoint";
import { describeError } from "../errors";

/**
 * What the user types about their app registration. These values, and only these, persist in
 * localStorage across reloads; no key material ever does.
 */
export interface AppSettings {
  tenant: string;
  clientId: string;
  cloud: Cloud;
  customAuthority: string;
  version: EndpointVersion;
  form: AssertionForm;
  lifetimeSeconds: string;
  includeX5c: boolean;
  scope: string;
  /** The library chosen in step 3 ("Which library?"): a LibraryId from src/core/recipes/library-catalogue.ts. */
  library: string;
}

export type AppSettingField = keyof AppSettings;
export type AppSettingErrors = Partial<Record<AppSettingField, string>>;

/** Field-by-field problems with what the user typed about their app; empty when an assertion can be built. */
export function validateAppSettings(settings: AppSettings): AppSettingErrors {
  const errors: AppSettingErrors = {};
  const tenantError = validateTenant(settings.tenant);
  if (tenantError) errors.tenant = tenantError;
  const clientIdError = validateClientId(settings.clientId);
  if (clientIdError) errors.clientId = clientIdError;
  if (settings.cloud === "custom") {
    try {
      normalizeCustomAuthority(settings.customAuthority);
    } catch (error) {
      errors.customAuthority = describeError(error);
    }
  }
  const lifetime = Number(settings.lifetimeSeconds);
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME_SECONDS) {
    errors.lifetimeSeconds = "Lifetime must be a whole number of seconds from 1 to 3600; 600 is what MSAL uses.";
  }
  return errors;
}

/** The token endpoint for the settings, or undefined while tenant/cloud are not valid. */
export function tokenEndpointFromSettings(settings: Pick<AppSettings, "cloud" | "tenant" | "version" | "customAuthority">): string | undefined {
  try {
    return tokenEndpointFor({ cloud: settings.cloud, tenant: settings.tenant, version: settings.version, customAuthority: settings.customAuthority });
  } catch {
    return undefined;
  }
}

/** Where the sentence is shown: another panel ("… in the Assertion panel") or under the fields it names ("… above"). */
export type SettingsPlace = "assertion-panel" | "above";

const SETTINGS_PLACES: Readonly<Record<SettingsPlace, string>> = {
  "assertion-panel": " in the Assertion panel",
  above: " above",
};

/** Which of the Assertion panel's settings are wrong (a subset of validateAppSettings' answer). */
export interface SettingsProblems {
  tenant?: string;
  clientId?: string;
  customAuthority?: string;
  lifetimeSeconds?: string;
}

/**
 * One sentence naming the setting to fix in the Assertion panel, or undefined when none is wrong.
 * Empty fields ask to be filled in; filled but invalid ones are named as not valid.
 */
export function describeSettingsProblem(problems: SettingsProblems, values: { tenant: string; clientId: string }, where: SettingsPlace = "assertion-panel"): string | undefined {
  const place = SETTINGS_PLACES[where];
  const tenantEmpty = values.tenant.trim() === "";
  const clientIdEmpty = values.clientId.trim() === "";
  if (problems.tenant && problems.clientId && tenantEmpty && clientIdEmpty) return `Fill in tenant and client ID${place}.`;
  if (problems.tenant) return tenantEmpty ? `Fill in the tenant${place}.` : `The tenant ID is not valid: fix it${place}.`;
  if (problems.clientId) return clientIdEmpty ? `Fill in the client ID${place}.` : `The client ID is not valid: fix it${place}.`;
  if (problems.customAuthority) return `The custom authority is not valid: fix it${place}.`;
  if (problems.lifetimeSeconds) return `The assertion lifetime is not valid: fix it${place}.`;
  return undefined;
}
