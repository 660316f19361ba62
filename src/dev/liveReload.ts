import type http from "node:http";
import { requestUrl } from "../shared/requestUrl.ts";

/** Server-sent events to every open page: "reload" after a good rebuild, "problems" after a failed one. */
export class LiveReload {
  readonly #clients = new Set<http.ServerResponse>();
  #problems: string | undefined;
  /** When the site in place was swapped in (ms since the epoch): a page asked for before then is out of date. */
  #builtAt = 0;

  /**
   * A page connects once loaded, saying when it asked for its HTML (`?since=`, ms since the epoch). One
   * asked for before the last swap (it was still loading when that build's "reload" went out, so it
   * missed it) is told to reload at once: quick saves left such pages on an older build.
   */
  connect(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    response.write(": connected\n\n");
    const since = Number(requestUrl(request).searchParams.get("since"));
    if (since > 0 && since <= this.#builtAt) this.#send(response, "reload", "");
    if (this.#problems) this.#send(response, "problems", this.#problems);
    this.#clients.add(response);
    request.on("close", () => this.#clients.delete(response));
    return true;
  }

  reload(): void {
    this.#builtAt = Date.now();
    this.#problems = undefined;
    for (const client of this.#clients) this.#send(client, "reload", "");
  }

  showProblems(text: string): void {
    this.#problems = text;
    for (const client of this.#clients) this.#send(client, "problems", text);
  }

  /** The problems of the last failed rebuild, if the last rebuild failed. */
  get problems(): string | undefined {
    return this.#problems;
  }

  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }

  #send(client: http.ServerResponse, event: string, data: string): void {
    const lines = data
      .split("\n")
      .map((line) => `data: ${line}`)
      .join("\n");
    client.write(`event: ${event}\n${lines}\n\n`);
  }
}
