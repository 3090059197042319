/**
 * The label a screen pairs under, as admins see it in the list: the view
 * and the browser, e.g. `Wall · Chrome`. Short on purpose; the full user
 * agent says more than an admin needs and changes with every update.
 */

/** Browser names by user-agent token, most specific first (Edge and Opera also say Chrome, Chrome also says Safari). */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bElectron\//, 'Desktop app'],
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bFirefox\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/(Chrome|CriOS)\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

export function browserName(userAgent: string): string {
  return BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Browser';
}

/** The view's name from the route path, e.g. `/wall` → `wall`; `page` for the root. */
export function viewOfPath(path: string): string {
  return /^\/([a-z][a-z0-9-]*)/i.exec(path)?.[1]?.toLowerCase() ?? 'page';
}

export function deviceLabel(view: string, userAgent: string): string {
  return `${view.charAt(0).toUpperCase()}${view.slice(1)} · ${browserName(userAgent)}`;
}
