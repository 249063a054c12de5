import type { StateCreator } from "zustand";
import type { Credential, CredentialFiles } from "@/core/credential";
import { describeError } from "@/core/errors";
import type { Pkcs12Profile } from "@/core/formats/pkcs12";
import { encodePem } from "@/core/pem";
import { dropPreparedKey } from "./key-prefetch";
import type { WorkbenchState } from "./workbench-store";

export type ProtectedExportKind = "pfx" | "encrypted-key";

export interface ProtectedExport {
  fileName: string;
  contents: Uint8Array | string;
  mimeType: string;
  /** The key the file holds, to mark exactly that key as saved. */
  keyPkcs8Der: Uint8Array;
}

/** The credential on the page (generated or imported) and the files it can be saved as. */
export interface CredentialSlice {
  credential?: Credential;
  files?: CredentialFiles;
  exportError?: string;
  /** The field the export error is about, so the panel shows it there. */
  exportErrorField?: "password";
  /** True once the private key left the page as a file the user saved (PEM, PFX, encrypted key). */
  keySaved: boolean;
  /** Notes that this key (its PKCS#8 bytes) was saved as a file; ignored if the page's key changed since. */
  markKeySaved: (savedKeyPkcs8Der: Uint8Array | undefined) => void;
  clearExportError: () => void;
  /** Drops the key and certificate from the page's memory (nothing of them was ever stored). */
  forgetCredential: () => void;
  /** Builds a password-protected file (PFX or encrypted PKCS#8) from the page's key and certificate. */
  buildProtectedExport: (kind: ProtectedExportKind, password: string, profile: Pkcs12Profile) => Promise<ProtectedExport | undefined>;
}

/** True while the page holds a private key that exists nowhere else (not saved, not imported). */
export const selectHasUnsavedKey = (state: WorkbenchState): boolean => Boolean(state.credential?.privateKeyPkcs8Der) && !state.keySaved;

let credentialChange = 0;

/**
 * Starts a change of the page's credential (generate, import, remove). The returned check tells
 * whether it is still the latest one, so a slow generation cannot overwrite a later import.
 */
export function beginCredentialChange(): () => boolean {
  const mine = ++credentialChange;
  return () => mine === credentialChange;
}


export const createCredentialSlice: StateCreator<WorkbenchState, [], [], CredentialSlice> = (set, get) => ({
  credential: undefined,
  files: undefined,
  exportError: undefined,
  keySaved: false,
  clearExportError: () => set({ exportError: undefined, exportErrorField: undefined }),
  markKeySaved: (savedKeyPkcs8Der) => {
    if (savedKeyPkcs8Der && get().credential?.privateKeyPkcs8Der === savedKeyPkcs8Der) set({ keySaved: true });
  },
  forgetCredential: () => {
    beginCredentialChange();
    // The key made in advance for the next Generate goes too (issue 13).
    dropPreparedKey();
    set({
      credential: undefined,
      files: undefined,
      exportError: undefined,
      assertion: undefined,
      assertionError: undefined,
      assertionInspection: undefined,
      accessTokenInspection: undefined,
      importSummary: undefined,
      importError: undefined,
      importErrorField: undefined,
      pendingKeyPkcs8Der: undefined,
      tokenRequest: { running: false },
      generation: { running: false },
      keySaved: false,
    });
    // What the Inspect panel says was checked against the removed certificate is checked again without it.
    void get().setInspectText(get().inspectText);
  },
  buildProtectedExport: async (kind, password, profile) => {
    const { credential } = get();
    if (!credential?.privateKeyPkcs8Der) {
      set({ exportError: "There is no private key on the page to protect: generate or import one first." });
      return undefined;
    }
    if (password === "") {
      set({ exportError: "Type a password to protect the file with (you will need it to open the file).", exportErrorField: "password" });
      return undefined;
    }
    try {
      set({ exportError: undefined, exportErrorField: undefined });
      if (kind === "encrypted-key") {
        // PKCS#8 encryption and PKCS#12 load when a protected file is asked for, not with the page (issue 13).
        const { encryptPrivateKeyPkcs8 } = await import("@/core/formats/encrypted-private-key");
        const der = await encryptPrivateKeyPkcs8(credential.privateKeyPkcs8Der, password);
        return { fileName: "server-encrypted.pem", contents: encodePem("ENCRYPTED PRIVATE KEY", der), mimeType: "application/x-pem-file", keyPkcs8Der: credential.privateKeyPkcs8Der };
      }
      const { exportPkcs12 } = await import("@/core/formats/pkcs12");
      const pfx = await exportPkcs12({
        privateKeyPkcs8Der: credential.privateKeyPkcs8Der,
        certificateDer: credential.certificateDer,
        password,
        profile,
        // The name Windows shows for the PFX in its certificate store.
        friendlyName: credential.certificateDetails.commonName ?? credential.certificateDetails.subject,
      });
      return { fileName: "server.pfx", contents: pfx, mimeType: "application/x-pkcs12", keyPkcs8Der: credential.privateKeyPkcs8Der };
    } catch (error) {
      set({ exportError: `The file could not be made: ${describeError(error)}` });
      return undefined;
    }
  },
});
