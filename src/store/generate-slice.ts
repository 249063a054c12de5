import { DEFAULT_VALIDITY_DAYS } from "@/core/certificate/options";
import type { CertifyGeneratedKeyOptions, GenerationStage } from "@/core/credential/generate-credential";
import { describeError } from "@/core/errors";
import { subjectAlternativeNamesFromForm, subjectFromForm, validateGenerateForm, type GenerateForm, type GenerateFormField } from "@/core/credential/generate-form";
import { recordStep, timeStep } from "@/core/step-timing";
import type { RsaKeySize } from "@/core/keys/rsa-keys";
import type { Credential } from "@/core/credential/credential";
import { onCredentialChanged } from "./credential-changed";
import { loadedGenerateEntry, loadGenerateEntry } from "./load-generate-entry";
import type { SliceCreator } from "./slice-creator";

export interface GenerationStatus {
  running: boolean;
  stage?: GenerationStage;
  keySize?: RsaKeySize;
  startedAt?: number;
  error?: string;
  /** The last generation that finished: how long it took, for the "done" line. */
  completed?: { seconds: number; thumbprint: string };
}

export interface GenerateSlice {
  generateForm: GenerateForm;
  generation: GenerationStatus;
  setGenerateField: <K extends GenerateFormField>(field: K, value: GenerateForm[K]) => void;
  /** Generates key, certificate and CSR; the previous credential stays until the new one is ready. */
  generate: () => Promise<void>;
  /**
   * Starts making a key in advance whenever the page is idle, so a click on Generate only has to sign
   * (key-pool-scheduler.ts). The page's entry calls it once; returns a function that stops it.
   */
  prepareKeysInAdvance: () => () => void;
}

export const initialGenerateForm: GenerateForm = {
  commonName: "credential-workbench",
  organization: "",
  organizationalUnit: "",
  locality: "",
  state: "",
  country: "",
  email: "",
  validityDays: String(DEFAULT_VALIDITY_DAYS),
  keySize: 2048,
  dnsNames: "",
  uris: "",
};

/**
 * With a key made in advance the whole path takes a few milliseconds, and a progress line shown for
 * that long only flickers and costs a render on the way to the thumbprint: progress is
 * shown when the click has to wait for its key, or once the work takes longer than this.
 */
export const PROGRESS_DELAY_MS = 150;

export const createGenerateSlice: SliceCreator<GenerateSlice> = (set, get, store, { services, keyPool, beginCredentialChange }) => {
  // Whether a generation is under way, shown or not yet: a second click meanwhile is ignored.
  let inFlight = false;
  // "Generated in n s" described the removed key.
  onCredentialChanged(store, ({ cause }) => {
    if (cause === "forgotten") set({ generation: { running: false } });
  });

  return {
    generateForm: initialGenerateForm,
    generation: { running: false },
    setGenerateField: (field, value) => {
      // A country code is two capitals (X.520 countryName, ISO 3166): stored so, however it was typed.
      const stored = field === "country" && typeof value === "string" ? value.toUpperCase() : value;
      set((state) => ({ generateForm: { ...state.generateForm, [field]: stored } }));
      if (field === "keySize") keyPool.sizeChanged(value as RsaKeySize);
    },
    prepareKeysInAdvance: () => keyPool.start(() => get().generateForm.keySize),
    generate: async () => {
      const { generateForm: form } = get();
      if (inFlight) return;
      if (Object.keys(validateGenerateForm(form)).length > 0) return;
      inFlight = true;
      const clickedAt = performance.now();
      const startedAt = Date.now();
      const isCurrent = beginCredentialChange();
      // The key made while the page was idle, if any; used once, and a new one follows.
      const { key, prepared, readyKey } = keyPool.take(form.keySize);
      // Whether this click found its key ready, on its way or not started: `npm run bench` reads it.
      if (typeof performance.mark === "function") performance.mark(`cw:key-${prepared}`);
      let stage: GenerationStage = prepared === "ready" ? "certificate" : "key";
      let progressShown = false;
      // Once the thumbprint is shown, the generation is over for the progress line (the CSR follows unseen).
      let certified = false;
      const showProgress = () => {
        progressShown = true;
        set({ generation: { running: true, stage, keySize: form.keySize, startedAt } });
      };
      const progressTimer = prepared === "ready" ? setTimeout(showProgress, PROGRESS_DELAY_MS) : undefined;
      if (prepared !== "ready") showProgress();
      const formOptions: CertifyGeneratedKeyOptions = {
        subject: subjectFromForm(form),
        validityDays: Number(form.validityDays),
        subjectAlternativeNames: subjectAlternativeNamesFromForm(form),
      };
      let shown: Credential | undefined;
      try {
        const loadedEntry = loadedGenerateEntry();
        // With the key made and the module loaded, nothing to wait for: no turn of the event loop is spent.
        const [keys, entry] = readyKey && loadedEntry ? [readyKey, loadedEntry] : await Promise.all([timeStep("key-wait", () => key), loadGenerateEntry()]);
        await entry.generateCredential(
          { keys, ...formOptions },
          {
            onStage: (next) => {
              stage = next;
              if (progressShown && !certified) set((state) => ({ generation: { ...state.generation, stage: next } }));
            },
            certified: (credential, files) => {
              certified = true;
              clearTimeout(progressTimer);
              if (!isCurrent()) {
                // An import or removal happened meanwhile: what the user did last stays on the page.
                set({ generation: { running: false, error: "The new key was discarded because another key or certificate was loaded (or removed) while it was being generated. Press Generate again to replace it." } });
                return false;
              }
              const seconds = (Date.now() - startedAt) / 1000;
              get().replaceCredential(credential, { keySaved: false, cause: "generated", files });
              set({ generation: { running: false, completed: { seconds, thumbprint: credential.certificateDetails.thumbprints.sha1Hex } } });
              recordStep("click-to-thumbprint-state", clickedAt);
              shown = credential;
              return true;
            },
            // The thumbprint is painted first; server.csr and the other formats follow.
            shown: services.afterPaint,
            signingRequestMade: (withRequest, files) => {
              if (shown) get().attachSigningRequest(shown, withRequest, files);
            },
          },
        );
      } catch (error) {
        clearTimeout(progressTimer);
        // The previous credential stays on screen; only the message is new.
        set({ generation: { running: false, error: `Generation failed: ${describeError(error)}` } });
      } finally {
        inFlight = false;
        keyPool.settled();
      }
    },
  };
};
