import { tokenEndpointFromSettings } from "@/core/token-request/app-settings";
import { buildClientCredentialsForm } from "@/core/token-request/client-credentials-form";
import { proxyErrorMessage } from "@/core/token-request/proxy-messages";
import { tokenRequestBlockers, type ProxyAvailability } from "@/core/token-request/request-blockers";
import type { JwtInspection } from "@/core/jwt/jwt-inspection";
import { isRecord, type TokenProxyEnvelope } from "@/entra/api-wire";
import { fetchWorkbenchConfig, postTokenRequest } from "./api-client";
import { credentialBlocker, formForChosenCredential } from "./client-auth-slice";
import type { WorkbenchState } from "./create-workbench-store";
import { selectHasKey } from "./credential-slice";
import { onCredentialChanged } from "./credential-changed";
import { selectSignedElsewhere } from "./external-sign-slice";
import { inspectJwtLazily } from "./inspect-jwt-lazily";
import type { SliceCreator } from "./slice-creator";

export interface TokenSlice {
  proxy: ProxyAvailability;
  tokenRequest: { running: boolean; response?: TokenProxyEnvelope; error?: string };
  /** The access token the token endpoint returned, decoded (shown in the Token panel). */
  accessTokenInspection?: JwtInspection;
  /** Asks our own server whether the proxy is there (it is not when the page is opened as a file). */
  checkProxy: () => Promise<void>;
  /** Re-signs a fresh assertion (or takes the client secret / federated token chosen), then posts the client-credentials request through the proxy. */
  sendTokenRequest: () => Promise<void>;
}

type TokenRequestInputs = Pick<WorkbenchState, "settings" | "proxy" | "authMethod" | "clientSecret" | "federatedToken" | "credential" | "externalSign">;

let lastBlocker: { inputs: TokenRequestInputs; blocker: string | undefined } | undefined;

/**
 * Why the token request cannot be sent now, in the words shown where it is refused; undefined when
 * it can. The Send button and `sendTokenRequest` both ask this, so they cannot disagree. Worked out
 * again only when one of its inputs changed (every change of the page runs a component's selector).
 */
export function selectTokenRequestBlocker(state: TokenRequestInputs): string | undefined {
  const { settings, proxy, authMethod, clientSecret, federatedToken, credential, externalSign } = state;
  const last = lastBlocker?.inputs;
  if (
    last?.settings === settings &&
    last.proxy === proxy &&
    last.authMethod === authMethod &&
    last.clientSecret === clientSecret &&
    last.federatedToken === federatedToken &&
    last.credential === credential &&
    last.externalSign === externalSign
  ) {
    return lastBlocker?.blocker;
  }
  const blockers = tokenRequestBlockers(settings, proxy);
  let blocker = blockers.settings ?? blockers.target ?? blockers.authority ?? credentialBlocker(state);
  if (!blocker && !tokenEndpointFromSettings(settings)) blocker = "Fill in tenant and client ID in the Assertion panel.";
  // The certificate method signs an assertion with the page's key, or sends the one a signature made where the key lives completed.
  if (!blocker && authMethod === "certificate" && !selectHasKey(state) && !selectSignedElsewhere(state)) {
    blocker = credential
      ? "Nothing to send yet: this certificate's key is not on the page. Sign the digest where the key lives and paste a valid signature (Client assertion, Sign elsewhere), or import the key."
      : "Generate or import a key first.";
  }
  if (!blocker && proxy.status !== "available") blocker = proxy.status === "unavailable" ? proxy.reason : "Looking for the proxy…";
  lastBlocker = { inputs: { settings, proxy, authMethod, clientSecret, federatedToken, credential, externalSign }, blocker };
  return blocker;
}

/** Whether Send does anything now: nothing blocks the request and none is under way. */
export const selectCanSendTokenRequest = (state: TokenRequestInputs & Pick<WorkbenchState, "tokenRequest">): boolean =>
  !state.tokenRequest.running && selectTokenRequestBlocker(state) === undefined;

export const createTokenSlice: SliceCreator<TokenSlice> = (set, get, store, { services }) => {
  // The response was for the removed credential's assertion.
  onCredentialChanged(store, ({ cause }) => {
    if (cause === "forgotten") set({ tokenRequest: { running: false }, accessTokenInspection: undefined });
  });

  return {
    proxy: { status: "checking" },
    tokenRequest: { running: false },
    accessTokenInspection: undefined,
    checkProxy: async () => {
      if (services.openedAsFile()) {
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
      const { settings, tokenRequest } = get();
      if (tokenRequest.running) return;
      const tokenEndpoint = tokenEndpointFromSettings(settings);
      const blocker = selectTokenRequestBlocker(get());
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
          const reason =
            get().assertionError ??
            (credential && !credential.key
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
          set({ accessTokenInspection: typeof accessToken === "string" ? await inspectJwtLazily(accessToken, {}) : undefined });
          return;
        }
        set({ tokenRequest: { ...get().tokenRequest, running: false, error: proxyErrorMessage(answer.httpStatus, answer.error) } });
      } catch {
        set({ tokenRequest: { ...get().tokenRequest, running: false, error: "The workbench's server does not answer: is npm start still running? The curl command below sends the same request." } });
      }
    },
  };
};
