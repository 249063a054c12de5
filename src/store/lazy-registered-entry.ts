/**
 * A lazily loaded entry: the registered-credentials panel's actions (reading a paste, rotating a
 * certificate, signing addKey's proof), loaded by registered-slice.ts on the first call and imported by
 * the panel itself, so the first screen carries none of it and a paste makes no request.
 */
import type { RegisteredCertificate } from "@/core/registered/registered-credential";
import type { GenerateForm } from "@/core/credential/generate-form";
import { certificateLifetimeLimit } from "@/core/registered/judge-policy";
import { readRegisteredOutcome, type RegisteredReadOutcome } from "@/core/registered/read-registered-outcome";
import { describeError } from "@/core/errors";
import { runWork, WorkCancelled } from "@/workers/run-work";
import type { WorkbenchState } from "./create-workbench-store";
import { selectRegisteredObjectId, type RegisteredActions, type RegisteredMemory, type RegisteredRotation, type RegisteredSlice } from "./registered-slice";
import type { SetOwnFields } from "./slice-creator";

/**
 * Up to this size a paste is read on the page: an app's own output (a few KB, or tens with certificates)
 * reads in a few milliseconds there, with no worker to start. Larger pastes (thousands of credentials) go to
 * the worker, so the page keeps answering while they are read.
 */
export const READ_IN_PLACE_CHARS = 256 * 1024;

export function createRegisteredActions(set: SetOwnFields<RegisteredSlice>, get: () => WorkbenchState, memory: RegisteredMemory): RegisteredActions {
  const updateRotation = (change: Partial<RegisteredRotation>) => set((state) => ({ registeredRotation: state.registeredRotation ? { ...state.registeredRotation, ...change } : undefined }));
  return {
    readRegistered: async (text) => {
      const mine = ++memory.sequence;
      memory.job?.cancel();
      memory.job = undefined;
      if (text.trim() === "") {
        set({ registeredReading: false, registeredRead: undefined, registeredError: undefined, registeredLifetimeLimit: undefined });
        return;
      }
      set({ registeredReading: true });
      let outcome: RegisteredReadOutcome;
      if (text.length <= READ_IN_PLACE_CHARS) {
        outcome = await readRegisteredOutcome(text);
      } else {
        const started = runWork({ kind: "registered", text });
        memory.job = started;
        try {
          outcome = await started.result;
        } catch (error) {
          if (error instanceof WorkCancelled) return;
          outcome = { ok: false, code: "ERR_REGISTERED_UNREADABLE", message: `This could not be read (${error instanceof Error ? error.message : String(error)}).` };
        }
      }
      if (mine !== memory.sequence) return;
      memory.job = undefined;
      if (outcome.ok) {
        set({ registeredReading: false, registeredRead: outcome.read, registeredError: undefined, registeredLifetimeLimit: certificateLifetimeLimit(outcome.read.policies, new Date()) });
      } else set({ registeredReading: false, registeredRead: undefined, registeredError: { code: outcome.code, message: outcome.message, position: outcome.position }, registeredLifetimeLimit: undefined });
    },
    rotateCertificate: async (keyId) => {
      const row = get().registeredRead?.rows.find((candidate): candidate is RegisteredCertificate => candidate.kind === "certificate" && candidate.keyId === keyId);
      if (!row || get().registeredRotation?.status === "making" || get().generation.running) return;
      const before = get().credential;
      memory.oldKey =
        before?.key && row.thumbprint !== undefined && before.certificateDetails.thumbprints.sha1Hex === row.thumbprint
          ? { privateKeyPkcs8Der: before.key.pkcs8Der, certificateDer: before.certificateDer }
          : undefined;
      const base = { oldKeyId: row.keyId, oldThumbprint: row.thumbprint, oldDisplayName: row.displayName, holdsOldKey: memory.oldKey !== undefined };
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
      const { oldKey } = memory;
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
}
