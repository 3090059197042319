/**
 * RESCO's Cologne net, read where the shared scenarios are on this machine
 * (they are not in the repository: their licences keep them out).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSumoNetwork } from './read-sumo-network';

const COLOGNE1 = '/work/shared/resco/cologne1/cologne1.net.xml';
const present = existsSync(COLOGNE1);

describe.skipIf(!present)(`RESCO cologne1 (skipped: ${COLOGNE1} is not on this machine)`, () => {
  it('lands in Cologne, with its one traffic light as a plan', () => {
    const network = readSumoNetwork({ netFile: COLOGNE1, timeZone: 'Europe/Berlin' });
    const { meta } = network.city;
    expect(meta.origin.lonDeg).toBeCloseTo(6.9, 1);
    expect(meta.origin.latDeg).toBeCloseTo(50.9, 1);
    expect(meta.nodes.filter((node) => node.signalized)).toHaveLength(1);
    expect(network.programs).toHaveLength(1);
    expect(network.programs[0]!.tlId).toBe('GS_cluster_357187_359543');
    expect(network.programs[0]!.plan.cycleS).toBe(90);
    // The whole net lies within a few kilometres of its origin.
    expect(Math.max(-meta.bounds.minXM, meta.bounds.maxXM, -meta.bounds.minYM, meta.bounds.maxYM)).toBeLessThan(5000);
  });
});
