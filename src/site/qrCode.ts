import QRCode from "qrcode";

/** An inline SVG QR code for `url`, labelled for screen readers and tagged PDFs. */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const escapedLabel = label.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return svg.replace("<svg ", `<svg role="img" aria-label="${escapedLabel}" class="qr-code" `);
}
