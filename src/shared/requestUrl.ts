import type http from "node:http";

/**
 * A request's address on this server, its target read as a path: `//` is not taken for the start of
 * another host (`new URL("//", base)` throws; `//etc/passwd` would be host "etc"), and a target in
 * absolute form (`http://elsewhere/`) is read as `/`.
 */
export const requestUrl = (request: http.IncomingMessage): URL => new URL(`http://localhost${request.url?.startsWith("/") ? request.url : "/"}`);
