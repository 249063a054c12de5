import { tokenEndpointFromSettings, validateAppSettings, type AppSettings } from "../token-request/app-settings";
import type { AssertionContentsOptions } from "./assertion-contents";

/** What the app's settings put in a client assertion: `iss` and `sub`, `aud`, the form, the lifetime, and whether `x5c` goes in. */
export type AssertionSettings = Required<Pick<AssertionContentsOptions, "clientId" | "tokenEndpoint" | "form" | "lifetimeSeconds" | "includeX5c">>;

/**
 * The assertion's settings, or undefined while a setting is missing or refused (no assertion can be made
 * from them). One reading for the page's own signing, signing elsewhere, and the check that a digest
 * made earlier still says what the settings say.
 */
export function assertionSettings(settings: AppSettings): AssertionSettings | undefined {
  const tokenEndpoint = tokenEndpointFromSettings(settings);
  if (!tokenEndpoint || Object.keys(validateAppSettings(settings)).length > 0) return undefined;
  return {
    clientId: settings.clientId.trim(),
    tokenEndpoint,
    form: settings.form,
    lifetimeSeconds: Number(settings.lifetimeSeconds),
    includeX5c: settings.includeX5c,
  };
}
