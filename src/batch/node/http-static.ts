/**
 * A small static file server for the planner's page (dist/web): GET and HEAD only, files under
 * one root folder (no path may leave it), content types for the page's files, no caching (a
 * rebuilt page is picked up on reload), and nothing else: the page works the same from any
 * static host. Node-only.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

/** Content types by file extension. */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a request path names under `root`, or null when it would leave the root. */
export function fileFor(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  const rel = normalize(path.endsWith("/") ? `${path}index.html` : path).replace(/^([/\\])+/, "");
  const file = resolve(root, rel);
  const base = resolve(root);
  return file === base || file.startsWith(base + sep) ? file : null;
}

/** A running static server: its URL and how to stop it. */
export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `root` on host:port (port 0 picks a free one); resolves once listening. */
export async function serveStatic(root: string, host: string, port: number): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const send = (code: number, text: string) => {
      res.writeHead(code, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    const file = fileFor(root, req.url ?? "/");
    if (file === null) return send(403, "forbidden\n");
    try {
      const s = await stat(file);
      if (!s.isFile()) return send(404, "not found\n");
      res.writeHead(200, {
        "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "content-length": String(s.size),
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).on("error", () => res.destroy()).pipe(res);
    } catch {
      send(404, "not found\n");
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The folder of the built page beside this module's bundle (dist/web), or from source the repository's dist/web. */
export function defaultWebRoot(moduleUrl: string): string {
  const here = new URL(".", moduleUrl);
  return moduleUrl.endsWith(".ts") ? join(new URL("../../../dist/web/", moduleUrl).pathname) : join(here.pathname, "web");
}
