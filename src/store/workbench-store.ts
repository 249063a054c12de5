import { create } from "zustand";
import { createCredentialSlice, type CredentialSlice } from "./credential-slice";
import { createGenerateSlice, type GenerateSlice } from "./generate-slice";

/** The whole page state: one store built from typed slices (zustand's slices pattern). */
export type WorkbenchState = CredentialSlice & GenerateSlice;

export const useWorkbenchStore = create<WorkbenchState>()((...args) => ({
  ...createCredentialSlice(...args),
  ...createGenerateSlice(...args),
}));
