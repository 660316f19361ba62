import http from "node:http";
import type { AddressInfo } from "node:net";
import test from "ava";
import { devEvents } from "./helpers/events.ts";

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

test("a wait for a dev server event left behind ends with the listener: it does not keep the test file's process alive", async (t) => {
  const server = http.createServer((_, response) => response.writeHead(200, { "content-type": "text/event-stream" }).write(": open\n\n"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.teardown(() => (server.closeAllConnections(), server.close()));
  const events = await devEvents(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const before = timers();
  events.next("reload", 60_000).catch(() => undefined); // the page showed the edit first: nobody awaits its reload
  t.is(timers(), before + 1);
  events.close();
  t.is(timers(), before, "no timer left running for a minute");
});
