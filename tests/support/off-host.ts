/**
 * The offline promise, checked from the browser's side: every request a
 * page makes goes to the loopback bridge (or is data:/blob:).
 */
import type { Page } from 'playwright-core';

/** Starts recording every URL the page requests; read the returned array later. */
export function recordRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return requests;
}

/** The URLs that left this machine. */
export function offHost(urls: readonly string[]): string[] {
  return urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1' && hostname !== 'localhost' && hostname !== '[::1]';
  });
}
