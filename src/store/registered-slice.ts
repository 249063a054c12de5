import type { CertificateLifetimeLimit } from "@/core/registered/judge-policy";
import type { TextPosition } from "@/core/registered/read-error";
import type { RegisteredRead } from "@/core/registered/registered-credential";
import type { RegisteredReadOutcome } from "@/core/registered/read-registered-outcome";
import type { WorkJob } from "@/workers/run-work";
import { onCredentialChanged } from "./credential-changed";
import { lazyActions } from "./lazy-actions";
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

/** What the registered actions keep between calls, per store (lazy-registered-entry.ts uses it; the slice resets it). */
export interface RegisteredMemory {
  /** The long paste being read in the worker, so a later paste can stop it. */
  job?: WorkJob<RegisteredReadOutcome>;
  /** Counts pastes: a reading is kept only if no later paste started meanwhile. */
  sequence: number;
  /** The key of the certificate being replaced, kept (in memory only) to sign addKey's proof after the page moved on to the successor. */
  oldKey?: { privateKeyPkcs8Der: Uint8Array; certificateDer: Uint8Array };
}

export type RegisteredActions = Pick<RegisteredSlice, "readRegistered" | "rotateCertificate" | "signRotationProof">;

export const createRegisteredSlice: SliceCreator<RegisteredSlice> = (set, get, store) => {
  const memory: RegisteredMemory = { sequence: 0 };
  onCredentialChanged(store, ({ cause }) => {
    // The rotation's own successor (made while it is "making") keeps it; any other new key, an import or the key removed ends it.
    if (cause === "generated" && get().registeredRotation?.status === "making") return;
    memory.oldKey = undefined;
    set({ registeredRotation: undefined });
  });
  // Reading, rotating and signing load with the registered-credentials panel, not with the first screen.
  const action = lazyActions<RegisteredActions>(async () => (await import("./lazy-registered-entry")).createRegisteredActions(set, get, memory));
  return {
    registeredReading: false,
    registeredRead: undefined,
    registeredError: undefined,
    registeredLifetimeLimit: undefined,
    registeredObjectId: "",
    readRegistered: action("readRegistered"),
    setRegisteredObjectId: (registeredObjectId) => set({ registeredObjectId }),
    registeredRotation: undefined,
    rotateCertificate: action("rotateCertificate"),
    signRotationProof: action("signRotationProof"),
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
