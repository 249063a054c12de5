import type { StateCreator } from "zustand";
import { buildClientCredentialsForm, validateScope } from "@/core/token-request";
import { tokenEndpointFromSettings } from "./assertion-slice";
import type { WorkbenchState } from "./workbench-store";

/** What the proxy returns when the token endpoint answered (server/forward-token-request.ts). */
export interface TokenResponse {
  status: number;
  body: unknown;
  durationMs: number;
}

export type ProxyAvailability = { status: "checking" } | { status: "available"; extraAuthorities: string[] } | { status: "unavailable"; reason: string };

export interface TokenSlice {
  proxy: ProxyAvailability;
  tokenRequest: { running: boolean; response?: TokenResponse; error?: string };
  /** Asks our own server whether the proxy is there (it is not when the page is opened as a file). */
  checkProxy: () => Promise<void>;
  /** Re-signs a fresh assertion, then posts the client-credentials request through the proxy. */
  sendTokenRequest: () => Promise<void>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
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
      const response = await fetch("/api/config", { headers: { Accept: "application/json" } });
      const config: unknown = response.ok ? await response.json() : undefined;
      if (isObject(config) && config.proxy === true) {
        const extra = Array.isArray(config.extraAuthorities) ? config.extraAuthorities.filter((item): item is string => typeof item === "string") : [];
        set({ proxy: { status: "available", extraAuthorities: extra } });
        return;
      }
      set({ proxy: { status: "unavailable", reason: "This page is not served by the workbench's server, so there is no proxy: run the curl command below instead, or start the workbench with npm start." } });
    } catch {
      set({ proxy: { status: "unavailable", reason: "The workbench's server does not answer, so there is no proxy: run the curl command below instead, or start it again with npm start." } });
    }
  },
  sendTokenRequest: async () => {
    const { settings, tokenRequest } = get();
    if (tokenRequest.running) return;
    const tokenEndpoint = tokenEndpointFromSettings(settings);
    const scopeError = validateScope(settings.scope);
    if (!tokenEndpoint || scopeError) {
      set({ tokenRequest: { running: false, error: scopeError ?? "Fill in tenant and client ID above first." } });
      return;
    }
    // Keep the previous response on screen until the new one arrives.
    set({ tokenRequest: { ...tokenRequest, running: true, error: undefined } });
    const assertion = await get().signAssertion();
    if (!assertion) {
      const reason = get().assertionError ?? (get().assertion ? "A setting changed while the assertion was being signed: check the fields and press Send again." : "No assertion could be signed: generate or import a key and fill in tenant and client ID.");
      set({ tokenRequest: { ...get().tokenRequest, running: false, error: reason } });
      return;
    }
    const form = buildClientCredentialsForm({ clientId: settings.clientId, scope: settings.scope, clientAssertion: assertion.jwt });
    try {
      const response = await fetch("/api/token", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ tokenEndpoint, form }),
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (response.ok && isObject(json) && typeof json.status === "number") {
        const result: TokenResponse = { status: json.status, body: json.body, durationMs: Number(json.durationMs) };
        set({ tokenRequest: { running: false, response: result } });
        const accessToken = isObject(result.body) ? result.body.access_token : undefined;
        await get().inspectAccessToken(typeof accessToken === "string" ? accessToken : undefined);
        return;
      }
      const message = isObject(json) && typeof json.message === "string" ? json.message : `The proxy answered HTTP ${String(response.status)}.`;
      set({ tokenRequest: { ...get().tokenRequest, running: false, error: `The proxy did not send the request: ${message}` } });
    } catch {
      set({ tokenRequest: { ...get().tokenRequest, running: false, error: "The workbench's server does not answer: is npm start still running? The curl command below sends the same request." } });
    }
  },
});
