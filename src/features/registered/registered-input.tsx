import { HeldPasteTextarea, type PastedTextProps } from "@/ui/held-paste-textarea";

/**
 * Pasted text longer than this stays out of the text box (the box shows its start, read-only): laying out
 * megabytes in a text box is the browser's own main-thread work, done in the paste itself. An app's
 * az ad app show output is a few KB; a tenant's worth of credentials is what goes over this.
 */
export const MAX_EDITABLE_REGISTERED_CHARS = 64 * 1024;
const SHOWN_CHARS = 2000;

/** The paste box: typed and short text as usual; a long paste, a drop or an opened file goes straight to the reader. */
export function RegisteredInput(props: PastedTextProps) {
  return (
    <HeldPasteTextarea
      {...props}
      testIds={{ input: "registered-input", held: "registered-input-held", clear: "registered-clear" }}
      noun="text"
      whereChecked="is read below"
      placeholder={'[\n  {\n    "customKeyIdentifier": "6443E93F…",\n    "displayName": "CN=credential-workbench",\n    "endDateTime": "2027-12-05T10:00:00Z",\n    …'}
      rows={6}
      maxEditableChars={MAX_EDITABLE_REGISTERED_CHARS}
      shownChars={SHOWN_CHARS}
      className="input font-mono text-xs"
      readsDroppedFiles
    />
  );
}
