import type { StateCreator } from "zustand";
import { buildClientAssertion, type ClientAssertion } from "@/core/assertion/client-assertion";
import { normalizeCustomAuthority, tokenEndpointFor, validateClientId, validateTenant } from "@/core/assertion/token-endpoint";
import { describeError } from "@/core/errors";
import type { AppSettings, AppSettingField } from "./settings-slice";
import type { WorkbenchState } from "./workbench-store";

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
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 3600) {
    errors.lifetimeSeconds = "Lifetime must be a whole number of seconds from 1 to 3600; 600 is what MSAL uses.";
  }
  return errors;
}

/** The token endpoint for the settings, or undefined while tenant/cloud are not valid. */
export function tokenEndpointFromSettings(settings: AppSettings): string | undefined {
  try {
    return tokenEndpointFor({ cloud: settings.cloud, tenant: settings.tenant, version: settings.version, customAuthority: settings.customAuthority });
  } catch {
    return undefined;
  }
}

export interface AssertionSlice {
  assertion?: ClientAssertion;
  assertionError?: string;
  /** Signs a fresh assertion (new jti and times) from the page's credential and settings. */
  signAssertion: () => Promise<ClientAssertion | undefined>;
}

export const createAssertionSlice: StateCreator<WorkbenchState, [], [], AssertionSlice> = (set, get) => ({
  assertion: undefined,
  assertionError: undefined,
  signAssertion: async () => {
    const { credential, settings } = get();
    if (!credential?.privateKey && !credential?.privateKeyPkcs8Der) {
      set({ assertion: undefined, assertionError: undefined, assertionInspection: undefined });
      return undefined;
    }
    const errors = validateAppSettings(settings);
    const tokenEndpoint = tokenEndpointFromSettings(settings);
    if (Object.keys(errors).length > 0 || !tokenEndpoint) {
      // The previous assertion is dropped: it no longer matches what the fields say.
      set({ assertion: undefined, assertionError: undefined, assertionInspection: undefined });
      return undefined;
    }
    try {
      const assertion = await buildClientAssertion({
        privateKey: credential.privateKey,
        privateKeyPkcs8Der: credential.privateKeyPkcs8Der,
        certificateDer: credential.certificateDer,
        clientId: settings.clientId.trim(),
        tokenEndpoint,
        form: settings.form,
        lifetimeSeconds: Number(settings.lifetimeSeconds),
        includeX5c: settings.includeX5c,
      });
      // Ignore a result that was overtaken by a change of credential meanwhile.
      if (get().credential !== credential) return undefined;
      set({ assertion, assertionError: undefined });
      await get().inspectAssertion(assertion.jwt);
      return assertion;
    } catch (error) {
      set({ assertionError: describeError(error) });
      return undefined;
    }
  },
});
