import { execFileSync } from "node:child_process";
import { chmod, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import test from "ava";
import { runChecks } from "../src/check/runChecks.ts";
import { formatProblem } from "../src/shared/problem.ts";
import { fixtureSite, procedureText, type FixtureSite } from "./helpers/fixtures.ts";
import { joinedRegExp } from "./helpers/joinedRegExp.ts";

const today = new Date("2026-11-24T12:00:00Z");

/** The basic fixture with a Spanish sclerotherapy guide reviewed on `reviewed`, committed to a fresh git repository on 2026-10-01. */
async function bilingualRepo(
  t: import("ava").ExecutionContext,
  reviewed = "2026-10-01",
): Promise<FixtureSite & { commit: (message: string, date: string) => void }> {
  const site = await fixtureSite(t);
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  await mkdir(path.join(site.contentDir, "es", "procedures"), { recursive: true });
  await writeFile(
    path.join(site.contentDir, "es", "procedures", "sclerotherapy.md"),
    procedureText({ title: "Escleroterapia", lastReviewed: reviewed }, "## Qué es\n\nUnas inyecciones cierran las venas.\n"),
  );
  const commit = newRepository(site.contentDir);
  commit("Sclerotherapy in English and Spanish", "2026-10-01");
  return { ...site, commit };
}

/** A fresh git repository in `folder`, and a way to commit everything in it as of a day. */
function newRepository(folder: string): (message: string, date: string) => void {
  const git = (args: string[], date?: string) =>
    execFileSync("git", ["-c", "user.name=Writer", "-c", "user.email=writer@clinic.test", "-c", "commit.gpgsign=false", ...args], {
      cwd: folder,
      stdio: "ignore",
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` } : {}) },
    });
  git(["init", "-q"]);
  return (message, date) => {
    git(["add", "-A"]);
    git(["commit", "-q", "-m", message], date);
  };
}

const staleFindings = async (site: FixtureSite) =>
  (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.rule === "stale-translation").map((problem) => formatProblem(problem));

test("stale translation: an English edit committed after the Spanish review date is an error at the Spanish lastReviewed, naming the commit", async (t) => {
  const site = await bilingualRepo(t);
  t.deepEqual(await staleFindings(site), [], "nothing changed since the review");
  const english = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(english, (await readFile(english, "utf8")).replace("## What it is", "## What it is\n\nA new sentence.\n"));
  t.deepEqual(await staleFindings(site), [], "an edit not yet committed is not history yet");
  site.commit("Sclerotherapy: say how long the session takes", "2026-11-02");
  const found = await staleFindings(site);
  t.is(found.length, 1, found.join("\n"));
  t.regex(
    found[0]!,
    joinedRegExp(
      /es\/procedures\/sclerotherapy\.md:\d+:1 {2}error {2}/,
      /\S*procedures\/sclerotherapy\.md changed on 2026-11-02 \(commit [0-9a-f]{7,} "Sclerotherapy: say how long the session takes"\), /,
      /after this translation was last reviewed \(2026-10-01\)/,
    ),
  );
  const spanish = await readFile(path.join(site.contentDir, "es", "procedures", "sclerotherapy.md"), "utf8");
  const line = Number(/:(\d+):1/.exec(found[0]!)![1]);
  t.true(spanish.split("\n")[line - 1]!.startsWith("lastReviewed:"), "points at the translation's lastReviewed");
});

// Serial: it puts a git that notes its calls first on this process's PATH.
test.serial("stale translation: the history is read once per commit, not on every check (the dev server checks on each save)", async (t) => {
  const site = await bilingualRepo(t);
  const calls = path.join(site.root, "git-calls.log");
  const shim = path.join(site.root, "bin");
  await mkdir(shim);
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  await writeFile(path.join(shim, "git"), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
  await chmod(path.join(shim, "git"), 0o755);
  const path0 = process.env.PATH;
  process.env.PATH = `${shim}${path.delimiter}${path0}`;
  t.teardown(() => {
    process.env.PATH = path0;
  });
  const logs = async () => (await readFile(calls, "utf8").catch(() => "")).split("\n").filter((call) => / log /.test(call) && call.includes(site.contentDir));
  await staleFindings(site);
  await staleFindings(site);
  t.is((await logs()).length, 1, "two checks at the same commit: one git log");
  const english = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(english, (await readFile(english, "utf8")).replace("## What it is", "## What it is\n\nA new sentence.\n"));
  site.commit("Sclerotherapy: a new sentence", "2026-11-02");
  t.is((await staleFindings(site)).length, 1, "a new commit is read: the translation is stale");
  t.is((await logs()).length, 2);
});

const withoutGit =
  "stale translation: a translation reviewed on or after the English edit passes; an English review after the Spanish one is flagged without git";
test(withoutGit, async (t) => {
  const site = await bilingualRepo(t, "2026-11-05");
  const english = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(english, (await readFile(english, "utf8")).replace("## What it is", "## What it is\n\nA new sentence.\n"));
  site.commit("An edit reviewed in both languages", "2026-11-05");
  t.deepEqual(await staleFindings(site), []);

  const noGit = await fixtureSite(t);
  const clinicFile = path.join(noGit.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}languages: [en, es]\n`);
  await mkdir(path.join(noGit.contentDir, "es", "procedures"), { recursive: true });
  await writeFile(
    path.join(noGit.contentDir, "es", "procedures", "sclerotherapy.md"),
    procedureText({ title: "Escleroterapia", lastReviewed: "2026-09-01" }, "## Qué es\n\nUnas inyecciones cierran las venas.\n"),
  );
  const found = await staleFindings(noGit);
  t.is(found.length, 1, found.join("\n"));
  t.regex(found[0]!, /was reviewed on 2026-10-01, after this translation \(2026-09-01\)/);
});

test("stale translation: each translation is held against its own original's last commit, also when check reads the folder through a symlink", async (t) => {
  const site = await bilingualRepo(t);
  await writeFile(
    path.join(site.contentDir, "es", "procedures", "compression-therapy.md"),
    procedureText({ title: "Terapia de compresión", lastReviewed: "2026-10-01" }, "## Qué es\n\nUnas medias aprietan las piernas.\n"),
  );
  site.commit("Compression therapy in Spanish", "2026-10-01");
  const edit = async (slug: string, sentence: string) => {
    const english = path.join(site.contentDir, "procedures", `${slug}.md`);
    await writeFile(
      english,
      (await readFile(english, "utf8")).replace(/^## .*$/m, (heading) => `${heading}\n\n${sentence}\n`),
    );
  };
  await edit("compression-therapy", "Wear them every day.");
  site.commit("Compression therapy: wear them every day", "2026-11-03");
  await edit("sclerotherapy", "It takes half an hour.");
  site.commit("Sclerotherapy: half an hour", "2026-11-04");
  const linked = path.join(site.root, "linked-content");
  await symlink(site.contentDir, linked);
  for (const contentDir of [site.contentDir, linked]) {
    const found = await staleFindings({ ...site, contentDir });
    t.is(found.length, 2, found.join("\n"));
    t.regex(found.find((line) => line.includes("es/procedures/compression-therapy.md")) ?? "", /changed on 2026-11-03 \(commit \w+ "Compression therapy: wear/);
    t.regex(found.find((line) => line.includes("es/procedures/sclerotherapy.md")) ?? "", /changed on 2026-11-04 \(commit \w+ "Sclerotherapy: half an hour"/);
  }
});

const signOffFindings = async (site: FixtureSite) =>
  (await runChecks(site.contentDir, today)).problems.filter((problem) => problem.rule === "sign-off").map((problem) => formatProblem(problem));

test("sign-off: a guide whose text was committed after its lastReviewed needs a review, an error once released; recording one clears it", async (t) => {
  const site = await bilingualRepo(t);
  // The fixture's guides were reviewed before they were first committed: a first commit is no edit.
  t.deepEqual(await signOffFindings(site), [], "every guide as it was reviewed");
  const english = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(english, (await readFile(english, "utf8")).replace("## What it is", "## What it is\n\nChest pain is usually nothing to worry about.\n"));
  t.deepEqual(await signOffFindings(site), [], "an edit not yet committed is not history yet");
  site.commit("Sclerotherapy: reassure", "2026-11-02");
  const found = await signOffFindings(site);
  t.is(found.length, 1, found.join("\n"));
  t.regex(
    found[0]!,
    joinedRegExp(
      /procedures\/sclerotherapy\.md:\d+:1 {2}warning {2}changed on 2026-11-02 \(commit [0-9a-f]{7,} "Sclerotherapy: reassure"\), /,
      /after it was last reviewed \(2026-10-01 by Dr\. Test Reviewer \(fixture\)\), which its pages and brochures say: /,
      /have the change reviewed \(git show [0-9a-f]{7,} -- \S+sclerotherapy\.md\), then update lastReviewed and reviewer/,
    ),
  );
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}release: true\n`);
  t.true(
    (await signOffFindings(site)).every((line) => line.includes("  error  ")),
    "released, the publishing workflow waits for the review",
  );
  // Reviewed on 3 November, recorded the next day: a commit that changes only lastReviewed and reviewer is the sign-off.
  await writeFile(
    english,
    (await readFile(english, "utf8")).replace(/lastReviewed: "?2026-10-01"?/, 'lastReviewed: "2026-11-03"').replace(/reviewer: .*/, "reviewer: Dr. Ana Ruiz"),
  );
  site.commit("Dr Ruiz reviewed the reassurance edit on 3 November", "2026-11-04");
  t.deepEqual(await signOffFindings(site), []);
});

test("sign-off follows a guide across a rename: renamed as it was, it passes; an edit before the rename, after its review, is still found", async (t) => {
  const site = await bilingualRepo(t);
  const guide = (slug: string) => path.join(site.contentDir, "procedures", `${slug}.md`);
  const { rename } = await import("node:fs/promises");
  await rename(guide("compression-therapy"), guide("compression-stockings"));
  site.commit("Compression therapy: a clearer address", "2026-11-05");
  t.deepEqual(await signOffFindings(site), [], "a renamed guide is the reviewed guide (it was taken for a new one, unreviewed)");
  await writeFile(guide("sclerotherapy"), (await readFile(guide("sclerotherapy"), "utf8")).replace("## What it is", "## What it is\n\nA new line.\n"));
  site.commit("Sclerotherapy: a new line", "2026-11-06");
  await rename(guide("sclerotherapy"), guide("sclerotherapy-injections"));
  site.commit("Sclerotherapy: a clearer address", "2026-11-07");
  const found = await signOffFindings(site);
  t.is(found.length, 1, found.join("\n"));
  t.regex(found[0]!, /sclerotherapy-injections\.md:\d+:1 {2}warning {2}changed on 2026-11-06 \(commit \w+ "Sclerotherapy: a new line"\)/);
});

test("sign-off: a clinic's first guides, committed with init's sample deleted, count as reviewed (the deleted sample's commit is not theirs)", async (t) => {
  const { lastTextChanges } = await import("../src/check/gitHistory.ts");
  const { mkdtemp, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const root = await mkdtemp(path.join(tmpdir(), "pamphlet-first-guides-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await mkdir(path.join(root, "procedures"));
  const guide = (name: string) => path.join(root, "procedures", name);
  await writeFile(guide("sample.md"), "lastReviewed: 2026-01-01\nThe sample.\n");
  const commit = newRepository(root);
  commit("pamphlet init", "2026-01-05");
  const { rm: remove } = await import("node:fs/promises");
  await remove(guide("sample.md"));
  await writeFile(guide("our-guide.md"), "lastReviewed: 2026-01-01\nOur own guide, reviewed before it was committed.\n");
  commit("Our guides", "2026-02-01");
  t.deepEqual([...lastTextChanges([guide("our-guide.md")]).keys()], [], "the first commit of the guides there are");
});

test("sign-off in a shallow clone (a CI checkout's default) cannot date any change: said at clinic.yaml's release, an error once released", async (t) => {
  const site = await bilingualRepo(t);
  const guide = path.join(site.contentDir, "procedures", "sclerotherapy.md");
  await writeFile(guide, (await readFile(guide, "utf8")).replace("## What it is", "## What it is\n\nAn edit nobody reviewed.\n"));
  site.commit("Sclerotherapy: an edit", "2026-11-02");
  const clinicFile = path.join(site.contentDir, "_data", "clinic.yaml");
  await writeFile(clinicFile, `${await readFile(clinicFile, "utf8")}release: true\n`);
  site.commit("Released", "2026-11-03");
  const shallow = path.join(site.root, "shallow");
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${site.contentDir}`, shallow], { stdio: "ignore" });
  const found = await signOffFindings({ ...site, contentDir: shallow });
  t.is(found.length, 1, found.join("\n"));
  t.regex(
    found[0]!,
    joinedRegExp(
      /shallow\/_data\/clinic\.yaml:\d+:1 {2}error {2}this is a shallow clone .*cannot be checked.*/,
      /actions\/checkout with fetch-depth: 0; else git fetch --unshallow/,
    ),
  );
  t.is(found[0]!.split(":")[1], String((await readFile(clinicFile, "utf8")).split("\n").indexOf("release: true") + 1), "at the release line");
  t.regex((await signOffFindings(site))[0] ?? "", /sclerotherapy\.md.*error {2}changed on 2026-11-02/, "the whole history finds the edit");
});

test("git history: names with spaces, a line of text starting '-- ', more than 1 MiB of changes, a rename and a copy read right", async (t) => {
  const { lastTextChanges } = await import("../src/check/gitHistory.ts");
  const { mkdtemp, rm, rename } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const root = await mkdtemp(path.join(tmpdir(), "pamphlet-git history-"));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await mkdir(path.join(root, "clinic site"));
  const guide = (name: string) => path.join(root, "clinic site", name);
  await writeFile(guide("leg veins.md"), "lastReviewed: 2026-01-01\nText.\n");
  await writeFile(guide("other.md"), "lastReviewed: 2026-01-01\nText.\n");
  const commit = newRepository(root);
  commit("The guides", "2026-01-05");
  const changed = async () =>
    Object.fromEntries(
      [...lastTextChanges([guide("leg veins.md"), guide("other.md"), guide("copy.md"), guide("renamed.md")])].map(([file, change]) => [
        path.basename(file),
        change.date,
      ]),
    );
  t.deepEqual(await changed(), {}, "the first commit is the guides as reviewed");
  await writeFile(guide("leg veins.md"), "lastReviewed: 2026-01-01\nText.\n-- Stop your blood thinner the day before.\n");
  commit("A line that looks like a diff header", "2026-02-01");
  await writeFile(guide("other.md"), `lastReviewed: 2026-01-01\nText.\n${"A long line of text. ".repeat(60_000)}\n`);
  commit("More than 1 MiB", "2026-02-02");
  await writeFile(guide("copy.md"), "lastReviewed: 2026-01-01\nText.\n");
  commit("A copy of a reviewed guide", "2026-02-03");
  t.deepEqual(await changed(), { "leg veins.md": "2026-02-01", "other.md": "2026-02-02", "copy.md": "2026-02-03" });
  await rename(guide("copy.md"), guide("renamed.md"));
  commit("Renamed as it was", "2026-02-04");
  t.is((await changed())["renamed.md"], "2026-02-03", "a rename changes no text: its last change is its making, as a copy, under its old name");
});
