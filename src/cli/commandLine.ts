import type { Folders } from "../commands/options.ts";

/** Pamphlet's commands that are npm scripts: this repository's, and the clinic's that `init` writes (so every hint works in both). */
export const pamphletScripts = ["build", "dev", "check", "serve", "brochures", "setup"] as const;

/**
 * The command to tell the user to run, as they run Pamphlet: `npm run check` from an npm script
 * (this repository's, or the clinic's that `init` wrote), else `npx pamphlet check`; with the
 * `--content` and `--out` they gave, so the hint works when pasted.
 */
export function commandLine(
  command: string,
  folders?: Pick<Folders, "contentDir" | "contentGiven" | "outDir">,
  args: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): string {
  const extra = [
    ...args,
    ...(folders?.contentGiven ? ["--content", folders.contentDir] : []),
    ...(folders && folders.outDir !== "output" ? ["--out", folders.outDir] : []),
  ].map((word) => (/^[\w./:@-]+$/.test(word) ? word : JSON.stringify(word)));
  // An npm script of Pamphlet's own commands (this repository's, or the clinic's that init wrote); not
  // `npm test` or another tool's script that happens to run Pamphlet.
  if ((pamphletScripts as readonly string[]).includes(env.npm_lifecycle_event ?? ""))
    return ["npm run", command, ...(extra.length > 0 ? ["--", ...extra] : [])].join(" ");
  return ["npx pamphlet", command, ...extra].join(" ");
}
