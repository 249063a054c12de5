/**
 * Entry point: `tsx server/main.ts` (npm start builds dist/ first). Serves the built app and the
 * token proxy; see workbench-server.ts. Env: PORT, HOST, WORKBENCH_EXTRA_AUTHORITIES, and
 * NODE_EXTRA_CA_CERTS (read by Node itself at start-up) for authorities with a private CA.
 */
import { readEnvironmentConfig } from "./config";
import { startWorkbenchServer } from "./workbench-server";

async function main(): Promise<void> {
  const config = readEnvironmentConfig(process.env);
  if (config.warning) console.warn(config.warning);
  const running = await startWorkbenchServer({ host: config.host, port: config.port, extraAuthorities: config.extraAuthorities });
  console.log(`Credential Workbench on ${running.origin}`);

  let closing = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    // Stop accepting, end idle keep-alive sockets, and give in-flight requests a moment.
    const forceExit = setTimeout(() => process.exit(1), 5_000);
    forceExit.unref();
    running.server.closeIdleConnections();
    running.server.close(() => {
      console.log(`Stopped (${signal}).`);
      process.exit(0);
    });
  };
  process.on("SIGINT", shutDown);
  process.on("SIGTERM", shutDown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
