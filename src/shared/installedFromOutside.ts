import path from "node:path";

/**
 * What to do when package.json installs Pamphlet from a file outside the clinic's folder (`file:../…`,
 * as `npm install ../pamphlet-0.2.0.tgz` writes it): the publish workflow's `npm ci` runs on a fresh
 * machine, where that file is not. Undefined when it installs from anywhere else.
 */
export function installedFromOutside(spec: string): string | undefined {
  if (!/^file:(\.\.|\/)/.test(spec)) return undefined;
  return (
    `package.json installs Pamphlet from ${spec.slice("file:".length)}, outside this folder, where the publish workflow's npm ci cannot reach it: ` +
    `copy the tarball into this folder and run npm install ./${path.basename(spec)}`
  );
}
