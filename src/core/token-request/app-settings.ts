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

/**
 * Where each setting's control is: tenant, client ID and the custom authority are entered once in step 3
 * (Use it in code); the lifetime is an assertion detail, in the Assertion panel. A sentence names the
 * place that holds the control, never another one.
 */
export const SETTING_PLACES: Readonly<Record<keyof SettingsProblems, string>> = {
  tenant: " in step 3 (Use it in code)",
  clientId: " in step 3 (Use it in code)",
  customAuthority: " in step 3 (Use it in code)",
  lifetimeSeconds: " in the Assertion panel",
};

/** The page's control for each setting (its data-testid), for a "Go to" button beside the sentence. */
export const SETTING_CONTROLS: Readonly<Record<keyof SettingsProblems, string>> = {
  tenant: "tenant-input",
  clientId: "client-id-input",
  customAuthority: "custom-authority-input",
  lifetimeSeconds: "lifetime-input",
};

/** The first setting to fix, in the order the sentence names them; undefined when none is wrong. */
export function firstSettingProblem(problems: SettingsProblems): keyof SettingsProblems | undefined {
  return (["tenant", "clientId", "customAuthority", "lifetimeSeconds"] as const).find((field) => problems[field] !== undefined);
}

/** Which of the Assertion panel's settings are wrong (a subset of validateAppSettings' answer). */
export interface SettingsProblems {
  tenant?: string;
  clientId?: string;
  customAuthority?: string;
  lifetimeSeconds?: string;
}

/**
 * One sentence naming the setting to fix and where its control is (SETTING_PLACES), or undefined when
 * none is wrong. Empty fields ask to be filled in; filled but invalid ones are named as not valid.
 */
export function describeSettingsProblem(problems: SettingsProblems, values: { tenant: string; clientId: string }): string | undefined {
  const first = firstSettingProblem(problems);
  const place = first ? SETTING_PLACES[first] : "";
  const tenantEmpty = values.tenant.trim() === "";
  const clientIdEmpty = values.clientId.trim() === "";
  if (problems.tenant && problems.clientId && tenantEmpty && clientIdEmpty) return `Fill in tenant and client ID${place}.`;
  if (problems.tenant) return tenantEmpty ? `Fill in the tenant${place}.` : `The tenant ID is not valid: fix it${place}.`;
  if (problems.clientId) return clientIdEmpty ? `Fill in the client ID${place}.` : `The client ID is not valid: fix it${place}.`;
  if (problems.customAuthority) return `The custom authority is not valid: fix it${place}.`;
  if (problems.lifetimeSeconds) return `The assertion lifetime is not valid: fix it${place}.`;
  return undefined;
}
