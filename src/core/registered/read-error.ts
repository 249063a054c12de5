/** What went wrong reading a paste of registered credentials: a stable code and a sentence that says the fix. */
export type RegisteredReadErrorCode =
  | "ERR_REGISTERED_EMPTY"
  | "ERR_REGISTERED_TOO_LARGE"
  | "ERR_REGISTERED_SYNTAX"
  | "ERR_REGISTERED_TOO_DEEP"
  | "ERR_REGISTERED_UNKNOWN_SHAPE"
  | "ERR_REGISTERED_FIELD_TYPE";

/** Where in the paste a syntax error is: 1-based line and column, as editors count them. */
export interface TextPosition {
  line: number;
  column: number;
}

export class RegisteredReadError extends Error {
  readonly code: RegisteredReadErrorCode;
  readonly position?: TextPosition;

  constructor(code: RegisteredReadErrorCode, message: string, position?: TextPosition) {
    super(message);
    this.name = "RegisteredReadError";
    this.code = code;
    this.position = position;
  }
}

/** The 1-based line and column of `index` in `text` (computed only when an error needs it). */
export function positionAt(text: string, index: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
