import type http from "node:http";
import type { Clinic } from "../content/clinicSchema.ts";
import { adminContentSecurityPolicy, adminFile } from "./adminFiles.ts";
import { cmsLocalBackend } from "./localBackend.ts";

/** Where the dev server answers Decap's local backend protocol. */
const localBackendPath = "/__pamphlet/cms";

/**
 * `/admin/` in `pamphlet dev`: the browser editor, its config generated from the current clinic.yaml,
 * saving through the local backend into the content folder (the dev server has checked Host first).
 */
export function devEditorRoute(contentDir: string, currentClinic: () => Clinic | undefined) {
  const backend = cmsLocalBackend(contentDir);
  const policy = adminContentSecurityPolicy();
  return async function handle(url: URL, request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    if (url.pathname === localBackendPath) {
      await backend(request, response);
      return true;
    }
    if (url.pathname === "/admin") {
      response.writeHead(301, { location: "/admin/" });
      response.end();
      return true;
    }
    if (!url.pathname.startsWith("/admin/")) return false;
    const clinic = currentClinic();
    if (!clinic) {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      response.end("The editor opens once the content builds: fix the problems the terminal shows, save, then reload.\n");
      return true;
    }
    const siteUrl = `http://${request.headers.host ?? "localhost"}`;
    const file = await adminFile(url.pathname.slice("/admin/".length), clinic, { clinic, localBackend: localBackendPath, siteUrl }, policy);
    if (!file) return false;
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store", "content-security-policy": policy, "x-content-type-options": "nosniff" });
    response.end(file.body);
    return true;
  };
}
