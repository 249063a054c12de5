/**
 * Stable error codes. The UI maps them to the field to fix; tests assert on them.
 */
export type WorkbenchErrorCode =
  | "ERR_INVALID_SUBJECT"
  | "ERR_INVALID_VALIDITY"
  | "ERR_INVALID_KEY_SIZE"
  | "ERR_INVALID_SAN"
  | "ERR_INVALID_PEM"
  | "ERR_INVALID_TENANT"
  | "ERR_INVALID_CLIENT_ID"
  | "ERR_INVALID_AUTHORITY"
  | "ERR_INVALID_LIFETIME"
  | "ERR_UNSUPPORTED_KEY"
  | "ERR_KEY_MISMATCH"
  | "ERR_WRONG_PASSWORD"
  | "ERR_UNSUPPORTED_FORMAT"
  | "ERR_TOO_LARGE"
  | "ERR_PASSWORD_REQUIRED"
  | "ERR_CERTIFICATE_REQUIRED";

/**
 * An error whose message is a sentence the user can act on: what is wrong and how to fix it.
 */
export class WorkbenchError extends Error {
  readonly code: WorkbenchErrorCode;

  constructor(code: WorkbenchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbenchError";
    this.code = code;
  }
}

/** A message fit for the screen from anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
