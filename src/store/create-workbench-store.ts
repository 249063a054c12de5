import { createJSONStorage, persist } from "zustand/middleware";
import { createStore, type StoreApi } from "zustand/vanilla";
import { createAssertionSlice, type AssertionSlice } from "./assertion-slice";
import { createCredentialSlice, type CredentialSlice } from "./credential-slice";
import { createGenerateSlice, type GenerateSlice } from "./generate-slice";
import { createInspectSlice, type InspectSlice } from "./inspect-slice";
import { createImportSlice, type ImportSlice } from "./import-slice";
import { createKeyPoolScheduler, type KeyPool } from "./key-pool-scheduler";
import { createTokenSlice, type TokenSlice } from "./token-slice";
import { createClientAuthSlice, type ClientAuthSlice } from "./client-auth-slice";
import { createFederatedSlice, type FederatedSlice } from "./federated-slice";
import { createExternalSignSlice, type ExternalSignSlice } from "./external-sign-slice";
import { createRegisteredSlice, type RegisteredSlice } from "./registered-slice";
import { skipUnchangedSets } from "./skip-unchanged-sets";
import { skipUnchangedWrites } from "./skip-unchanged-writes";
import type { AppSettings } from "@/core/token-request/app-settings";
import { createSettingsSlice, initialAppSettings, type SettingsSlice } from "./settings-slice";
import type { SliceContext } from "./slice-creator";
import type { WorkbenchServices } from "./workbench-services";

/** The whole page state: one store built from typed slices (zustand's slices pattern). */
export type WorkbenchState = CredentialSlice & GenerateSlice & SettingsSlice & AssertionSlice & InspectSlice & TokenSlice & ImportSlice & ClientAuthSlice & FederatedSlice & ExternalSignSlice & RegisteredSlice;

export type WorkbenchStore = StoreApi<WorkbenchState>;

export const SETTINGS_STORAGE_KEY = "credential-workbench.settings";

export interface WorkbenchStoreOptions {
  /** The pool of keys made in advance; by default one that makes them with WebCrypto. */
  keyPool?: KeyPool;
}

/** One credential change after another; each check says whether its change is still the latest. */
function credentialChangeSequence(): () => () => boolean {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}

/**
 * Builds the page's store with the services of where it runs (workbench-services.ts). Everything one store keeps — the settings storage, the key made in
 * advance, the counters that let a later action win over a slower earlier one, the jobs under way —
 * lives in this call, so each store (the page's, each test's) starts fresh.
 */
export function createWorkbenchStore(services: WorkbenchServices, { keyPool }: WorkbenchStoreOptions = {}): WorkbenchStore {
  const context: SliceContext = {
    services,
    keyPool: createKeyPoolScheduler(services, keyPool),
    beginCredentialChange: credentialChangeSequence(),
  };
  return createStore<WorkbenchState>()(
    persist(
      (storeSet, get, store) => {
        const set = skipUnchangedSets(storeSet, get);
        return {
          ...createCredentialSlice(set, get, store, context),
          ...createGenerateSlice(set, get, store, context),
          ...createSettingsSlice(set, get, store, context),
          ...createAssertionSlice(set, get, store, context),
          ...createInspectSlice(set, get, store, context),
          ...createTokenSlice(set, get, store, context),
          ...createImportSlice(set, get, store, context),
          ...createClientAuthSlice(set, get, store, context),
          ...createFederatedSlice(set, get, store, context),
          ...createExternalSignSlice(set, get, store, context),
          ...createRegisteredSlice(set, get, store, context),
        };
      },
      {
        name: SETTINGS_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => skipUnchangedWrites(services.settingsStorage())),
        // Only what the user typed about the app registration is stored: never keys, files or tokens.
        partialize: (state): { settings: AppSettings } => ({ settings: state.settings }),
        merge: (persisted, current) => {
          const stored = (persisted as { settings?: Partial<AppSettings> } | undefined)?.settings ?? {};
          const settings: AppSettings = { ...initialAppSettings };
          for (const key of Object.keys(initialAppSettings) as (keyof AppSettings)[]) {
            // Keep a stored value only if it has the type of the default: a hand-edited entry cannot break the page.
            if (typeof stored[key] === typeof initialAppSettings[key]) Object.assign(settings, { [key]: stored[key] });
          }
          return { ...current, settings };
        },
      },
    ),
  );
}
