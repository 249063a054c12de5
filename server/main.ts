/**
 * Entry point: `node --import tsx server/main.ts` (`npm start` builds dist/ first, in prestart;
 * `npm run serve` serves an existing build). Serves the built app and the token proxy; see
 * workbench-server.ts. Env: PORT, HOST, WORKBENCH_EXTRA_AUTHORITIES, and NODE_EXTRA_CA_CERTS
 * (read by Node itself at start-up) for authorities with a private CA.
 *
 * One signal stops everything: tsx runs as a loader inside this process (no child process to
 * outlive us), SIGTERM/SIGINT/SIGHUP close the server. Under `npm start` or `npm run serve` the
 * server also stops when npm is gone (see starter-watch.ts for the shell npm puts in between);
 * started any other way it runs until signalled, even after the shell that launched it exits.
 */
import { readEnvironmentConfig } from "./config";
import { startedByNpmScript, watchStarter } from "./starter-watch";
import { startWorkbenchServer } from "./workbench-server";

async function main(): Promise<void> {
  const config = readEnvironmentConfig(process.env);
  if (config.warning) console.warn(config.warning);
  const running = await startWorkbenchServer({ host: config.host, port: config.port, extraAuthorities: config.extraAuthorities });
  console.log(`Credential Workbench on ${running.origin}`);

  let closing = false;
  const shutDown = (reason: string) => {
    if (closing) return;
    closing = true;
    // Stop accepting, end idle keep-alive sockets, and give in-flight requests a moment.
    const forceExit = setTimeout(() => process.exit(1), 5_000);
    forceExit.unref();
    running.server.closeIdleConnections();
    running.server.close(() => {
      console.log(`Stopped (${reason}).`);
      process.exit(0);
    });
  };
  process.on("SIGINT", () => shutDown("SIGINT"));
  process.on("SIGTERM", () => shutDown("SIGTERM"));
  process.on("SIGHUP", () => shutDown("SIGHUP"));
  if (startedByNpmScript(process.env)) watchStarter(() => shutDown("npm, which started the server, has exited"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
