import { useState } from "react";
import { CREDENTIAL_FILES, type CredentialFileKind } from "@/core/credential/credential-files";
import type { Pkcs12Profile } from "@/core/formats/pkcs12-export";
import type { ProtectedExportKind } from "@/store/credential-slice";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { DownloadButton } from "@/ui/download-button";
import { Field } from "@/ui/field";
import { saveFile } from "@/ui/save-file";
import { SelectField, type SelectOption } from "@/ui/select-field";
import { ErrorMessage } from "@/ui/error-message";

/** A download button's name, media type and tooltip, from the one list of files. */
const asDownload = (kind: CredentialFileKind) => ({ fileName: kind.fileName, mimeType: kind.mimeType, description: kind.purpose });

/** The unprotected formats under "Other formats", in the order of their buttons. */
const OTHER_FORMATS: readonly CredentialFileKind[] = [
  CREDENTIAL_FILES.certificateDer,
  CREDENTIAL_FILES.certificateSigningRequest,
  CREDENTIAL_FILES.privateKeyPkcs1Pem,
  CREDENTIAL_FILES.keyWithCertificatePem,
];

const PFX_PROFILE_OPTIONS: readonly SelectOption<Pkcs12Profile>[] = [
  { value: "modern", label: "Modern (AES-256, SHA-256 MAC)" },
  { value: "legacy", label: "Windows-compatible (3DES, SHA-1 MAC)" },
];

export function OtherFormats() {
  const files = useWorkbenchStore((state) => state.files);
  const credential = useWorkbenchStore((state) => state.credential);
  const exportError = useWorkbenchStore((state) => state.exportError);
  const exportErrorField = useWorkbenchStore((state) => state.exportErrorField);
  const clearExportError = useWorkbenchStore((state) => state.clearExportError);
  const buildProtectedExport = useWorkbenchStore((state) => state.buildProtectedExport);
  const markKeySaved = useWorkbenchStore((state) => state.markKeySaved);
  const [password, setPassword] = useState("");
  const [profile, setProfile] = useState<Pkcs12Profile>("modern");
  const [busy, setBusy] = useState<ProtectedExportKind | undefined>();
  const [showPassword, setShowPassword] = useState(false);
  if (!files || !credential) return null;

  const saveProtected = async (kind: ProtectedExportKind) => {
    setBusy(kind);
    const file = await buildProtectedExport(kind, password, profile);
    setBusy(undefined);
    if (file) {
      saveFile(file.fileName, file.contents, file.mimeType);
      markKeySaved(file.keyPkcs8Der);
    }
  };
  const keyDer = credential.key?.pkcs8Der;

  return (
    <details className="fold" data-testid="other-formats">
      <summary>Other formats: server.cer, CSR, PKCS#1 key, key + certificate PEM, PFX, encrypted key</summary>
      <div className="mt-3 flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <DownloadButton {...asDownload(CREDENTIAL_FILES.certificateDer)} contents={files["server.cer"]} testId="download-server-cer" />
        {files["server.csr"] && (
          <DownloadButton {...asDownload(CREDENTIAL_FILES.certificateSigningRequest)} contents={files["server.csr"]} testId="download-server-csr" />
        )}
        {files["server-rsa.pem"] && (
          <DownloadButton {...asDownload(CREDENTIAL_FILES.privateKeyPkcs1Pem)} contents={files["server-rsa.pem"]} testId="download-server-key-pkcs1" onSaved={() => markKeySaved(keyDer)} />
        )}
        {files["server-with-key.pem"] && (
          <DownloadButton {...asDownload(CREDENTIAL_FILES.keyWithCertificatePem)} contents={files["server-with-key.pem"]} testId="download-server-with-key" onSaved={() => markKeySaved(keyDer)} />
        )}
      </div>
      <ul className="list-disc pl-5 text-xs text-muted">
        {OTHER_FORMATS.map((kind) => (
          <li key={kind.fileName}>
            {kind.fileName}: {kind.purpose}
          </li>
        ))}
      </ul>
      {keyDer && (
        <fieldset className="flex flex-col gap-3 rounded border p-3">
          <legend className="px-1 text-sm font-medium">Password-protected files: PFX (.NET, Windows, Key Vault) and encrypted key</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label="Password for the file"
              hint={password !== "" && password.length < 12 ? "Short passwords are guessed quickly once the file leaves your machine: 12 characters or more is safer." : "You will need it to open the file. Nothing is stored."}
              error={exportErrorField === "password" ? exportError : undefined}
            >
              {(props) => (
                <div className="flex gap-2">
                  <input {...props} className="input" type={showPassword ? "text" : "password"} autoComplete="new-password" spellCheck={false} value={password} data-testid="export-password" onChange={(event) => {
                      setPassword(event.target.value);
                      if (exportErrorField === "password") clearExportError();
                    }}
                  />
                  <button type="button" className="btn-secondary shrink-0" aria-pressed={showPassword} onClick={() => setShowPassword((shown) => !shown)}>
                    {showPassword ? "Hide" : "Show"}
                  </button>
                </div>
              )}
            </Field>
            <SelectField
              label="PFX profile"
              hint="Modern: AES-256 and a SHA-256 MAC, as OpenSSL 3 writes (Windows 10 1709+, macOS 13+, .NET). Windows-compatible: 3DES key, RC2-40 certificates and a SHA-1 MAC, for older Windows and macOS; OpenSSL 3 opens it only with -legacy."
              value={profile}
              options={PFX_PROFILE_OPTIONS}
              testId="pfx-profile"
              onChange={setProfile}
            />
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" data-testid="download-server-pfx" disabled={busy !== undefined} onClick={() => void saveProtected("pfx")}>
              <span aria-hidden="true">↓ </span>
              {busy === "pfx" ? "Encrypting…" : CREDENTIAL_FILES.pfx.fileName}
            </button>
            <button type="button" className="btn-secondary" data-testid="download-server-key-encrypted" disabled={busy !== undefined} onClick={() => void saveProtected("encrypted-key")}>
              <span aria-hidden="true">↓ </span>
              {busy === "encrypted-key" ? "Encrypting…" : CREDENTIAL_FILES.encryptedPrivateKeyPem.fileName}
            </button>
          </div>
          <ErrorMessage message={exportErrorField !== "password" ? exportError : undefined} testId="export-error" />
        </fieldset>
      )}
      </div>
    </details>
  );
}

/** server.crt and server.pem, each with what it is for, and whether the key has been saved. */
export function PrimaryDownloads() {
  const files = useWorkbenchStore((state) => state.files);
  const credential = useWorkbenchStore((state) => state.credential);
  const markKeySaved = useWorkbenchStore((state) => state.markKeySaved);
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  if (!files || !credential) return null;
  const keyDer = credential.key?.pkcs8Der;
  return (
    <div className="flex flex-col gap-3">
      <ul className="primary-downloads">
        <li>
          <DownloadButton {...asDownload(CREDENTIAL_FILES.certificatePem)} contents={files["server.crt"]} testId="download-server-crt" primary />
          <span className="text-sm">
            <strong>{CREDENTIAL_FILES.certificatePem.fileName}</strong> — {CREDENTIAL_FILES.certificatePem.purpose}
          </span>
        </li>
        {files["server.pem"] && (
          <li>
            <DownloadButton {...asDownload(CREDENTIAL_FILES.privateKeyPem)} contents={files["server.pem"]} testId="download-server-pem" primary onSaved={() => markKeySaved(keyDer)} />
            <span className="text-sm">
              <strong>{CREDENTIAL_FILES.privateKeyPem.fileName}</strong> — {CREDENTIAL_FILES.privateKeyPem.purpose}
            </span>
          </li>
        )}
      </ul>
      {keyDer ? (
        <p className={`text-sm font-medium ${unsavedKey ? "text-warn" : "text-ok"}`} data-testid="key-saved-state" data-saved={unsavedKey ? "false" : "true"}>
          {unsavedKey
            ? "Private key: not saved yet. It exists only in this page until you save server.pem (or a PFX under Other formats)."
            : "Private key: saved (or imported from your file). Keep that file secret."}
        </p>
      ) : (
        <p className="text-sm text-muted" data-testid="key-saved-state" data-saved="none">
          This page holds only the certificate, no private key: import the key that belongs to it to save server.pem.
        </p>
      )}
    </div>
  );
}
