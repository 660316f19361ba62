/** The site's languages: clinic.yaml's `languages`, the default language first. */
export const siteLanguages = <L extends string>(clinic: { defaultLanguage: L; languages?: readonly L[] }): L[] => [
  clinic.defaultLanguage,
  ...(clinic.languages ?? []).filter((lang) => lang !== clinic.defaultLanguage),
];
