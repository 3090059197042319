/**
 * One colour per CAP severity, shared by the queue, the map markers and the
 * charts. The two that demand action now are reds (the theme's "act now"),
 * Moderate is the theme's amber ("look soon"), the rest stay cool.
 */
import type { CapSeverity } from '@protocol';

export const SEVERITY_COLORS: Readonly<Record<CapSeverity, string>> = {
  Extreme: '#ff2d6f',
  Severe: '#ff4d5e',
  Moderate: '#fbbf24',
  Minor: '#5b9dff',
  Unknown: '#93abc8',
};

/** A `#rrggbb` colour as bytes [r, g, b]. */
export function colorBytes(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`expected a #rrggbb colour, got ${JSON.stringify(hex)}`);
  return [Number.parseInt(match[1]!, 16), Number.parseInt(match[2]!, 16), Number.parseInt(match[3]!, 16)];
}
