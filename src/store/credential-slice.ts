import type { StateCreator } from "zustand";
import type { Credential, CredentialFiles } from "@/core/credential";
import type { WorkbenchState } from "./workbench-store";

/** The credential on the page (generated or imported) and the files it can be saved as. */
export interface CredentialSlice {
  credential?: Credential;
  files?: CredentialFiles;
}

export const createCredentialSlice: StateCreator<WorkbenchState, [], [], CredentialSlice> = () => ({
  credential: undefined,
  files: undefined,
});
