import type { StateCreator } from "zustand";
import { normalizeCustomAuthority } from "@/core/assertion/token-endpoint";
import { buildClientCredentialsForm, checkTargetField, customAuthorityRefusal, describeSettingsProblem, proxyErrorMessage, restartCommandForAuthority } from "@/core/token-request";
import { tokenEndpointFromSettings, validateAppSettings } from "./assertion-slice";
import type { AppSettings } from "./settings-slice";
import type { TokenProxyEnvelope } from "@/entra/api-wire";
import { fetchWorkbenchConfig, postTokenRequest } from "./api-client";
import { credentialBlocker, formForChosenCredential } from "./client-auth-slice";
import type { WorkbenchState } from "./workbench-store";

/** What the proxy returns when the token endpoint answered (src/entra/api-wire.ts). */
export type TokenResponse = TokenProxyEnvelope;

export type ProxyAvailability = { status: "checking" } | { status: "available"; extraAuthorities: string[] } | { status: "unavailable"; reason: string };

export interface TokenSlice {
  proxy: ProxyAvailability;
  tokenRequest: { running: boolean; response?: TokenResponse; error?: string };
  /** Asks our own server whether the proxy is there (it is not when the page is opened as a file). */
  checkProxy: () => Promise<void>;
  /** Re-signs a fresh assertion (or takes the client secret / federated token chosen), then posts the client-credentials request through the proxy. */
  sendTokenRequest: () => Promise<void>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Why the token request cannot be sent yet, each in the words the panel shows where it belongs. */
export interface TokenRequestBlockers {
  /** A setting in the Assertion panel is empty or invalid (names which). */
  settings?: string;
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
  const settingsProblem = describeSettingsProblem(validateAppSettings(settings), settings);
  if (settingsProblem) blockers.settings = settingsProblem;
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

export const createTokenSlice: StateCreator<WorkbenchState, [], [], TokenSlice> = (set, get) => ({
  proxy: { status: "checking" },
  tokenRequest: { running: false },
  checkProxy: async () => {
    if (location.protocol === "file:") {
      set({ proxy: { status: "unavailable", reason: "This page was opened as a file, so there is no proxy: run the curl command below instead, or start the workbench with npm start." } });
      return;
    }
    try {
      const config = await fetchWorkbenchConfig();
      if (config) {
        set({ proxy: { status: "available", extraAuthorities: config.extraAuthorities } });
        return;
      }
      set({ proxy: { status: "unavailable", reason: "This page is not served by the workbench's server, so there is no proxy: run the curl command below instead, or start the workbench with npm start." } });
    } catch {
      set({ proxy: { status: "unavailable", reason: "The workbench's server does not answer, so there is no proxy: run the curl command below instead, or start it again with npm start." } });
    }
  },
  sendTokenRequest: async () => {
    const { settings, tokenRequest, proxy } = get();
    if (tokenRequest.running) return;
    const tokenEndpoint = tokenEndpointFromSettings(settings);
    const blockers = tokenRequestBlockers(settings, proxy);
    const blocker = blockers.settings ?? blockers.target ?? blockers.authority ?? credentialBlocker(get());
    if (!tokenEndpoint || blocker) {
      set({ tokenRequest: { ...tokenRequest, running: false, error: blocker ?? "Fill in tenant and client ID in the Assertion panel." } });
      return;
    }
    // Keep the previous response on screen until the new one arrives.
    set({ tokenRequest: { ...tokenRequest, running: true, error: undefined } });
    // A client secret or a federated token is sent as given; the certificate signs a fresh assertion.
    let form = formForChosenCredential(get());
    if (!form) {
      const assertion = await get().signAssertion();
      if (!assertion) {
        const reason = get().assertionError ?? (get().assertion ? "A setting changed while the assertion was being signed: check the fields and press Send again." : "No assertion could be signed: generate or import a key and fill in tenant and client ID.");
        set({ tokenRequest: { ...get().tokenRequest, running: false, error: reason } });
        return;
      }
      form = buildClientCredentialsForm({ clientId: settings.clientId, scope: settings.scope, clientAssertion: assertion.jwt, version: settings.version });
    }
    try {
      const answer = await postTokenRequest({ tokenEndpoint, form });
      if (answer.ok) {
        const result = answer.envelope;
        set({ tokenRequest: { running: false, response: result } });
        const accessToken = isObject(result.body) ? result.body.access_token : undefined;
        await get().inspectAccessToken(typeof accessToken === "string" ? accessToken : undefined);
        return;
      }
      set({ tokenRequest: { ...get().tokenRequest, running: false, error: proxyErrorMessage(answer.httpStatus, answer.error) } });
    } catch {
      set({ tokenRequest: { ...get().tokenRequest, running: false, error: "The workbench's server does not answer: is npm start still running? The curl command below sends the same request." } });
    }
  },
});
