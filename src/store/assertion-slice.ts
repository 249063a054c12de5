import type { StateCreator } from "zustand";
import { buildClientAssertion, MAX_LIFETIME_SECONDS, type ClientAssertion } from "@/core/assertion/client-assertion";
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
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME_SECONDS) {
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

/** Counts signings: a result is kept only if no later signing started meanwhile. */
let signSequence = 0;

export const createAssertionSlice: StateCreator<WorkbenchState, [], [], AssertionSlice> = (set, get) => ({
  assertion: undefined,
  assertionError: undefined,
  signAssertion: async () => {
    const sequence = ++signSequence;
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
        // Generate signed this certificate with this key a moment ago: no need to check they match.
        keyMadeForCertificate: credential.origin === "generated",
      });
      // A later signing (a keystroke, a new key) owns the screen: drop this result.
      if (sequence !== signSequence) return undefined;
      set({ assertion, assertionError: undefined });
      await get().inspectAssertion(assertion.jwt);
      return assertion;
    } catch (error) {
      if (sequence === signSequence) set({ assertionError: describeError(error) });
      return undefined;
    }
  },
});
