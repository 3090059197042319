import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('defaults to port 8080 on loopback with the packaged renderer', () => {
    expect(parseCliOptions([])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      rendererDir: undefined,
      noRenderer: false,
      seed: undefined,
      help: false,
    });
  });

  it('reads flags in both --flag value and --flag=value forms', () => {
    expect(parseCliOptions(['--port', '0', '--host=0.0.0.0', '--seed', '7', '--renderer', 'out'])).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      seed: 7,
      rendererDir: 'out',
    });
  });

  it('rejects a port that is not an integer in range, naming the flag and the value', () => {
    expect(() => parseCliOptions(['--port', 'http'])).toThrow('--port must be an integer, got "http"');
    expect(() => parseCliOptions(['--port', '70000'])).toThrow('--port must be between 0 and 65535, got 70000');
    expect(() => parseCliOptions(['--port'])).toThrow('--port needs a value');
  });

  it('rejects unknown flags and contradictory ones', () => {
    expect(() => parseCliOptions(['--prot', '1'])).toThrow('unknown option "--prot"');
    expect(() => parseCliOptions(['--no-renderer', '--renderer', 'x'])).toThrow('exclude each other');
  });
});
