/**
 * A network SUMO itself wrote: netgenerate's grid, with a traffic light at
 * every crossing, read the way the bridge will read a scenario's net.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignalPlan } from '../../../protocol/signals';
import { tempFolder } from './crafted-net.fixture';
import { type SumoNetwork, readSumoNetwork } from './read-sumo-network';

const hasNetgenerate = (() => {
  try {
    execFileSync('netgenerate', ['--version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasNetgenerate)('readSumoNetwork on a netgenerate grid (skipped where SUMO is not installed: apt-get install sumo)', () => {
  const folder = tempFolder();
  let network: SumoNetwork;
  beforeAll(() => {
    const netFile = join(folder.dir, 'grid.net.xml');
    execFileSync(
      'netgenerate',
      ['--grid', '--grid.number', '3', '--grid.length', '200', '--default.lanenumber', '2',
        '--default-junction-type', 'traffic_light', '--xml-validation', 'never', '-o', netFile],
      { env: { ...process.env, SUMO_HOME: process.env.SUMO_HOME ?? '/usr/share/sumo' }, stdio: 'pipe', timeout: 30_000 },
    );
    network = readSumoNetwork({ netFile, origin: { lonDeg: 116.4, latDeg: 39.9 } });
  });
  afterAll(() => folder.cleanup());

  it('reads every crossing as a signalized node and every road in both directions as links', () => {
    const { meta } = network.city;
    const signalized = meta.nodes.filter((node) => node.signalized);
    expect(signalized).toHaveLength(9);
    // 12 grid segments, each a link in both directions.
    expect(meta.links).toHaveLength(24);
    expect(meta.links.every((link) => link.lanes === 2 && link.freeSpeedKmh === 50)).toBe(true);
    expect(meta.origin).toEqual({ lonDeg: 116.4, latDeg: 39.9 });
  });

  it('keeps every link shape inside the city bounds', () => {
    const { meta } = network.city;
    const { xyM } = network.city.linkShapes;
    for (let i = 0; i < xyM.length; i += 2) {
      expect(xyM[i]).toBeGreaterThanOrEqual(meta.bounds.minXM);
      expect(xyM[i]).toBeLessThanOrEqual(meta.bounds.maxXM);
      expect(xyM[i + 1]).toBeGreaterThanOrEqual(meta.bounds.minYM);
      expect(xyM[i + 1]).toBeLessThanOrEqual(meta.bounds.maxYM);
    }
  });

  it('makes a well-formed plan of every program, whose movements enter its own node', () => {
    expect(network.programs).toHaveLength(9);
    const linkById = new Map(network.city.meta.links.map((link) => [link.id, link]));
    for (const { plan, movements } of network.programs) {
      expect(() => checkSignalPlan(plan)).not.toThrow();
      expect(plan.phases.length).toBeGreaterThanOrEqual(2);
      for (const movement of movements) expect(linkById.get(movement.inLinkId)!.toNodeId).toBe(plan.nodeId);
      const served = new Set(plan.phases.flatMap((phase) => phase.movementIds));
      expect(served.size).toBe(movements.length);
    }
  });
});
