import type { AppSettingField, AppSettings } from "@/core/token-request/app-settings";
import { resourceFromScope, toDefaultScope } from "@/core/token-request/default-scope";
import { DEFAULT_LIBRARY, libraryById } from "@/core/recipes/library-catalogue";
import type { SliceCreator } from "./slice-creator";


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

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
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
      // An empty field or a list stays as typed: the field's own check says what to do with it.
      const converted = version === "v1" ? resourceFromScope(scope) : scope === "" || /\s/.test(scope) ? scope : toDefaultScope(scope);
      return { settings: { ...state.settings, version, scope: converted } };
    }),
});
