import { tokenEndpointFromSettings } from "@/core/token-request/app-settings";
import { buildClientCredentialsForm } from "@/core/token-request/client-credentials-form";
import { proxyErrorMessage } from "@/core/token-request/proxy-messages";
import { tokenRequestBlockers, type ProxyAvailability } from "@/core/token-request/request-blockers";
import { isRecord, type TokenProxyEnvelope } from "@/entra/api-wire";
import { fetchWorkbenchConfig, postTokenRequest } from "./api-client";
import { credentialBlocker, formForChosenCredential } from "./client-auth-slice";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";

/** What the proxy returns when the token endpoint answered (src/entra/api-wire.ts). */
export type TokenResponse = TokenProxyEnvelope;

export interface TokenSlice {
  proxy: ProxyAvailability;
  tokenRequest: { running: boolean; response?: TokenResponse; error?: string };
  /** Asks our own server whether the proxy is there (it is not when the page is opened as a file). */
  checkProxy: () => Promise<void>;
  /** Re-signs a fresh assertion (or takes the client secret / federated token chosen), then posts the client-credentials request through the proxy. */
  sendTokenRequest: () => Promise<void>;
}

export const createTokenSlice: SliceCreator<TokenSlice> = (set, get, store) => {
  // The response was for the removed credential's assertion.
  onCredentialChanged(store, ({ cause }) => {
    if (cause === "forgotten") set({ tokenRequest: { running: false } });
  });

  return {
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
          const { credential } = get();
          const signedElsewhere = credential && !credential.privateKey && !credential.privateKeyPkcs8Der;
          const reason =
            get().assertionError ??
            (signedElsewhere
              ? "Nothing was sent: the page has no valid signature for this certificate yet. Sign the digest where the key lives and paste the signature back (Client assertion, Sign elsewhere)."
              : get().assertion
                ? "A setting changed while the assertion was being signed: check the fields and press Send again."
                : "No assertion could be signed: generate or import a key and fill in tenant and client ID.");
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
          const accessToken = isRecord(result.body) ? result.body.access_token : undefined;
          await get().inspectAccessToken(typeof accessToken === "string" ? accessToken : undefined);
          return;
        }
        set({ tokenRequest: { ...get().tokenRequest, running: false, error: proxyErrorMessage(answer.httpStatus, answer.error) } });
      } catch {
        set({ tokenRequest: { ...get().tokenRequest, running: false, error: "The workbench's server does not answer: is npm start still running? The curl command below sends the same request." } });
      }
    },
  };
};
