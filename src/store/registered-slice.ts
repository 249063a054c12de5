import type { CertificateLifetimeLimit } from "@/core/registered/judge-policy";
import type { TextPosition } from "@/core/registered/read-error";
import type { RegisteredCertificate, RegisteredRead } from "@/core/registered/registered-credential";
import type { GenerateForm } from "@/core/credential/generate-form";
import { describeError } from "@/core/errors";
import { onCredentialChanged } from "./credential-changed";
import { runWork, WorkCancelled, type WorkJob } from "@/workers/run-work";
import type { RegisteredReadOutcome } from "@/core/registered/read-registered-outcome";
import type { SliceCreator } from "./slice-creator";
import type { WorkbenchState } from "./create-workbench-store";

export interface RegisteredReadProblem {
  code: string;
  message: string;
  position?: TextPosition;
}

/** A rotation under way or done: the registered certificate it replaces and the successor made on the page. */
export interface RegisteredRotation {
  status: "making" | "ready" | "failed";
  oldKeyId: string;
  oldThumbprint?: string;
  oldDisplayName?: string;
  /** What the successor copied from the old certificate, in words ("subject, key size and validity from the certificate"). */
  copied: string;
  notes: string[];
  newThumbprint?: string;
  newNotAfter?: string;
  newCertificateDer?: Uint8Array;
  /** True when the page held the old certificate's key when the rotation began: it can sign addKey's proof. */
  holdsOldKey: boolean;
  proofJwt?: string;
  proofError?: string;
  error?: string;
}

/**
 * What the app registration holds, read from what the user pasted (az, Graph, the manifest). The
 * pasted text itself is not kept here (the text box holds it): what is read is kept in memory only —
 * never persisted, put in the URL, logged or sent (workbench-store persists `settings` alone).
 */
export interface RegisteredSlice {
  registeredReading: boolean;
  registeredRead?: RegisteredRead;
  registeredError?: RegisteredReadProblem;
  /** The strictest certificate lifetime a pasted policy allows (counted from when it was read), for the Generate form. */
  registeredLifetimeLimit?: CertificateLifetimeLimit;
  /** The application's object ID as typed; the pasted application's `id` is used when this is empty. */
  registeredObjectId: string;
  /** Reads a paste in the worker (a multi-MB paste must not hold the page); a later paste wins over an earlier one. */
  readRegistered: (text: string) => Promise<void>;
  setRegisteredObjectId: (value: string) => void;
  registeredRotation?: RegisteredRotation;
  /**
   * Makes the successor of a registered certificate through Generate (same subject, key size and validity
   * length). The panel asks first when the page's key is unsaved, as Generate does.
   */
  rotateCertificate: (keyId: string) => Promise<void>;
  /** Signs a fresh addKey proof with the old key (it lasts 10 minutes); needs the app's object ID. */
  signRotationProof: () => Promise<void>;
}

/**
 * Up to this size a paste is read on the page: an app's own output (a few KB, or tens with certificates)
 * reads in a few milliseconds there, with no worker to start. Larger pastes (thousands of credentials) go to
 * the worker, so the page keeps answering while they are read.
 */
export const READ_IN_PLACE_CHARS = 256 * 1024;

export const createRegisteredSlice: SliceCreator<RegisteredSlice> = (set, get, store) => {
  let job: WorkJob<RegisteredReadOutcome> | undefined;
  let sequence = 0;
  // The key of the certificate being replaced, kept (in memory only) to sign addKey's proof after the page moved on to the successor.
  let oldKey: { privateKeyPkcs8Der: Uint8Array; certificateDer: Uint8Array } | undefined;
  onCredentialChanged(store, ({ cause }) => {
    // The rotation's own successor (made while it is "making") keeps it; any other new key, an import or the key removed ends it.
    if (cause === "generated" && get().registeredRotation?.status === "making") return;
    oldKey = undefined;
    set({ registeredRotation: undefined });
  });
  const updateRotation = (change: Partial<RegisteredRotation>) => set((state) => ({ registeredRotation: state.registeredRotation ? { ...state.registeredRotation, ...change } : undefined }));
  return {
    registeredReading: false,
    registeredRead: undefined,
    registeredError: undefined,
    registeredLifetimeLimit: undefined,
    registeredObjectId: "",
    readRegistered: async (text) => {
      const mine = ++sequence;
      job?.cancel();
      job = undefined;
      if (text.trim() === "") {
        set({ registeredReading: false, registeredRead: undefined, registeredError: undefined, registeredLifetimeLimit: undefined });
        return;
      }
      set({ registeredReading: true });
      let outcome: RegisteredReadOutcome;
      if (text.length <= READ_IN_PLACE_CHARS) {
        // The panel has loaded this module already (registered-panel.tsx): reading makes no request at all.
        outcome = await (await import("@/core/registered/read-registered-outcome")).readRegisteredOutcome(text);
      } else {
        const started = runWork({ kind: "registered", text });
        job = started;
        try {
          outcome = await started.result;
        } catch (error) {
          if (error instanceof WorkCancelled) return;
          outcome = { ok: false, code: "ERR_REGISTERED_UNREADABLE", message: `This could not be read (${error instanceof Error ? error.message : String(error)}).` };
        }
      }
      if (mine !== sequence) return;
      job = undefined;
      if (outcome.ok) {
        // Loaded with the reader (the panel has it): the first screen does not carry the policy rules.
        const { certificateLifetimeLimit } = await import("@/core/registered/judge-policy");
        if (mine !== sequence) return;
        set({ registeredReading: false, registeredRead: outcome.read, registeredError: undefined, registeredLifetimeLimit: certificateLifetimeLimit(outcome.read.policies, new Date()) });
      } else set({ registeredReading: false, registeredRead: undefined, registeredError: { code: outcome.code, message: outcome.message, position: outcome.position }, registeredLifetimeLimit: undefined });
    },
    setRegisteredObjectId: (registeredObjectId) => set({ registeredObjectId }),
    registeredRotation: undefined,
    rotateCertificate: async (keyId) => {
      const row = get().registeredRead?.rows.find((candidate): candidate is RegisteredCertificate => candidate.kind === "certificate" && candidate.keyId === keyId);
      if (!row || get().registeredRotation?.status === "making" || get().generation.running) return;
      const before = get().credential;
      oldKey =
        before?.key && row.thumbprint !== undefined && before.certificateDetails.thumbprints.sha1Hex === row.thumbprint
          ? { privateKeyPkcs8Der: before.key.pkcs8Der, certificateDer: before.certificateDer }
          : undefined;
      const base = { oldKeyId: row.keyId, oldThumbprint: row.thumbprint, oldDisplayName: row.displayName, holdsOldKey: oldKey !== undefined };
      let successor;
      try {
        successor = (await import("@/core/registered/successor-options")).describeSuccessor(row);
      } catch (error) {
        set({ registeredRotation: { ...base, status: "failed", copied: "", notes: [], error: `The registered certificate could not be read: ${describeError(error)}` } });
        return;
      }
      const copied = [
        `subject ${successor.from.subject === "key" ? "from the registered certificate" : "from the Generate form"}`,
        `key size ${successor.from.keySize === "key" ? "from the registered certificate" : "from the Generate form"}`,
        `validity ${successor.from.validityDays === "key" ? "as long as the registered certificate's" : successor.from.validityDays === "dates" ? "as long as the registered dates" : "from the Generate form"}`,
      ].join(", ");
      set({ registeredRotation: { ...base, status: "making", copied, notes: successor.notes } });
      // Through the Generate form and its action: the successor is made exactly as Generate makes any credential.
      const { setGenerateField } = get();
      if (successor.subject) {
        const subject = successor.subject;
        const fields: [keyof GenerateForm, string | undefined][] = [
          ["commonName", subject.commonName],
          ["organization", subject.organization],
          ["organizationalUnit", subject.organizationalUnit],
          ["locality", subject.locality],
          ["state", subject.state],
          ["country", subject.country],
          ["email", subject.email],
        ];
        for (const [field, value] of fields) setGenerateField(field, value ?? "");
      }
      if (successor.keySize !== undefined) setGenerateField("keySize", successor.keySize);
      if (successor.validityDays !== undefined) setGenerateField("validityDays", String(successor.validityDays));
      await get().generate();
      const after = get().credential;
      if (!after || after === before || after.certificateDetails.thumbprints.sha1Hex === before?.certificateDetails.thumbprints.sha1Hex) {
        updateRotation({ status: "failed", error: get().generation.error ?? "The successor was not made: check the Generate form in step 1 (a field it refuses is marked there)." });
        return;
      }
      updateRotation({ status: "ready", newThumbprint: after.certificateDetails.thumbprints.sha1Hex, newNotAfter: after.certificateDetails.notAfter, newCertificateDer: after.certificateDer });
      await get().signRotationProof();
    },
    signRotationProof: async () => {
      const rotation = get().registeredRotation;
      const objectId = selectRegisteredObjectId(get());
      if (rotation?.status !== "ready" || !oldKey) return;
      if (objectId === "") {
        updateRotation({ proofJwt: undefined, proofError: "Type the application's object ID (or paste az ad app show, which has it as id) to sign the proof." });
        return;
      }
      try {
        const { createAddKeyProof } = await import("@/core/registered/addkey-proof");
        const proofJwt = await createAddKeyProof({ ...oldKey, objectId });
        // The object ID may have changed while signing: only the latest one's proof is kept.
        if (selectRegisteredObjectId(get()) === objectId) updateRotation({ proofJwt, proofError: undefined });
      } catch (error) {
        updateRotation({ proofJwt: undefined, proofError: `The proof could not be signed: ${describeError(error)}` });
      }
    },
  };
};

/** The object ID addKey needs: as typed, else the pasted application's. */
export const selectRegisteredObjectId = (state: WorkbenchState): string => state.registeredObjectId.trim() || state.registeredRead?.application?.objectId || "";

/**
 * The Generate form's note on a pasted policy's certificate lifetime limit, or undefined. A string, so the
 * selector's result compares equal between renders. The page starts a certificate 5 minutes early
 * (certificate/create.ts), so a validity of exactly the limit's days is just over it.
 */
export const selectValidityLimitNote = (state: WorkbenchState): string | undefined => {
  const limit = state.registeredLifetimeLimit;
  if (!limit) return undefined;
  return `Your pasted policy "${limit.policyName}" allows certificates of at most ${String(limit.days)} days (maxLifetime ${limit.maxLifetime}): choose ${String(limit.days - 1)} or fewer, as the certificate starts 5 minutes early.`;
};

/** The access token the page's own token request got, if any (to send addKey with). */
export const selectPageAccessToken = (state: WorkbenchState): string | undefined => {
  const body = state.tokenRequest.response?.body;
  if (typeof body !== "object" || body === null || !Object.hasOwn(body, "access_token")) return undefined;
  const token = (body as { access_token?: unknown }).access_token;
  return typeof token === "string" ? token : undefined;
};
