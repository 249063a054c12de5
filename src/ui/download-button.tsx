import { saveFile } from "./save-file";

interface DownloadButtonProps {
  fileName: string;
  contents: string | Uint8Array;
  mimeType?: string;
  testId?: string;
  description?: string;
  disabled?: boolean;
  /** Called after the file was handed to the browser, e.g. to note that the key was saved. */
  onSaved?: () => void;
}

/** A button that saves ready contents as a file. */
export function DownloadButton({ fileName, contents, mimeType = "application/octet-stream", testId, description, disabled, onSaved }: DownloadButtonProps) {
  return (
    <button type="button" className="btn-secondary" data-testid={testId} onClick={() => {
        saveFile(fileName, contents, mimeType);
        onSaved?.();
      }} disabled={disabled} title={description}>
      <span aria-hidden="true">↓ </span>
      {fileName}
    </button>
  );
}
