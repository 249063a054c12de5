import { useState } from "react";
import { saveFile } from "./save-file";

interface DownloadButtonProps {
  fileName: string;
  contents: string | Uint8Array;
  mimeType?: string;
  testId?: string;
  description?: string;
  disabled?: boolean;
  /** The primary look, for the files most people need. */
  primary?: boolean;
  /** Called after the file was handed to the browser, e.g. to note that the key was saved. */
  onSaved?: () => void;
}

/** A button that saves ready contents as a file, and says so once it has. */
export function DownloadButton({ fileName, contents, mimeType = "application/octet-stream", testId, description, disabled, primary, onSaved }: DownloadButtonProps) {
  // Remembers what was saved, so new contents (a new certificate) read as not saved again.
  const [savedContents, setSavedContents] = useState<string | Uint8Array>();
  const saved = savedContents !== undefined && savedContents === contents;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={primary ? "btn-primary" : "btn-secondary"}
        data-testid={testId}
        onClick={() => {
          saveFile(fileName, contents, mimeType);
          setSavedContents(contents);
          onSaved?.();
        }}
        disabled={disabled}
        title={description}
      >
        <span aria-hidden="true">↓ </span>
        {fileName}
      </button>
      {/* The slot keeps its width before and after saving, so "✓ Saved" never pushes what stands beside it. */}
      <span className="inline-block min-w-[4.5rem] text-xs text-ok" role="status" data-testid={testId ? `${testId}-saved` : undefined}>
        {saved ? "✓ Saved" : ""}
      </span>
    </span>
  );
}
