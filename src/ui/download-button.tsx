interface DownloadButtonProps {
  fileName: string;
  contents: string | Uint8Array;
  mimeType?: string;
  testId?: string;
  description?: string;
  disabled?: boolean;
}

/** Saves contents as a file through the browser: the only way key material leaves the page. */
export function DownloadButton({ fileName, contents, mimeType = "application/octet-stream", testId, description, disabled }: DownloadButtonProps) {
  const save = () => {
    const part: BlobPart = typeof contents === "string" ? contents : new Uint8Array(contents);
    const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = fileName;
    anchor.rel = "noopener";
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    // Revoke after the click has been handled so the download has started.
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="btn-secondary" data-testid={testId} onClick={save} disabled={disabled} title={description}>
      <span aria-hidden="true">↓ </span>
      {fileName}
    </button>
  );
}
