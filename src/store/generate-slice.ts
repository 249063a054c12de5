import { DEFAULT_VALIDITY_DAYS } from "@/core/certificate/options";
import type { CertifyGeneratedKeyOptions, GenerationStage } from "@/core/credential";
import { describeError } from "@/core/errors";
import { subjectAlternativeNamesFromForm, subjectFromForm, validateGenerateForm, type GenerateForm, type GenerateFormField } from "@/core/generate-form";
import { recordStep, timeStep } from "@/core/step-timing";
import type { RsaKeySize } from "@/core/keys";
import { beginCredentialChange } from "./credential-slice";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";
import { keySizeChanged, loadCredentialCore, prepareKeyWhenIdle, takeKey } from "./key-prefetch";

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

/** Resolves once the browser has painted what the last state change showed (or soon, in a hidden tab or in Node). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    const fallback = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === "function") {
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        done();
      });
    }
  });
}

export const createGenerateSlice: SliceCreator<GenerateSlice> = (set, get, store) => {
  // "Generated in n s" described the removed key.
  onCredentialChanged(store, ({ cause }) => {
    if (cause === "forgotten") set({ generation: { running: false } });
  });

  return {
    generateForm: initialGenerateForm,
    generation: { running: false },
    setGenerateField: (field, value) => {
      set((state) => ({ generateForm: { ...state.generateForm, [field]: value } }));
      if (field === "keySize") keySizeChanged(value as RsaKeySize);
    },
    generate: async () => {
      const { generateForm: form, generation } = get();
      if (generation.running) return;
      if (Object.keys(validateGenerateForm(form)).length > 0) return;
      const clickedAt = performance.now();
      const isCurrent = beginCredentialChange();
      // The key made while the page was idle, if any (issue 13); used once, and a new one follows.
      const { key, prepared } = takeKey(form.keySize);
      // Whether this click found its key ready, on its way or not started: `npm run bench` reads it.
      if (typeof performance.mark === "function") performance.mark(`cw:key-${prepared}`);
      set({ generation: { running: true, stage: prepared === "ready" ? "certificate" : "key", keySize: form.keySize, startedAt: Date.now() } });
      const options: CertifyGeneratedKeyOptions = {
        subject: subjectFromForm(form),
        validityDays: Number(form.validityDays),
        subjectAlternativeNames: subjectAlternativeNamesFromForm(form),
      };
      try {
        const [keys, core] = await Promise.all([timeStep("key-wait", () => key), loadCredentialCore()]);
        const credential = await core.certifyGeneratedKey(keys, options, (stage) => set((state) => ({ generation: { ...state.generation, stage } })));
        if (!isCurrent()) {
          // An import or removal happened meanwhile: what the user did last stays on the page.
          set({ generation: { running: false, error: "The new key was discarded because another key or certificate was loaded (or removed) while it was being generated. Press Generate again to replace it." } });
          return;
        }
        const seconds = (Date.now() - (get().generation.startedAt ?? Date.now())) / 1000;
        const filesStart = performance.now();
        const files = core.credentialFiles(credential);
        recordStep("files", filesStart);
        get().replaceCredential(credential, { keySaved: false, cause: "generated", files });
        set({ generation: { running: false, completed: { seconds, thumbprint: credential.certificateDetails.thumbprints.sha1Hex } } });
        recordStep("click-to-thumbprint-state", clickedAt);
        // The thumbprint is painted first; server.csr follows (issue 13: CSR after that paint).
        await afterPaint();
        const csrDer = await core.createGeneratedKeySigningRequest(keys, options);
        const withRequest = { ...credential, csrDer };
        get().attachSigningRequest(credential, withRequest, core.credentialFiles(withRequest));
      } catch (error) {
        // The previous credential stays on screen; only the message is new.
        set({ generation: { running: false, error: `Generation failed: ${describeError(error)}` } });
      } finally {
        prepareKeyWhenIdle();
      }
    },
  };
};
