/**
 * Reads PEM files named in the config (certificates, keys), with an error
 * naming the file and what it should have held.
 */
import { readFileSync } from 'node:fs';

/** @param what e.g. `bridge.tls.certFile`, named in the error */
export function readPem(file: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${what}: cannot read ${file}: ${(error as Error).message}`);
  }
  if (!text.includes('-----BEGIN ')) throw new Error(`${what}: ${file} is not a PEM file (no -----BEGIN line)`);
  return text;
}
