import { z } from "zod";

/** Git hosts Decap CMS can save to from the published site's `/admin/`. */
const editorBackends = ["github", "gitlab", "git-gateway"] as const;

/**
 * clinic.yaml `editor:`: publishes the browser editor at `/admin/` and says where its saves go.
 * Without it the published site has no `/admin/` (`pamphlet dev` always has one, saving to the
 * content folder on this computer).
 */
export const editorSchema = z.strictObject({
  /** Where a save becomes a commit. */
  backend: z.enum(editorBackends),
  /** `owner/name` of the repository holding the content (not needed for git-gateway). */
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'must be the repository as owner/name, for example "maple-grove/clinic-site"')
    .optional(),
  branch: z
    .string()
    .regex(/^[\w./-]+$/, 'must be a branch name, for example "main"')
    .default("main"),
  /** The OAuth service that signs writers in to the Git host (for GitHub: your own OAuth proxy's address). */
  authUrl: z.url({ protocol: /^https$/, error: "must be the https address of the sign-in service, for example https://auth.example.com" }).optional(),
  /** Where the content folder sits inside the repository. */
  contentFolder: z
    .string()
    .regex(/^(?!\/)(?!.*\.\.)[\w./-]*$/, 'must be a folder inside the repository, for example "content"')
    .default("content"),
  /** Draft → ready for clinical review → published: a guide goes live only when someone approves it. */
  review: z.boolean().default(true),
});
