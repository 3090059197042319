/**
 * city_payload_bytes: what a client downloads for the static city, as sent
 * on the wire (gzip), plus the uncompressed size for reference.
 */
import { get } from 'node:http';

const CITY_FILES = ['/city/meta.json', '/city/buildings.bin', '/city/links.bin'];

function wireBytes(url: string, gzip: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${url}: HTTP ${response.statusCode}`));
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    }).on('error', reject);
  });
}

export async function measureCityPayload(origin: string): Promise<{ wireBytes: number; rawBytes: number }> {
  let wire = 0;
  let raw = 0;
  for (const path of CITY_FILES) {
    wire += await wireBytes(`${origin}${path}`, true);
    raw += await wireBytes(`${origin}${path}`, false);
  }
  return { wireBytes: wire, rawBytes: raw };
}
