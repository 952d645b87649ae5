import { create } from 'qrcode'

/**
 * A QR code as one SVG path (made here, offline): the projector draws it with a plain <path>,
 * no generated markup inserted into the page.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const parts: string[] = []
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) parts.push(`M${x} ${y}h1v1h-1z`)
  }
  return { size: modules.size, d: parts.join('') }
}
