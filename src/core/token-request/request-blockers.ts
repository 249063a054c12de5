import { describeSettingsProblem, firstSettingProblem, SETTING_CONTROLS, validateAppSettings, type AppSettings } from "./app-settings";
import { normalizeCustomAuthority } from "./token-endpoint";
import { customAuthorityRefusal, restartCommandForAuthority } from "./proxy-messages";
import { checkTargetField } from "./target-field";

/** Whether the page's own server runs the token proxy, and which extra authorities it forwards to. */
export type ProxyAvailability = { status: "checking" } | { status: "available"; extraAuthorities: string[] } | { status: "unavailable"; reason: string };

/** Why the token request cannot be sent yet, each in the words the panel shows where it belongs. */
export interface TokenRequestBlockers {
  /** A setting is empty or invalid (names which, and where its control is). */
  settings?: string;
  /** With `settings`: the data-testid of the control to fix, for a "Go to" button. */
  settingsControl?: string;
  /** The scope/resource field will be refused for this endpoint version. */
  target?: string;
  /** The proxy will refuse the custom authority (not in WORKBENCH_EXTRA_AUTHORITIES). */
  authority?: string;
  /** With `authority`: the command that restarts the workbench allowing it. */
  authorityRestartCommand?: string;
}

/** Everything that stops Send, known before anything is signed or sent. */
export function tokenRequestBlockers(settings: AppSettings, proxy: ProxyAvailability): TokenRequestBlockers {
  const blockers: TokenRequestBlockers = {};
  const problems = validateAppSettings(settings);
  const settingsProblem = describeSettingsProblem(problems, settings);
  const first = firstSettingProblem(problems);
  if (settingsProblem) blockers.settings = settingsProblem;
  if (settingsProblem && first) blockers.settingsControl = SETTING_CONTROLS[first];
  const targetError = checkTargetField(settings.scope, settings.version).error;
  if (targetError) blockers.target = targetError;
  if (settings.cloud === "custom" && proxy.status === "available") {
    try {
      const origin = normalizeCustomAuthority(settings.customAuthority);
      const refusal = customAuthorityRefusal(origin, proxy.extraAuthorities);
      if (refusal) {
        blockers.authority = refusal;
        blockers.authorityRestartCommand = restartCommandForAuthority(origin, proxy.extraAuthorities);
      }
    } catch {
      // An invalid authority is already a settings problem.
    }
  }
  return blockers;
}
