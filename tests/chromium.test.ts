import { spawn, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import path from "node:path";
import test, { type ExecutionContext } from "ava";
import { findBrowser } from "../src/brochures/findBrowser.ts";
import { BrochurePrinter } from "../src/brochures/printer.ts";
import { builtSite } from "./helpers/builtFixture.ts";
import { runPamphlet, siteArgs, startPamphlet } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
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

/** A loopback server answering every path with one small page; its origin. */
async function pageServer(t: ExecutionContext): Promise<string> {
  const server = http.createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>x</title><p>Printed"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.teardown(() => (server.closeAllConnections(), server.close()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const profileOf = (pid: number) => /--user-data-dir=(\S+)/.exec(commandLine(pid))?.[1];

test.serial("Chromium is driven over a pipe: no DevTools port is open for another local process to read file:// through", async (t) => {
  const origin = await pageServer(t);
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
  test.serial(`${signal} of Pamphlet mid-render: Chromium, its profile folder and its socket's folder do not outlive it`, async (t) => {
    const site = await builtSite(t, ["--formats", "letter"], "bigger");
    // Its own temporary folder, so every profile folder this run makes (however many Chromiums) can be counted.
    const tmp = path.join(site.root, "tmp");
    await mkdir(tmp);
    const run = startPamphlet(["brochures", "--force", "--formats", "letter,large", ...siteArgs(site)], { env: { TMPDIR: tmp } });
    await run.waitFor(/\[\s*1\/\d+\]/);
    const browsers = chromiumOf(run.child.pid!);
    t.true(browsers.length > 0, "Chromium was running");
    const profiles = [...new Set(browsers.map(profileOf).filter((dir): dir is string => dir !== undefined))];
    t.true(profiles.length > 0 && profiles.every((dir) => existsSync(dir)));
    run.child.kill(signal);
    await run.exited;
    const profilesLeft = () => readdirSync(tmp).filter((name) => name.startsWith("pamphlet-chromium-"));
    const gone = await until(() => browsers.every((pid) => !isAlive(pid)) && profilesLeft().length === 0, 15_000);
    t.deepEqual(browsers.filter(isAlive).map(commandLine), [], "no Chromium process left");
    t.deepEqual(
      profiles.filter((dir) => existsSync(dir)),
      [],
      "no profile folder left",
    );
    // Prints still waiting for a tab when the printer closed started a new Chromium, which nothing closed.
    t.deepEqual(profilesLeft(), [], "no other Chromium was started meanwhile");
    t.true(gone);
    // The folder of Chromium's socket (org.chromium.Chromium.*) was left by every killed Chromium.
    t.true(await until(() => readdirSync(tmp).length === 0, 5_000), `nothing of Chromium's left: ${readdirSync(tmp).join(", ")}`);
  });
}

test.serial(
  "a profile folder a killed Pamphlet left an hour ago is removed by a later start; a running one's, a recent one and what is not Chromium's are kept",
  async (t) => {
    const site = await builtSite(t, ["--formats", "letter"]);
    const tmp = path.join(site.root, "tmp");
    // What a SIGKILL during Chromium's start leaves: the folder (named with the pid of a Pamphlet now gone), and its socket's folder.
    const endedPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const orphan = path.join(tmp, `pamphlet-chromium-${endedPid}-AbCdEf`);
    const socketFolder = path.join(tmp, "org.chromium.Chromium.AbCdEf");
    const running = path.join(tmp, `pamphlet-chromium-${process.pid}-AbCdEf`);
    // Gone as far as this pid namespace can tell, but changed a minute ago: perhaps a Pamphlet in another namespace.
    const recent = path.join(tmp, `pamphlet-chromium-${endedPid}-GhIjKl`);
    // Planted: a gone pid's "profile" whose socket link leads to a folder that is not Chromium's.
    const planted = path.join(tmp, `pamphlet-chromium-${endedPid}-MnOpQr`);
    const victim = path.join(tmp, "victim");
    for (const folder of [path.join(orphan, "Default"), socketFolder, running, recent, planted, victim]) await mkdir(folder, { recursive: true });
    await writeFile(path.join(socketFolder, "SingletonSocket"), "");
    await symlink(path.join(socketFolder, "SingletonSocket"), path.join(orphan, "SingletonSocket"));
    await symlink(path.join(victim, "SingletonSocket"), path.join(planted, "SingletonSocket"));
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const folder of [orphan, planted]) await utimes(folder, hoursAgo, hoursAgo);
    const run = await runPamphlet(["brochures", "--force", "--formats", "letter", ...siteArgs(site)], { env: { TMPDIR: tmp } });
    t.is(run.code, 0, run.output);
    t.deepEqual(
      readdirSync(tmp).sort(),
      [running, recent, victim].map((folder) => path.basename(folder)).sort(),
      "the orphan and its socket's folder removed, the planted one too, but not the folder its link named",
    );
  },
);

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

test.serial("Ctrl-C while Chromium is still starting stops the start: no Chromium, no profile folder left, the run ends by the signal", async (t) => {
  const site = await fixtureSite(t);
  const pidFile = path.join(site.root, "slow-chromium-pid");
  const slow = path.join(site.root, "slow-chromium");
  // A start that takes a minute (a cold disk, a loaded machine): the wrapper waits, then is Chromium.
  const script = [
    "#!/bin/sh",
    `if [ "$1" != --version ]; then echo $$ > '${pidFile}.part'; mv '${pidFile}.part' '${pidFile}'; sleep 60; fi`,
    `exec '${findBrowser()}' "$@"`,
    "",
  ];
  await writeFile(slow, script.join("\n"));
  await chmod(slow, 0o755);
  const run = startPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { env: { PUPPETEER_EXECUTABLE_PATH: slow } });
  t.true(await until(() => existsSync(pidFile), 60_000), "Chromium's start began");
  const pid = Number(readFileSync(pidFile, "utf8"));
  const profile = profileOf(pid);
  t.true(profile !== undefined && existsSync(profile), "with its profile folder");
  run.child.kill("SIGINT");
  t.is(await run.exited, 130, run.output());
  /** Whether anything of the start is left: Chromium runs in a process group of its own. */
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  t.true(await until(() => !groupAlive() && !existsSync(profile!), 15_000), "the start was stopped and its profile folder removed");
});

test.serial(
  "Ctrl-C while Chromium's start hangs (its pipe held open by another process): the run ends by the signal, its profile folder removed",
  async (t) => {
    const site = await fixtureSite(t);
    const argsFile = path.join(site.root, "hung-chromium-args");
    const holderFile = path.join(site.root, "pipe-holder-pid");
    const hung = path.join(site.root, "hung-chromium");
    // Seen on a loaded machine: Puppeteer killed Chromium's process group, but its launch never settled, the
    // cleanups' limit passed, and the profile folder stayed. Here a process of its own session keeps the pipe
    // (fds 3 and 4) open, so Puppeteer never hears the end of the "Chromium" that never answers.
    const script = [
      "#!/bin/sh",
      `if [ "$1" = --version ]; then exec '${findBrowser()}' "$@"; fi`,
      `setsid sh -c 'echo $$ > "${holderFile}"; exec sleep 120' &`,
      `echo "$@" > '${argsFile}.part'; mv '${argsFile}.part' '${argsFile}'`,
      "exec sleep 120",
      "",
    ];
    await writeFile(hung, script.join("\n"));
    await chmod(hung, 0o755);
    t.teardown(() => {
      try {
        process.kill(Number(readFileSync(holderFile, "utf8")), "SIGKILL");
      } catch {
        // never started, or already gone
      }
    });
    const run = startPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { env: { PUPPETEER_EXECUTABLE_PATH: hung } });
    t.true(await until(() => existsSync(argsFile) && existsSync(holderFile), 60_000), "the start began");
    const profile = /--user-data-dir=(\S+)/.exec(readFileSync(argsFile, "utf8"))?.[1];
    t.true(profile !== undefined && existsSync(profile), "with its profile folder");
    run.child.kill("SIGINT");
    t.is(await run.exited, 130, run.output());
    t.false(existsSync(profile!), "no profile folder left");
  },
);

test.serial("a Chromium start asked for once a signal's cleanups have begun is refused: no Chromium, no profile folder", async (t) => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "pamphlet-stopping-"));
  t.teardown(() => rm(tmp, { recursive: true, force: true }));
  const script = path.join(tmp, "late-start.mts");
  const source = (file: string) => JSON.stringify(new URL(`../src/${file}`, import.meta.url).href);
  await writeFile(
    script,
    [
      `import { exitCleanlyOnSignals, isStopping, onInterrupt } from ${source("shared/interrupt.ts")};`,
      `import { launchBrowser } from ${source("brochures/launchBrowser.ts")};`,
      "exitCleanlyOnSignals();",
      "// A cleanup that takes a while, as closing Chromium does: the start is asked for meanwhile.",
      "onInterrupt(() => new Promise((resolve) => setTimeout(resolve, 3000)));",
      'process.kill(process.pid, "SIGINT");',
      "while (!isStopping()) await new Promise((resolve) => setTimeout(resolve, 5));",
      'const said = await launchBrowser().then((browser) => (browser.close(), "started"), (error) => "refused: " + error.message);',
      'process.stdout.write(said + "\\n");',
      "",
    ].join("\n"),
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TMPDIR: tmp } });
  let said = "";
  child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal === "SIGINT" ? 130 : code)));
  t.is(await exited, 130, said);
  t.regex(said, /^refused: Chromium was not started: Pamphlet is stopping\./);
  t.deepEqual(
    readdirSync(tmp).filter((name) => name.startsWith("pamphlet-chromium-")),
    [],
    "no profile folder",
  );
});

test.serial("a process that exits while Chromium is still starting leaves no profile folder", async (t) => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "pamphlet-exiting-"));
  const pidFile = path.join(tmp, "slow-chromium-pid");
  t.teardown(async () => {
    try {
      process.kill(-Number(readFileSync(pidFile, "utf8")), "SIGKILL");
    } catch {
      // never started, or already gone
    }
    await rm(tmp, { recursive: true, force: true });
  });
  // A start that has not settled (a slow Chromium) when something calls process.exit: once seen in CI as
  // an empty profile folder left in /tmp, with no Chromium ever run in it.
  const slow = path.join(tmp, "slow-chromium");
  await writeFile(slow, ["#!/bin/sh", `echo $$ > '${pidFile}.part'; mv '${pidFile}.part' '${pidFile}'`, "exec sleep 60", ""].join("\n"));
  await chmod(slow, 0o755);
  const script = path.join(tmp, "exit-while-starting.mts");
  const source = (file: string) => JSON.stringify(new URL(`../src/${file}`, import.meta.url).href);
  await writeFile(
    script,
    [
      'import { existsSync } from "node:fs";',
      `import { launchBrowser } from ${source("brochures/launchBrowser.ts")};`,
      "launchBrowser().catch(() => undefined);",
      "// Time passes until the start is under way, its Chromium spawned.",
      `while (!existsSync(${JSON.stringify(pidFile)})) await new Promise((resolve) => setTimeout(resolve, 5));`,
      "process.exit(0);",
      "",
    ].join("\n"),
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, TMPDIR: tmp, PUPPETEER_EXECUTABLE_PATH: slow },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  t.is(await new Promise<number | null>((resolve) => child.on("exit", resolve)), 0, stderr);
  t.true(existsSync(pidFile), "the start was under way");
  t.deepEqual(
    readdirSync(tmp).filter((name) => name.startsWith("pamphlet-chromium-")),
    [],
    "no profile folder",
  );
});

test.serial("a Chromium started behind a wrapper in a session of its own is ended by closeBrowser too", async (t) => {
  const { closeBrowser, launchBrowser } = await import("../src/brochures/launchBrowser.ts");
  const tmp = await mkdtemp(path.join(os.tmpdir(), "pamphlet-wrapper-"));
  t.teardown(() => rm(tmp, { recursive: true, force: true }));
  // As flatpak or firejail do: the real Chromium runs in another session, out of the wrapper's process group.
  const wrapper = path.join(tmp, "session-wrapper");
  await writeFile(wrapper, ["#!/bin/sh", `exec setsid --fork --wait '${findBrowser()}' "$@"`, ""].join("\n"));
  await chmod(wrapper, 0o755);
  const chosen = process.env.PUPPETEER_EXECUTABLE_PATH;
  process.env.PUPPETEER_EXECUTABLE_PATH = wrapper;
  t.teardown(() => void (chosen === undefined ? delete process.env.PUPPETEER_EXECUTABLE_PATH : (process.env.PUPPETEER_EXECUTABLE_PATH = chosen)));
  const browser = await launchBrowser();
  const profile = browser.process()!.spawnargs.find((arg) => arg.startsWith("--user-data-dir="))!;
  const chromiums = () => readdirSync("/proc").filter((pid) => /^\d+$/.test(pid) && isAlive(Number(pid)) && commandLine(Number(pid)).includes(profile));
  t.true(chromiums().length > 0, "Chromium runs with that profile");
  await closeBrowser(browser);
  t.true(await until(() => chromiums().length === 0, 10_000), `left running: ${chromiums().join(", ")}`);
});

/** A Chromium that notes, each time it starts, whether the site folder was there yet. */
async function chromiumNotingSite(root: string, siteDir: string) {
  const notes = path.join(root, "chromium-starts");
  const wrapper = path.join(root, "noting-chromium");
  await writeFile(
    wrapper,
    [
      "#!/bin/sh",
      `if [ "$1" != --version ]; then if [ -d '${siteDir}' ]; then echo after >> '${notes}'; else echo before >> '${notes}'; fi; fi`,
      `exec '${findBrowser()}' "$@"`,
      "",
    ].join("\n"),
  );
  await chmod(wrapper, 0o755);
  return { env: { PUPPETEER_EXECUTABLE_PATH: wrapper }, starts: () => (existsSync(notes) ? readFileSync(notes, "utf8").split("\n").filter(Boolean) : []) };
}

test.serial("build starts Chromium beside the site build, not after it: once, before the site is there", async (t) => {
  const site = await fixtureSite(t);
  const chromium = await chromiumNotingSite(site.root, site.siteDir);
  const run = await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { env: chromium.env });
  t.is(run.code, 0, run.output);
  t.deepEqual(chromium.starts(), ["before"]);
  t.truthy(await readFile(path.join(site.brochuresDir, "sclerotherapy.pdf")));
});

test.serial("a build whose site fails to build closes the Chromium it started: no process and no profile folder left", async (t) => {
  const site = await fixtureSite(t);
  await mkdir(path.join(site.root, "templates", "partials"), { recursive: true });
  await writeFile(path.join(site.root, "templates", "partials", "at-a-glance.njk"), "{% if unclosed %}\n");
  const chromium = await chromiumNotingSite(site.root, site.siteDir);
  const run = startPamphlet(["build", "--formats", "letter", ...siteArgs(site)], { env: chromium.env });
  const seen = new Set<number>();
  const profiles = new Set<string>();
  const watching = setInterval(() => {
    for (const pid of chromiumOf(run.child.pid!)) {
      seen.add(pid);
      const profile = profileOf(pid);
      if (profile) profiles.add(profile);
    }
  }, 20);
  t.is(await run.exited, 1, run.output());
  clearInterval(watching);
  t.regex(run.stderr(), /at-a-glance\.njk/, "the template is named");
  t.deepEqual(chromium.starts(), ["before"], "Chromium had been started");
  t.true(seen.size > 0 && profiles.size > 0, "and was seen running, with its profile folder");
  t.true(await until(() => [...seen].every((pid) => !isAlive(pid)) && [...profiles].every((dir) => !existsSync(dir)), 15_000), "none left");
});

test.serial("a printer given an early Chromium that cannot start, then closed with nothing printed, starts no other and ends cleanly", async (t) => {
  const { launchEarly } = await import("../src/brochures/launchBrowser.ts");
  const site = await fixtureSite(t);
  const starts = path.join(site.root, "starts");
  const broken = path.join(site.root, "broken-chromium");
  await writeFile(broken, `#!/bin/sh\necho start >> '${starts}'\nexit 1\n`);
  await chmod(broken, 0o755);
  const before = process.env.PUPPETEER_EXECUTABLE_PATH;
  process.env.PUPPETEER_EXECUTABLE_PATH = broken;
  t.teardown(() => (before === undefined ? delete process.env.PUPPETEER_EXECUTABLE_PATH : (process.env.PUPPETEER_EXECUTABLE_PATH = before)));
  const early = launchEarly();
  const printer = new BrochurePrinter({ origin: "http://127.0.0.1:9", browser: early.browser });
  await t.throwsAsync(early.browser, undefined, "the early start fails");
  await new Promise((resolve) => setTimeout(resolve, 1500)); // lets time pass in which a stray second start would run (and fail, unhandled)
  await printer.close();
  await early.close();
  t.is(readFileSync(starts, "utf8"), "start\n", "Chromium was started once, for the early start only");
});

test.serial(
  "the early Chromium is closed once, one after the other or at the same moment: a second close wrote to a pipe Chromium had shut (ECONNRESET)",
  async (t) => {
    const { launchEarly } = await import("../src/brochures/launchBrowser.ts");
    const origin = await pageServer(t);
    let closes = 0;
    /** An early Chromium whose closes are counted, handed to a printer that prints one page. */
    const printedWithEarly = async () => {
      const early = launchEarly();
      t.teardown(() => early.close());
      const counted = early.browser.then((browser) => {
        const close = browser.close.bind(browser);
        browser.close = () => (closes++, close());
        return browser;
      });
      const printer = new BrochurePrinter({ origin, tabs: 1, browser: counted });
      await printer.print({ url: `${origin}/` });
      return { printer, early };
    };
    const first = await printedWithEarly();
    await first.printer.close();
    await first.early.close();
    // As a signal's cleanups and the run's own do: both at the same moment.
    const second = await printedWithEarly();
    await Promise.all([second.printer.close(), second.early.close()]);
    t.is(closes, 2, "each of the two Chromiums closed once");
  },
);

test.serial(
  "a printer closed with an early Chromium leaves its shutdown to the giver: build publishes meanwhile, and the giver's close waits for it",
  async (t) => {
    const { launchEarly } = await import("../src/brochures/launchBrowser.ts");
    const origin = await pageServer(t);
    const early = launchEarly();
    t.teardown(() => early.close());
    const printer = new BrochurePrinter({ origin, tabs: 1, browser: early.browser });
    await printer.print({ url: `${origin}/` });
    const browser = await early.browser;
    const chromium = browser.process()!;
    await printer.close();
    t.true(browser.connected, "the printer's close returned without waiting for the early Chromium to shut down");
    await early.close();
    t.false(browser.connected);
    t.false(chromium.exitCode === null && chromium.signalCode === null, "Chromium's process has ended once the giver's close returns");
  },
);

test.serial("a printer prints in the blank tab Chromium starts with before it opens another: no idle tab is made and left", async (t) => {
  const { launchEarly } = await import("../src/brochures/launchBrowser.ts");
  const origin = await pageServer(t);
  for (const tabs of [1, 2]) {
    const early = launchEarly();
    t.teardown(() => early.close());
    const browser = await early.browser;
    const printer = new BrochurePrinter({ origin, tabs, browser: early.browser });
    t.teardown(() => printer.close());
    await Promise.all([printer.print({ url: `${origin}/a` }), printer.print({ url: `${origin}/b` })]);
    const urls = (await browser.pages()).map((page) => new URL(page.url()).pathname).sort();
    t.deepEqual(urls, tabs === 1 ? ["/b"] : ["/a", "/b"], `${tabs} tab(s): the pages printed, and no blank tab beside them`);
  }
});
