import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSumoCfg } from './sumocfg';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'citybrain-sumocfg-'));
  for (const file of ['a.net.xml', 'a.rou.xml', 'b.rou.xml', 'tls.add.xml']) writeFileSync(join(dir, file), '');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cfg(body: string): string {
  const file = join(dir, 'a.sumocfg');
  writeFileSync(file, `<configuration>${body}</configuration>`);
  return file;
}

const input = '<input><net-file value="a.net.xml"/><route-files value="a.rou.xml, b.rou.xml"/></input>';

describe('readSumoCfg', () => {
  it('reads the files relative to the config and the time window', () => {
    const file = cfg(`${input.replace('</input>', '<additional-files value="tls.add.xml"/></input>')}
      <time><begin value="25200"/><end value="28800"/></time>`);
    expect(readSumoCfg(file)).toEqual({
      cfgFile: file,
      netFile: join(dir, 'a.net.xml'),
      routeFiles: [join(dir, 'a.rou.xml'), join(dir, 'b.rou.xml')],
      additionalFiles: [join(dir, 'tls.add.xml')],
      beginS: 25200,
      endS: 28800,
      stepLengthS: 1,
    });
  });

  it('reads the step length, and refuses one that is not a positive time', () => {
    expect(readSumoCfg(cfg(`${input}<time><begin value="0"/><end value="60"/><step-length value="0.5"/></time>`)).stepLengthS).toBe(0.5);
    expect(() => readSumoCfg(cfg(`${input}<time><begin value="0"/><end value="60"/><step-length value="0"/></time>`))).toThrow(
      /<step-length> must be more than 0 s/,
    );
  });

  it('names the file when it is missing or its root is not <configuration>', () => {
    expect(() => readSumoCfg(join(dir, 'none.sumocfg'))).toThrow(`${join(dir, 'none.sumocfg')}: cannot be read (no such file)`);
    const file = join(dir, 'net.sumocfg');
    writeFileSync(file, '<net/>');
    expect(() => readSumoCfg(file)).toThrow(`${file}: the root element is <net>, not <configuration>`);
  });

  it('names the file when the window has no end', () => {
    const file = cfg(`${input}<time><begin value="0"/></time>`);
    expect(() => readSumoCfg(file)).toThrow(`${file}: <end> is missing`);
  });

  it('names the file and the option when a listed file does not exist', () => {
    const file = cfg('<input><net-file value="missing.net.xml"/></input>');
    expect(() => readSumoCfg(file)).toThrow(`${file}: net-file missing.net.xml does not exist`);
  });

  it('names the file when the window is empty or not a number', () => {
    expect(() => readSumoCfg(cfg(`${input}<time><begin value="10"/><end value="10"/></time>`))).toThrow(/must be after/);
    expect(() => readSumoCfg(cfg(`${input}<time><begin value="0"/><end value="1h"/></time>`))).toThrow(
      /<end value="1h"> is not a time in seconds/,
    );
  });

  it('names the file when it is not XML', () => {
    const file = join(dir, 'broken.sumocfg');
    writeFileSync(file, '<configuration><input>');
    expect(() => readSumoCfg(file)).toThrow(`${file}: not well-formed XML`);
  });
});
