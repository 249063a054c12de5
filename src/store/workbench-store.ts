import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { createAssertionSlice, type AssertionSlice } from "./assertion-slice";
import { createCredentialSlice, type CredentialSlice } from "./credential-slice";
import { createGenerateSlice, type GenerateSlice } from "./generate-slice";
import { createInspectSlice, type InspectSlice } from "./inspect-slice";
import { createImportSlice, type ImportSlice } from "./import-slice";
import { createTokenSlice, type TokenSlice } from "./token-slice";
import { createClientAuthSlice, type ClientAuthSlice } from "./client-auth-slice";
import { createFederatedSlice, type FederatedSlice } from "./federated-slice";
import { createRegisteredSlice, type RegisteredSlice } from "./registered-slice";
import { skipUnchangedWrites } from "./skip-unchanged-writes";
import { createSettingsSlice, initialAppSettings, type AppSettings, type SettingsSlice } from "./settings-slice";

/** The whole page state: one store built from typed slices (zustand's slices pattern). */
export type WorkbenchState = CredentialSlice & GenerateSlice & SettingsSlice & AssertionSlice & InspectSlice & TokenSlice & ImportSlice & ClientAuthSlice & FederatedSlice & RegisteredSlice;

export const SETTINGS_STORAGE_KEY = "credential-workbench.settings";

export const useWorkbenchStore = create<WorkbenchState>()(
  persist(
    (...args) => ({
      ...createCredentialSlice(...args),
      ...createGenerateSlice(...args),
      ...createSettingsSlice(...args),
      ...createAssertionSlice(...args),
      ...createInspectSlice(...args),
      ...createTokenSlice(...args),
      ...createImportSlice(...args),
      ...createClientAuthSlice(...args),
      ...createFederatedSlice(...args),
      ...createRegisteredSlice(...args),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => skipUnchangedWrites(localStorage)),
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
