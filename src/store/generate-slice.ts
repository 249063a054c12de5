import { DEFAULT_VALIDITY_DAYS } from "@/core/certificate/create";
import { generateCredential, type GenerationStage } from "@/core/credential";
import { describeError } from "@/core/errors";
import { subjectAlternativeNamesFromForm, subjectFromForm, validateGenerateForm, type GenerateForm, type GenerateFormField } from "@/core/generate-form";
import type { RsaKeySize } from "@/core/keys";
import { beginCredentialChange } from "./credential-slice";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";

// Moved to core (src/core/generate-form.ts); re-exported for imports written before the move.
export { subjectFromForm, validateGenerateForm, type GenerateForm, type GenerateFormErrors, type GenerateFormField } from "@/core/generate-form";

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

export const createGenerateSlice: SliceCreator<GenerateSlice> = (set, get, store) => {
  // "Generated in n s" described the removed key.
  onCredentialChanged(store, ({ cause }) => {
    if (cause === "forgotten") set({ generation: { running: false } });
  });

  return {
    generateForm: initialGenerateForm,
    generation: { running: false },
    setGenerateField: (field, value) => set((state) => ({ generateForm: { ...state.generateForm, [field]: value } })),
    generate: async () => {
      const { generateForm: form, generation } = get();
      if (generation.running) return;
      if (Object.keys(validateGenerateForm(form)).length > 0) return;
      const isCurrent = beginCredentialChange();
      set({ generation: { running: true, stage: "key", keySize: form.keySize, startedAt: Date.now() } });
      try {
        const credential = await generateCredential(
          {
            keySize: form.keySize,
            subject: subjectFromForm(form),
            validityDays: Number(form.validityDays),
            subjectAlternativeNames: subjectAlternativeNamesFromForm(form),
          },
          (stage) => set((state) => ({ generation: { ...state.generation, stage } })),
        );
        if (!isCurrent()) {
          // An import or removal happened meanwhile: what the user did last stays on the page.
          set({ generation: { running: false, error: "The new key was discarded because another key or certificate was loaded (or removed) while it was being generated. Press Generate again to replace it." } });
          return;
        }
        const seconds = (Date.now() - (get().generation.startedAt ?? Date.now())) / 1000;
        get().replaceCredential(credential, { keySaved: false, cause: "generated" });
        set({ generation: { running: false, completed: { seconds, thumbprint: credential.certificateDetails.thumbprints.sha1Hex } } });
      } catch (error) {
        // The previous credential stays on screen; only the message is new.
        set({ generation: { running: false, error: `Generation failed: ${describeError(error)}` } });
      }
    },
  };
};
