import { chmod, readFile, writeFile } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import test from "ava";
import { findBrowser } from "../src/brochures/findBrowser.ts";
import { BrochurePrinter } from "../src/brochures/printer.ts";
import { runPamphlet, siteArgs, startPamphlet } from "./helpers/cli.ts";
import { biggerSite, fixtureSite } from "./helpers/fixtures.ts";
import { chromiumOf, commandLine, isAlive } from "./helpers/processes.ts";
import { until } from "./helpers/until.ts";

/** Inodes of the TCP sockets listening on this machine, from /proc/net/tcp and tcp6 (state 0A). */
function listeningSockets(): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = existsSync(table) ? readFileSyncSafe(table).split("\n").slice(1) : [];
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === "0A") inodes.add(fields[9]!);
    }
  }
  return inodes;
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The listening sockets `pid` holds open. */
function listeningSocketsOf(pid: number, listening: Set<string>): string[] {
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  return fds
    .map((fd) => {
      try {
        return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      } catch {
        return undefined;
      }
    })
    .filter((inode): inode is string => inode !== undefined && listening.has(inode));
}

const profileOf = (pid: number) => /--user-data-dir=(\S+)/.exec(commandLine(pid))?.[1];

test.serial("Chromium is driven over a pipe: no DevTools port is open for another local process to read file:// through", async (t) => {
  const server = http.createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>x</title><p>Printed"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.teardown(() => (server.closeAllConnections(), server.close()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const printer = new BrochurePrinter({ origin, tabs: 1, timeoutMs: 20_000 });
  t.teardown(() => printer.close());
  await printer.print({ url: `${origin}/` });
  const browsers = chromiumOf(process.pid);
  t.true(browsers.length > 0, "Chromium is running");
  for (const pid of browsers) t.notRegex(commandLine(pid), /--remote-debugging-port/, `process ${pid}`);
  t.true(browsers.some((pid) => /--remote-debugging-pipe/.test(commandLine(pid))));
  const listening = listeningSockets();
  const ports = browsers.flatMap((pid) => listeningSocketsOf(pid, listening));
  t.deepEqual(ports, [], "no Chromium process listens on a TCP port");
  const profile = browsers.map(profileOf).find(Boolean);
  t.truthy(profile);
  t.false(existsSync(path.join(profile!, "DevToolsActivePort")), "no DevToolsActivePort file announces one");
});

for (const signal of ["SIGKILL", "SIGHUP"] as const) {
  test.serial(`${signal} of Pamphlet mid-render: Chromium and its profile folder do not outlive it`, async (t) => {
    const site = await biggerSite(t);
    t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
    const run = startPamphlet(["brochures", "--force", "--formats", "letter,large", ...siteArgs(site)]);
    await run.waitFor(/\[\s*1\/\d+\]/);
    const browsers = chromiumOf(run.child.pid!);
    t.true(browsers.length > 0, "Chromium was running");
    const profiles = [...new Set(browsers.map(profileOf).filter((dir): dir is string => dir !== undefined))];
    t.true(profiles.length > 0 && profiles.every((dir) => existsSync(dir)));
    run.child.kill(signal);
    await run.exited;
    const gone = await until(() => browsers.every((pid) => !isAlive(pid)) && profiles.every((dir) => !existsSync(dir)), 15_000);
    t.deepEqual(browsers.filter(isAlive).map(commandLine), [], "no Chromium process left");
    t.deepEqual(
      profiles.filter((dir) => existsSync(dir)),
      [],
      "no profile folder left",
    );
    t.true(gone);
  });
}

test.serial("a Chromium that fails on its first start is started again: every brochure is made", async (t) => {
  const site = await fixtureSite(t);
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  const marker = path.join(site.root, "started-once");
  const flaky = path.join(site.root, "flaky-chromium");
  await writeFile(flaky, `#!/bin/sh\nif [ "$1" != --version ] && [ ! -e '${marker}' ]; then : > '${marker}'; exit 1; fi\nexec '${findBrowser()}' "$@"\n`);
  await chmod(flaky, 0o755);
  const run = await runPamphlet(["brochures", "--force", "--formats", "letter,large", ...siteArgs(site)], { env: { PUPPETEER_EXECUTABLE_PATH: flaky } });
  t.true(existsSync(marker), "the first start did fail");
  t.is(run.code, 0, run.stdout + run.stderr);
  t.regex(run.stdout + run.stderr, /Brochures: 4 made, 0 skipped \(unchanged\), 0 failed/);
  t.truthy(await readFile(path.join(site.brochuresDir, "sclerotherapy.large.pdf")));
});
