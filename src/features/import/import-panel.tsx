import { useEffect, useRef, useState, type DragEvent } from "react";
import { MAX_IMPORT_BYTES } from "@/core/formats/import-limits";
import { describeImportInput, messageAboutInput } from "@/core/formats/import-description";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { useWorkbenchStore, useWorkbenchStoreApi } from "@/store/workbench-store";
import { Field } from "@/ui/field";

const ACCEPTED = ".pem,.crt,.cer,.der,.key,.pfx,.p12,.csr,.txt,application/x-pem-file,application/x-pkcs12,application/pkix-cert";

/**
 * Reads at most one byte more than the importer accepts: a 50 MB file is refused by the core's
 * size check without being loaded into memory.
 */
async function readFiles(files: FileList | File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(Array.from(files).map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.slice(0, MAX_IMPORT_BYTES + 1).arrayBuffer()) })));
}

export function ImportPanel() {
  const store = useWorkbenchStoreApi();
  const importMaterial = useWorkbenchStore((state) => state.importMaterial);
  const reportImportError = useWorkbenchStore((state) => state.reportImportError);
  const running = useWorkbenchStore((state) => state.importRunning);
  const error = useWorkbenchStore((state) => state.importError);
  const errorField = useWorkbenchStore((state) => state.importErrorField);
  const pendingKey = useWorkbenchStore((state) => Boolean(state.pendingKeyPkcs8Der));
  const certifyPendingKey = useWorkbenchStore((state) => state.certifyPendingKey);
  const cancelImport = useWorkbenchStore((state) => state.cancelImport);
  const [pickerKey, setPickerKey] = useState(0);
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  const summary = useWorkbenchStore((state) => state.importSummary);
  const [text, setText] = useState("");
  const [password, setPassword] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  // What the last import was given, as the user knows it: a message about one input names it.
  const [submitted, setSubmitted] = useState<string[]>([]);
  const passwordInput = useRef<HTMLInputElement>(null);
  // A password problem is shown at the password field; take the user there.
  useEffect(() => {
    if (errorField === "password") passwordInput.current?.focus();
  }, [errorField, error]);

  const submit = async (chosen: File[], includePastedText: boolean) => {
    let inputs: { name: string; bytes: Uint8Array }[];
    try {
      inputs = await readFiles(chosen);
    } catch {
      reportImportError("The browser could not read the chosen file (it may have been moved or deleted). Choose it again.");
      return;
    }
    const descriptions = inputs.map((input) => describeImportInput(input));
    if (includePastedText && text.trim() !== "") {
      const bytes = new TextEncoder().encode(text);
      inputs.push({ name: "pasted text", bytes });
      descriptions.push(describeImportInput({ bytes, pasted: true }));
    }
    if (inputs.length === 0) return;
    setSubmitted(descriptions);
    await importMaterial(inputs, password);
    // After a successful import the password and the chosen files are not needed any more.
    if (!store.getState().importError) {
      setPassword("");
      setFiles([]);
      setPickerKey((key) => key + 1);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = Array.from(event.dataTransfer.files);
    setFiles(dropped);
    // A drop imports exactly what was dropped, not text left in the paste box.
    void submit(dropped, false);
  };

  return (
    <div id="import" className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        Load a PFX/P12 (with its password), a PEM with key and certificate (e.g. from az ad sp create-for-rbac --create-cert), an encrypted key, a DER certificate, or the
        certificate your CA issued from this page&apos;s CSR. Files are read in this page only.
      </p>
      <div
        className={`flex flex-col gap-3 rounded border-2 border-dashed p-3 ${dragging ? "border-current" : "border-[var(--cw-border)]"}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Field label="Files (drop them here, or choose)" hint=".pfx .p12 .pem .crt .cer .der .key — several at once is fine (e.g. key and certificate).">
          {(props) => (
            <div className="flex flex-wrap items-center gap-2">
              <input {...props} key={pickerKey} type="file" multiple accept={ACCEPTED} data-testid="import-file" className="text-sm" onChange={(event) => setFiles(Array.from(event.target.files ?? []))} />
              {files.length > 0 && (
                <button
                  type="button"
                  className="btn-secondary"
                  onClick={() => {
                    setFiles([]);
                    setPickerKey((key) => key + 1);
                  }}
                >
                  Clear the chosen files
                </button>
              )}
            </div>
          )}
        </Field>
        <Field label="…or paste PEM text">
          {(props) => (
            <textarea {...props} className="input font-mono" rows={4} value={text} data-testid="import-text" spellCheck={false} autoComplete="off" placeholder="-----BEGIN CERTIFICATE-----" onChange={(event) => setText(event.target.value)} />
          )}
        </Field>
        <Field label="Password (for a PFX or an encrypted key)" error={errorField === "password" ? error : undefined} errorTestId={errorField === "password" ? "import-error" : undefined}>
          {(props) => (
            <input {...props} ref={passwordInput} className="input" type="password" autoComplete="off" value={password} data-testid="import-password" onChange={(event) => setPassword(event.target.value)} />
          )}
        </Field>
        {unsavedKey && (
          <p className="text-sm text-warn" data-testid="import-unsaved-key-warning">
            The key generated on this page has not been saved yet: importing another key replaces it. Save server.pem (or a PFX) first if you uploaded its certificate.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className="btn-primary" data-testid="import-submit" disabled={running || (files.length === 0 && text.trim() === "")} onClick={() => void submit(files, true)}>
            {running ? "Importing…" : "Import"}
          </button>
          {running && (
            <>
              {/* Reading runs in a worker: the page stays usable, and Cancel ends it at once. */}
              <progress className="w-24" aria-label="Reading the file" data-testid="import-progress" />
              <button type="button" className="btn-secondary" data-testid="import-cancel" onClick={cancelImport}>
                Cancel
              </button>
            </>
          )}
        </div>
      </div>
      {error && errorField !== "password" && (
        <div className="flex flex-col gap-2" role="alert">
          <p className={`text-sm ${pendingKey ? "" : "text-danger"}`} data-testid="import-error">
            {submitted.length === 1 && submitted[0] ? messageAboutInput(submitted[0], error) : error}
          </p>
          {pendingKey && (
            <button type="button" className="btn-secondary self-start" data-testid="make-certificate-for-key" disabled={running} onClick={() => void certifyPendingKey()}>
              Make a self-signed certificate for this key
            </button>
          )}
        </div>
      )}
      {summary && !error && (
        <div className="flex flex-col gap-1 text-sm" data-testid="import-summary" role="status">
          <p className="text-ok">{summary.message}</p>
          {summary.keyAlgorithm && (
            <p>
              Key: {summary.keyAlgorithm} — {summary.keyUsable ? "usable with Entra" : `not usable with Entra: ${summary.keyReason ?? ""}`}
            </p>
          )}
          {summary.warnings.map((warning) => (
            <p key={warning} className="text-warn">
              {warning}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
