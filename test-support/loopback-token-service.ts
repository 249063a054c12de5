/**
 * The mock Entra token service on 127.0.0.1 with a TLS certificate made for this run: what a test needs to
 * point the workbench at it the way a user would (trust `tls.cert` or `tls.certPath`, allow `origin`).
 */
import { startMockTokenService, type MockTokenService, type MockTokenServiceOptions } from "./mock-token-service";
import { createLoopbackTls, type TestCertificate } from "./test-tls";

export interface LoopbackTokenService extends MockTokenService {
  /** The service's certificate (CN and SAN 127.0.0.1); `close` removes it. */
  tls: TestCertificate;
}

/** @example const mock = await startLoopbackTokenService({ tenant, clientId, registeredCertificatesPem: [cert] }); */
export async function startLoopbackTokenService(options: Omit<MockTokenServiceOptions, "tls">): Promise<LoopbackTokenService> {
  const tls = createLoopbackTls();
  try {
    const mock = await startMockTokenService({ ...options, tls });
    return {
      ...mock,
      tls,
      close: async () => {
        await mock.close();
        tls.dispose();
      },
    };
  } catch (error) {
    tls.dispose();
    throw error;
  }
}
