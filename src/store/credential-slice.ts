import type { Credential, CredentialFiles } from "@/core/credential/credential";
import { CREDENTIAL_FILES, fileNameAndType } from "@/core/credential/credential-files";
import { describeError } from "@/core/errors";
import type { Pkcs12Profile } from "@/core/formats/pkcs12-export";
import { encodePem } from "@/core/formats/pem";
import { announceCredentialChanged, type CredentialChangeCause } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";
import type { WorkbenchState } from "./create-workbench-store";

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
  /**
   * Puts a new credential on the page (from Generate or Import) with its files, and tells the other
   * slices (credential-changed.ts). `keySaved`: whether its key already exists as a file of the user's.
   */
  /**
   * `files` is `credentialFiles(credential)`, made by the caller, which has loaded the code that makes it with import():
   * this slice is on the first screen and must not bring @peculiar/x509 and ASN.1 with it.
   */
  replaceCredential: (credential: Credential, options: { keySaved: boolean; cause: Exclude<CredentialChangeCause, "forgotten">; files: CredentialFiles }) => void;
  /**
   * Puts `withRequest` (the same credential with server.csr) and all its files (server.csr, PKCS#1, key + certificate PEM) in place of what Generate just put on the page (made after the thumbprint is
   * painted). Nothing else changed, so no other slice is told; a credential replaced meanwhile is left alone.
   */
  attachSigningRequest: (credential: Credential, withRequest: Credential, files: CredentialFiles) => void;
  /** Drops the key and certificate from the page's memory (nothing of them was ever stored). */
  forgetCredential: () => void;
  /** Builds a password-protected file (PFX or encrypted PKCS#8) from the page's key and certificate. */
  buildProtectedExport: (kind: ProtectedExportKind, password: string, profile: Pkcs12Profile) => Promise<ProtectedExport | undefined>;
}

/** True while the page holds a private key (with the certificate it signs for). */
export const selectHasKey = (state: Pick<WorkbenchState, "credential">): boolean => state.credential?.key !== undefined;

/** True while the page holds a private key that exists nowhere else (not saved, not imported). */
export const selectHasUnsavedKey = (state: WorkbenchState): boolean => selectHasKey(state) && !state.keySaved;

export const createCredentialSlice: SliceCreator<CredentialSlice> = (set, get, store, { keyPool, beginCredentialChange }) => ({
  credential: undefined,
  files: undefined,
  exportError: undefined,
  keySaved: false,
  clearExportError: () => set({ exportError: undefined, exportErrorField: undefined }),
  markKeySaved: (savedKeyPkcs8Der) => {
    if (savedKeyPkcs8Der && get().credential?.key?.pkcs8Der === savedKeyPkcs8Der) set({ keySaved: true });
  },
  replaceCredential: (credential, { keySaved, cause, files }) => {
    set({ credential, files, keySaved });
    announceCredentialChanged(store, { cause });
  },
  attachSigningRequest: (credential, withRequest, files) => {
    if (get().credential !== credential) return;
    set({ credential: withRequest, files });
  },
  forgetCredential: () => {
    beginCredentialChange();
    // The key made in advance for the next Generate goes too.
    keyPool.drop();
    set({ credential: undefined, files: undefined, exportError: undefined, keySaved: false });
    // Every slice drops what it kept about the removed credential (credential-changed.ts).
    announceCredentialChanged(store, { cause: "forgotten" });
  },
  buildProtectedExport: async (kind, password, profile) => {
    const { credential } = get();
    const key = credential?.key;
    if (!credential || !key) {
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
        // PKCS#8 encryption and PKCS#12 load when a protected file is asked for: kept out of the first screen's JavaScript.
        const { encryptPrivateKeyPkcs8 } = await import("@/core/formats/encrypted-private-key");
        const der = await encryptPrivateKeyPkcs8(key.pkcs8Der, password);
        return { ...fileNameAndType(CREDENTIAL_FILES.encryptedPrivateKeyPem), contents: encodePem("ENCRYPTED PRIVATE KEY", der), keyPkcs8Der: key.pkcs8Der };
      }
      const { exportPkcs12 } = await import("@/core/formats/pkcs12-export");
      const pfx = await exportPkcs12({
        privateKeyPkcs8Der: key.pkcs8Der,
        certificateDer: credential.certificateDer,
        password,
        profile,
        // The name Windows shows for the PFX in its certificate store.
        friendlyName: credential.certificateDetails.commonName ?? credential.certificateDetails.subject,
      });
      return { ...fileNameAndType(CREDENTIAL_FILES.pfx), contents: pfx, keyPkcs8Der: key.pkcs8Der };
    } catch (error) {
      set({ exportError: `The file could not be made: ${describeError(error)}` });
      return undefined;
    }
  },
});
