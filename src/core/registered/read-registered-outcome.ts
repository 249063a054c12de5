/**
 * readRegisteredCredentials as a result that never throws, so it can come back from the worker as
 * plain data (an Error's code and position would not survive structured clone as a class).
 */
import { RegisteredReadError, type RegisteredReadErrorCode, type TextPosition } from "./read-error";
import { readRegisteredCredentials } from "./read-registered";
import type { RegisteredRead } from "./registered-credential";

export type RegisteredReadOutcome =
  | { ok: true; read: RegisteredRead }
  | { ok: false; code: RegisteredReadErrorCode | "ERR_REGISTERED_UNREADABLE"; message: string; position?: TextPosition };

export async function readRegisteredOutcome(text: string): Promise<RegisteredReadOutcome> {
  try {
    return { ok: true, read: await readRegisteredCredentials(text) };
  } catch (error) {
    if (error instanceof RegisteredReadError) return error.position ? { ok: false, code: error.code, message: error.message, position: error.position } : { ok: false, code: error.code, message: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: "ERR_REGISTERED_UNREADABLE", message: `This could not be read (${detail}). Paste the command's output exactly as it printed it.` };
  }
}
