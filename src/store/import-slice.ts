import type { Credential } from "@/core/credential/credential";
import { describeError } from "@/core/errors";
import type { ImportInput, ImportSuccess } from "@/core/formats/import-result";
import { subjectFromForm, validateGenerateForm } from "@/core/credential/generate-form";
import { runWork, WorkCancelled, type WorkJob } from "@/workers/run-work";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";

/** The parsers and X.509 code load with the first import: kept out of the first screen's JavaScript. */
const loadImportEntry = () => import("./lazy-import-entry");

export interface ImportSummary {
  /** What was loaded, in one sentence. */
  message: string;
  keyAlgorithm?: string;
  keyUsable?: boolean;
  keyReason?: string;
  warnings: string[];
}

export interface ImportSlice {
  importRunning: boolean;
  importError?: string;
  /** The field the error is about, so the panel can show it there ("password"). */
  importErrorField?: "password";
  importSummary?: ImportSummary;
  /** A usable key imported without its certificate, waiting for "make a certificate for it". */
  pendingKeyPkcs8Der?: Uint8Array;
  /** Makes a self-signed certificate for the pending key with the Generate panel's subject and validity. */
  certifyPendingKey: () => Promise<void>;
  /**
   * Reads files or pasted text (PEM, DER, PKCS#12) and puts the result on the page. On any
   * failure the page keeps what it had and the message says what to do.
   */
  importMaterial: (inputs: ImportInput[], password: string) => Promise<void>;
  /** Shows a problem found before the import could start (e.g. the browser could not read a file). */
  reportImportError: (message: string) => void;
  /** Stops a running import at once (its worker is terminated); the page keeps what it had. */
  cancelImport: () => void;
}

async function keyMatchesCertificate(pkcs8Der: Uint8Array, certificateDer: Uint8Array): Promise<boolean> {
  const { keyMatchesCertificate: keyBelongsToCertificate } = await loadImportEntry();
  return (await keyBelongsToCertificate(pkcs8Der, certificateDer)) === true;
}

/** Works out the page's next credential from an import and the current one. */
async function nextCredential(result: ImportSuccess, current: Credential | undefined): Promise<{ credential: Credential; message: string }> {
  const { credentialFromImport, importRsaPrivateKey, replaceCertificateIfKeyMatches } = await loadImportEntry();
  const [leaf] = result.certificates;
  if (leaf && !result.privateKeyPkcs8Der && current?.key) {
    // A certificate alone while the page holds a key: the CA-signed certificate from our CSR.
    const credential = await replaceCertificateIfKeyMatches(current, leaf.der);
    return { credential, message: "The certificate belongs to the key on this page: it replaces the previous certificate; the key is kept." };
  }
  if (!leaf && result.privateKeyPkcs8Der && current && (await keyMatchesCertificate(result.privateKeyPkcs8Der, current.certificateDer))) {
    // A key alone that belongs to the certificate on the page.
    if (!result.keyInfo?.usableForEntra) throw new Error(result.keyInfo?.reason ?? "This key cannot be used with Entra.");
    const privateKey = await importRsaPrivateKey(result.privateKeyPkcs8Der);
    return { credential: { ...current, key: { privateKey, pkcs8Der: result.privateKeyPkcs8Der } }, message: "The key belongs to the certificate on this page: both are now loaded." };
  }
  const credential = await credentialFromImport(result);
  const name = result.friendlyName ? ` (“${result.friendlyName}”)` : "";
  if (result.privateKeyPkcs8Der && !credential.key) {
    return { credential, message: `Loaded the certificate${name}. Its private key cannot be used with Entra: ${result.keyInfo?.reason ?? "it is not an RSA key of 2048 bits or more"}` };
  }
  const parts = credential.key ? "a private key and its certificate" : "a certificate";
  return { credential, message: `Loaded ${parts}${name}.` };
}

export const createImportSlice: SliceCreator<ImportSlice> = (set, get, store, { beginCredentialChange }) => {
  /** The import being read in the worker, so Cancel can stop it. */
  let runningImport: WorkJob<unknown> | undefined;

  onCredentialChanged(store, ({ cause }) => {
    // A key waiting for "make a certificate for it", and any import message, belonged to the page before.
    if (cause === "generated") set({ pendingKeyPkcs8Der: undefined, importError: undefined, importErrorField: undefined });
    if (cause === "forgotten") set({ importSummary: undefined, importError: undefined, importErrorField: undefined, pendingKeyPkcs8Der: undefined });
  });

  return {
    importRunning: false,
    importError: undefined,
    importSummary: undefined,
    reportImportError: (message) => set({ importError: message, importErrorField: undefined }),
    pendingKeyPkcs8Der: undefined,
    certifyPendingKey: async () => {
      const { pendingKeyPkcs8Der, generateForm } = get();
      if (!pendingKeyPkcs8Der || get().importRunning) return;
      const formErrors = validateGenerateForm(generateForm);
      if (Object.keys(formErrors).length > 0) {
        set({ importError: "Fix the subject or validity in the Generate panel first: the certificate takes them from there.", importErrorField: undefined });
        return;
      }
      const isCurrent = beginCredentialChange();
      set({ importRunning: true, importError: undefined });
      try {
        const { certifyExistingKey, credentialFiles } = await loadImportEntry();
        const credential = await certifyExistingKey({
          privateKeyPkcs8Der: pendingKeyPkcs8Der,
          subject: subjectFromForm(generateForm),
          validityDays: Number(generateForm.validityDays),
        });
        if (!isCurrent()) {
          set({ importRunning: false, importError: "Another key was loaded meanwhile; the certificate was not made." });
          return;
        }
        get().replaceCredential(credential, { keySaved: true, cause: "certified", files: credentialFiles(credential) });
        set({
          importRunning: false,
          pendingKeyPkcs8Der: undefined,
          importSummary: { message: "Made a self-signed certificate for your key (subject and validity from the Generate panel).", warnings: [] },
        });
      } catch (error) {
        set({ importRunning: false, importError: describeError(error) });
      }
    },
    importMaterial: async (inputs, password) => {
      if (get().importRunning) return;
      const isCurrent = beginCredentialChange();
      set({ importRunning: true, importError: undefined, importErrorField: undefined, pendingKeyPkcs8Der: undefined });
      try {
        // Read in a worker (PFX key derivations can take seconds): the page stays responsive and Cancel can stop it.
        const job = runWork({ kind: "import", inputs, password: password === "" ? undefined : password });
        runningImport = job;
        const result = await job.result.finally(() => {
          if (runningImport === job) runningImport = undefined;
        });
        if (!result.ok) {
          const aboutPassword = result.code === "ERR_WRONG_PASSWORD" || result.code === "ERR_PASSWORD_REQUIRED";
          set({ importRunning: false, importError: result.message, importErrorField: aboutPassword ? "password" : undefined });
          return;
        }
        const current = get().credential;
        if (
          result.certificates.length === 0 &&
          result.privateKeyPkcs8Der &&
          result.keyInfo?.usableForEntra &&
          !(current && (await keyMatchesCertificate(result.privateKeyPkcs8Der, current.certificateDer)))
        ) {
          // A key on its own (e.g. from `openssl genrsa`): offer to make its certificate.
          set({
            importRunning: false,
            pendingKeyPkcs8Der: result.privateKeyPkcs8Der,
            importError: `This is a private key without its certificate. Import the certificate issued for it, or make a self-signed certificate for it now (subject and validity from the Generate panel)${current ? "; that replaces the key and certificate now on the page" : ""}.`,
          });
          return;
        }
        const { credential, message } = await nextCredential(result, get().credential);
        const { credentialFiles, privateKeySignsForCertificate, verifySelfSignature } = await loadImportEntry();
        if ((await verifySelfSignature(credential.certificateDer)) === false) {
          set({
            importRunning: false,
            importError: "This self-signed certificate is damaged: its signature does not verify with its own key. Save it again from where it was made (or generate a new one).",
          });
          return;
        }
        if (credential.key && !(await privateKeySignsForCertificate(credential.key.privateKey, credential.certificateDer))) {
          set({
            importRunning: false,
            importError: "This private key is damaged: a signature made with it does not verify with the certificate's public key (Entra would answer AADSTS50013). Export the key again from where it was made.",
          });
          return;
        }
        // The core warns about a missing key or certificate per import; once the page has paired
        // the import with what it already held, those warnings no longer apply.
        const paired = [result.missingPartWarnings.no_certificate, credential.key ? result.missingPartWarnings.no_private_key : undefined];
        const warnings = result.warnings.filter((warning) => !paired.includes(warning));
        if (!isCurrent()) {
          set({ importRunning: false, importError: "This import was discarded because a new key was generated (or the page's key removed) while it was being read. Import it again to use it." });
          return;
        }
        const previous = get().credential;
        // A key that came from the user's own file is already saved; a kept page key keeps its state.
        const keySaved = credential.key?.pkcs8Der === previous?.key?.pkcs8Der ? get().keySaved : true;
        get().replaceCredential(credential, { keySaved, cause: "imported", files: credentialFiles(credential) });
        set({
          importRunning: false,
          importSummary: {
            message,
            keyAlgorithm: result.keyInfo ? `${result.keyInfo.algorithm}${result.keyInfo.rsaKeyBits ? ` ${String(result.keyInfo.rsaKeyBits)} bits` : ""}` : undefined,
            keyUsable: result.keyInfo?.usableForEntra,
            keyReason: result.keyInfo?.reason,
            warnings,
          },
        });
      } catch (error) {
        if (error instanceof WorkCancelled) return;
        // Anything unexpected still leaves the page as it was.
        set({ importRunning: false, importError: describeError(error) });
      }
    },
    cancelImport: () => {
      if (!runningImport) return;
      runningImport.cancel();
      runningImport = undefined;
      set({ importRunning: false, importError: "Import cancelled: nothing was loaded, and the page keeps what it had.", importErrorField: undefined });
    },
  };
};
