import { certificateLifetimeLimit } from "@/core/registered/judge-policy";
import type { TextPosition } from "@/core/registered/read-error";
import type { RegisteredRead } from "@/core/registered/registered-credential";
import { runWork, WorkCancelled, type WorkJob } from "@/workers/run-work";
import type { RegisteredReadOutcome } from "@/core/registered/read-registered-outcome";
import type { SliceCreator } from "./slice-creator";
import type { WorkbenchState } from "./workbench-store";

export interface RegisteredReadProblem {
  code: string;
  message: string;
  position?: TextPosition;
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
  /** The application's object ID as typed; the pasted application's `id` is used when this is empty. */
  registeredObjectId: string;
  /** Reads a paste in the worker (a multi-MB paste must not hold the page); a later paste wins over an earlier one. */
  readRegistered: (text: string) => Promise<void>;
  setRegisteredObjectId: (value: string) => void;
}

/**
 * Up to this size a paste is read on the page: an app's own output (a few KB, or tens with certificates)
 * reads in a few milliseconds there, with no worker to start. Larger pastes (thousands of credentials) go to
 * the worker, so the page keeps answering while they are read.
 */
export const READ_IN_PLACE_CHARS = 256 * 1024;

export const createRegisteredSlice: SliceCreator<RegisteredSlice> = (set) => {
  let job: WorkJob<RegisteredReadOutcome> | undefined;
  let sequence = 0;
  return {
    registeredReading: false,
    registeredRead: undefined,
    registeredError: undefined,
    registeredObjectId: "",
    readRegistered: async (text) => {
      const mine = ++sequence;
      job?.cancel();
      job = undefined;
      if (text.trim() === "") {
        set({ registeredReading: false, registeredRead: undefined, registeredError: undefined });
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
      if (outcome.ok) set({ registeredReading: false, registeredRead: outcome.read, registeredError: undefined });
      else set({ registeredReading: false, registeredRead: undefined, registeredError: { code: outcome.code, message: outcome.message, position: outcome.position } });
    },
    setRegisteredObjectId: (registeredObjectId) => set({ registeredObjectId }),
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
  const policies = state.registeredRead?.policies;
  if (!policies || policies.length === 0) return undefined;
  const limit = certificateLifetimeLimit(policies, new Date());
  if (!limit) return undefined;
  return `Your pasted policy "${limit.policyName}" allows certificates of at most ${String(limit.days)} days (maxLifetime ${limit.maxLifetime}): choose ${String(limit.days - 1)} or fewer, as the certificate starts 5 minutes early.`;
};
