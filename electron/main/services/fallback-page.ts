/**
 * The page a window shows when its app page keeps failing. It is built here,
 * as a data: URL, because the bridge that normally serves pages may be the
 * thing that is down. Dark like the app, legible from across the room, in
 * both UI languages, and inert: no script may run in it.
 */

const BACKGROUND_COLOR = '#0a0e17';

/** A self-contained page saying why the app is not shown and when it is tried again. */
export function fallbackPageUrl(reason: string, retryDelayMs: number): string {
  const retryS = Math.round(retryDelayMs / 1000);
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>City Brain</title>
<style>
  html, body { height: 100%; margin: 0; background: ${BACKGROUND_COLOR}; color: #c9d4e5; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2vh; text-align: center; }
  h1 { font-size: 4vh; font-weight: 600; margin: 0; }
  p { font-size: 2.4vh; margin: 0; color: #8796ad; }
</style>
</head>
<body>
<h1>此屏幕暂时无法显示城市大脑</h1>
<h1 lang="en">This screen cannot show City Brain right now</h1>
<p>${escapeHtml(reason)}</p>
<p>每 ${retryS} 秒自动重试 · Retrying by itself every ${retryS} s</p>
</body>
</html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
