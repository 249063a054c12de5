import { HeldPasteTextarea } from "@/ui/held-paste-textarea";

interface JwtInputProps {
  text: string;
  onText: (text: string) => void;
  /** The ids and ARIA attributes of the field's label, hint and error. */
  fieldProps: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean };
}

/** The text box of the Inspect panel: a very long token is held out of it and inspected in the worker (held-paste-textarea.tsx). */
export function JwtInput({ text, onText, fieldProps }: JwtInputProps) {
  return (
    <HeldPasteTextarea
      text={text}
      onText={onText}
      fieldProps={fieldProps}
      testIds={{ input: "jwt-inspect-input", held: "inspect-input-held", clear: "inspect-clear" }}
      noun="token"
      whereChecked="is inspected below"
      placeholder="eyJhbGciOi…"
    />
  );
}
