import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { HttpError, methodNotAllowed } from "./http-error";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

const notFound = () => new HttpError(404, "not_found", "There is no such file.");

/**
 * Maps a URL path to a file under `distDir`, or undefined when it must not be served.
 * Decodes once, then refuses `..` segments, backslashes and NUL outright (so `..%2f`,
 * `%2e%2e/` and `..\` are refused however they were spelled), and finally checks the resolved
 * path is still inside distDir.
 */
export function resolveStaticPath(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  if (decoded.split("/").some((segment) => segment === "..")) return undefined;
  const root = resolve(distDir);
  const filePath = resolve(root, `.${decoded}`);
  return filePath.startsWith(root + sep) ? filePath : undefined;
}

/** Hashed build assets never change; everything else is revalidated, and index.html never stored. */
function cacheControlFor(urlPath: string, filePath: string): string {
  if (filePath.endsWith(`${sep}index.html`)) return "no-store";
  if (urlPath.startsWith("/assets/")) return "public, max-age=31536000, immutable";
  return "no-cache";
}

async function fileSize(filePath: string): Promise<number | undefined> {
  try {
    const stats = await stat(filePath);
    // Directories are never listed; they fall through to the SPA fallback or a 404.
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET/HEAD for the built app. Paths without an extension that match no file get index.html
 * (client-side routes); missing files with an extension are 404.
 */
export async function serveStaticFile(request: IncomingMessage, response: ServerResponse, distDir: string): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") throw methodNotAllowed(["GET", "HEAD"]);
  const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
  const requestedPath = urlPath === "/" ? "/index.html" : urlPath;
  let filePath = resolveStaticPath(distDir, requestedPath);
  if (filePath === undefined) throw notFound();

  let size = await fileSize(filePath);
  const wantsPage = requestedPath === "/index.html" || extname(requestedPath) === "";
  if (size === undefined && wantsPage) {
    filePath = resolve(distDir, "index.html");
    size = await fileSize(filePath);
    if (size === undefined) {
      throw new HttpError(503, "app_not_built", "The app is not built: run `npm run build`, then restart the server.");
    }
  }
  if (size === undefined) throw notFound();

  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(filePath).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": String(size),
    "Cache-Control": cacheControlFor(urlPath, filePath),
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  await pipeline(createReadStream(filePath), response);
}
