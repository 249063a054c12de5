import { constants } from "node:fs";
import { open, realpath, type FileHandle } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, relative, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { connectionHeadersFor, HttpError, methodNotAllowed } from "./http-error";

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

/** Dotfiles (`.env`, `.git/…`) are never part of a build; a path with any such segment is not served. */
function hasDotSegment(segments: readonly string[]): boolean {
  return segments.some((segment) => segment.startsWith("."));
}

/**
 * Maps a URL path to a file under `distDir`, or undefined when it must not be served.
 * Decodes once, then refuses `..` and every other segment starting with a dot, backslashes and
 * NUL outright (so `..%2f`, `%2e%2e/`, `..\` and `/.env` are refused however they were spelled),
 * and finally checks the resolved path is still inside distDir. This check is lexical: symlinks
 * are judged by openServableFile.
 */
export function resolveStaticPath(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  if (hasDotSegment(decoded.split("/"))) return undefined;
  const root = resolve(distDir);
  const filePath = resolve(root, `.${decoded}`);
  return filePath.startsWith(root + sep) ? filePath : undefined;
}

interface ServableFile {
  handle: FileHandle;
  realPath: string;
  size: number;
}

/**
 * Opens `filePath` only if it is a regular file whose real path (symlinks resolved) is inside the
 * real build folder and has no dot segment there: a symlink in dist/ to /etc/passwd, or to a
 * dotfile, is treated as missing. The file is opened and then checked through its handle, so what
 * is checked is what is sent.
 */
async function openServableFile(distDir: string, filePath: string): Promise<ServableFile | undefined> {
  let handle: FileHandle | undefined;
  try {
    const [realRoot, realPath] = await Promise.all([realpath(distDir), realpath(filePath)]);
    const inside = relative(realRoot, realPath);
    if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || resolve(realRoot, inside) !== realPath) return undefined;
    if (hasDotSegment(inside.split(sep))) return undefined;
    // O_NONBLOCK: opening a FIFO someone placed in dist/ must not wait for a writer.
    handle = await open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stats = await handle.stat();
    // Directories, FIFOs and devices are never served; directories fall through to the SPA fallback or a 404.
    if (!stats.isFile()) {
      await handle.close();
      return undefined;
    }
    return { handle, realPath, size: stats.size };
  } catch {
    await handle?.close();
    return undefined;
  }
}

/** Hashed build assets never change; everything else is revalidated, and index.html never stored. */
function cacheControlFor(urlPath: string, filePath: string): string {
  if (filePath.endsWith(`${sep}index.html`)) return "no-store";
  if (urlPath.startsWith("/assets/")) return "public, max-age=31536000, immutable";
  return "no-cache";
}

/**
 * GET/HEAD for the built app. Paths without an extension that match no file get index.html
 * (client-side routes); missing files with an extension are 404.
 */
export async function serveStaticFile(request: IncomingMessage, response: ServerResponse, distDir: string): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") throw methodNotAllowed(["GET", "HEAD"]);
  const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
  const requestedPath = urlPath === "/" ? "/index.html" : urlPath;
  const filePath = resolveStaticPath(distDir, requestedPath);
  if (filePath === undefined) throw notFound();

  let file = await openServableFile(distDir, filePath);
  const wantsPage = requestedPath === "/index.html" || extname(requestedPath) === "";
  if (file === undefined && wantsPage) {
    file = await openServableFile(distDir, resolve(distDir, "index.html"));
    if (file === undefined) {
      throw new HttpError(503, "app_not_built", "The app is not built: run `npm run build`, then restart the server.");
    }
  }
  if (file === undefined) throw notFound();

  try {
    response.writeHead(200, {
      ...connectionHeadersFor(request, 200),
      "Content-Type": CONTENT_TYPES[extname(file.realPath).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": String(file.size),
      "Cache-Control": cacheControlFor(urlPath, file.realPath),
    });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    await pipeline(file.handle.createReadStream({ autoClose: false }), response);
  } finally {
    await file.handle.close();
  }
}
