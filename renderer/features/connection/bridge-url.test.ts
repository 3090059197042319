import { describe, expect, it } from 'vitest';
import { bridgeSocketUrl } from './bridge-url';

describe('bridgeSocketUrl', () => {
  it('uses ws: on the same host and port for a page served over http:', () => {
    expect(bridgeSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws');
  });

  it('uses wss: for a page served over https:', () => {
    expect(bridgeSocketUrl({ protocol: 'https:', host: 'citybrain.example' })).toBe('wss://citybrain.example/ws');
  });

  it('refuses a page opened from a file, naming the scheme', () => {
    expect(() => bridgeSocketUrl({ protocol: 'file:', host: '' })).toThrow('page address: served over file:');
  });
});
