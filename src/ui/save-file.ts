/** Saves bytes or text as a file through the browser's download: the only way key material leaves the page. */
export function saveFile(fileName: string, contents: string | Uint8Array, mimeType = "application/octet-stream"): void {
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
}
