import type { Clinic } from "./clinicSchema.ts";

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, 1 to 21. */
function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Where the templates put each brand colour against what (all text, so WCAG AA's 4.5:1 applies). */
const pairings = [
  { field: "primary", against: "#ffffff", where: "white text on it (site header, tri-fold cover) and it as link and heading text on white" },
  { field: "primary", against: "#eef3f8", where: "it as heading text on the light tint of the at-a-glance panels" },
  { field: "accent", against: "#ffffff", where: "it as small text on white (category labels)" },
] as const;

const minimumTextContrast = 4.5;

/** Brand colour pairings that would fail WCAG 2.2 AA, with what to do. */
export function brandContrastProblems(colors: Clinic["colors"]): Array<{ field: string; message: string }> {
  return pairings.flatMap(({ field, against, where }) => {
    const colour = colors[field];
    const ratio = contrastRatio(colour, against);
    if (ratio >= minimumTextContrast) return [];
    return [
      {
        field,
        message:
          `"colors.${field}" ${colour} has a contrast of ${ratio.toFixed(2)}:1 against ${against}, where the site shows ${where}; ` +
          `text needs at least ${minimumTextContrast}:1 (WCAG 2.2 AA): choose a darker colour`,
      },
    ];
  });
}
