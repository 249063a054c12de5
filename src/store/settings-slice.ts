import type { StateCreator } from "zustand";
import type { AssertionForm } from "@/core/assertion/client-assertion";
import type { Cloud, EndpointVersion } from "@/core/assertion/token-endpoint";
import { DEFAULT_LIBRARY, libraryById } from "@/core/libraries";
import { resourceFromScope } from "@/core/token-request";
import type { WorkbenchState } from "./workbench-store";

/**
 * What the user types about their app registration. These values, and only these, persist in
 * localStorage across reloads; no key material ever does.
 */
export interface AppSettings {
  tenant: string;
  clientId: string;
  cloud: Cloud;
  customAuthority: string;
  version: EndpointVersion;
  form: AssertionForm;
  lifetimeSeconds: string;
  includeX5c: boolean;
  scope: string;
  /** The library chosen in step 3 ("Which library?"): a LibraryId from src/core/libraries.ts. */
  library: string;
}

export type AppSettingField = keyof AppSettings;

export const initialAppSettings: AppSettings = {
  tenant: "",
  clientId: "",
  cloud: "public",
  customAuthority: "",
  version: "v2.0",
  form: "RS256-x5t",
  lifetimeSeconds: "600",
  includeX5c: false,
  scope: "https://graph.microsoft.com/.default",
  library: DEFAULT_LIBRARY,
};

export interface SettingsSlice {
  settings: AppSettings;
  setSetting: <K extends AppSettingField>(field: K, value: AppSettings[K]) => void;
  /** Switches the endpoint version and converts the scope field: v1 takes a resource, v2.0 its /.default scope. */
  setEndpointVersion: (version: AppSettings["version"]) => void;
  /** Chooses the library of step 3 and sets the assertion form to the one that library sends. */
  setLibrary: (library: string) => void;
}

export const createSettingsSlice: StateCreator<WorkbenchState, [], [], SettingsSlice> = (set) => ({
  settings: initialAppSettings,
  setSetting: (field, value) => set((state) => ({ settings: { ...state.settings, [field]: value } })),
  setLibrary: (library) =>
    set((state) => {
      const chosen = libraryById(library);
      return { settings: { ...state.settings, library: chosen.id, form: chosen.form ?? state.settings.form } };
    }),
  setEndpointVersion: (version) =>
    set((state) => {
      const scope = state.settings.scope.trim();
      const converted =
        version === "v1" ? resourceFromScope(scope) : scope === "" || scope.endsWith("/.default") || /\s/.test(scope) ? scope : `${scope.replace(/\/$/, "")}/.default`;
      return { settings: { ...state.settings, version, scope: converted } };
    }),
});
