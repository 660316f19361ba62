import http from "node:http";
import type { AddressInfo } from "node:net";
import test from "ava";
import { readViewsManifest } from "../src/brochures/readViewsManifest.ts";

/** A loopback server answering the views manifest's URL with `status` and `body`; resolves with its origin. */
async function answering(t: { teardown: (fn: () => unknown) => void }, status: number, body: string): Promise<string> {
  const server = http.createServer((request, response) => {
    response.statusCode = request.url === "/clinic/print/views.json" ? status : 404;
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.teardown(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("the views manifest is read through the site's server, without fetch (its first use costs a build 35–50 ms)", async (t) => {
  const manifest = { slugs: ["sclerotherapy"], views: [{ kind: "image", url: "/share/", file: "home.png", lang: "en" }] };
  const origin = await answering(t, 200, JSON.stringify(manifest));
  const fetch = globalThis.fetch;
  let fetched = 0;
  globalThis.fetch = (...args) => (fetched++, fetch(...args));
  t.teardown(() => (globalThis.fetch = fetch));
  t.deepEqual(await readViewsManifest(`${origin}/clinic`), manifest);
  t.is(fetched, 0);
});

test("a views manifest that is missing, is not one, or cannot be reached says so, and what to do", async (t) => {
  await t.throwsAsync(readViewsManifest(`${await answering(t, 404, "Not found")}/clinic`), {
    message: /no list of brochures to print \(\/print\/views\.json answered 404\): build the site again/,
  });
  await t.throwsAsync(readViewsManifest(`${await answering(t, 200, "<html>")}/clinic`), { message: /is not a views manifest: build the site again/ });
  await t.throwsAsync(readViewsManifest(`${await answering(t, 200, '{"views": []}')}/clinic`), { message: /is not a views manifest/ });
  // Port 9 (discard): nothing listens there.
  await t.throwsAsync(readViewsManifest("http://127.0.0.1:9/clinic"), {
    message: /Could not read the list of brochures to print from http:\/\/127\.0\.0\.1:9\/clinic\/print\/views\.json/,
  });
});
