import { escapeHtml } from "../shared/escapeHtml.ts";
import QRCode from "qrcode";

const codes = new Map<string, Promise<string>>();

/** An inline SVG QR code for `url`, labelled for screen readers and tagged PDFs. */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  // Each procedure's print views in every format show the same code: make it once.
  if (!codes.has(url)) codes.set(url, QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 }));
  const svg = await codes.get(url)!;
  const escapedLabel = escapeHtml(label);
  return svg.replace("<svg ", `<svg role="img" aria-label="${escapedLabel}" class="qr-code" `);
}
