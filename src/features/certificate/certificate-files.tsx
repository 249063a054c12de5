import { useWorkbenchStore } from "@/store/workbench-store";
import { DownloadButton } from "@/ui/download-button";

const PEM_MIME = "application/x-pem-file";

export function CertificateFiles() {
  const files = useWorkbenchStore((state) => state.files);
  if (!files) return null;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-medium">Save the files</h3>
      <div className="flex flex-wrap gap-2">
        <DownloadButton fileName="server.crt" contents={files["server.crt"]} mimeType={PEM_MIME} testId="download-server-crt" description="The certificate (PEM): upload it to Entra." />
        {files["server.pem"] && (
          <DownloadButton fileName="server.pem" contents={files["server.pem"]} mimeType={PEM_MIME} testId="download-server-pem" description="The private key (PKCS#8 PEM): keep it secret; MSAL reads it." />
        )}
        {files["server.csr"] && (
          <DownloadButton fileName="server.csr" contents={files["server.csr"]} mimeType={PEM_MIME} testId="download-server-csr" description="A certificate signing request, for a CA to sign instead." />
        )}
        {files["server-rsa.pem"] && (
          <DownloadButton fileName="server-rsa.pem" contents={files["server-rsa.pem"]} mimeType={PEM_MIME} testId="download-server-key-pkcs1" description="The private key as PKCS#1 (BEGIN RSA PRIVATE KEY), for older tools." />
        )}
      </div>
      <p className="text-xs text-muted">server.pem is your private key: store it like a password. server.crt holds only the public part.</p>
    </div>
  );
}
