import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../city/demo-city';
import { TURNS } from '../../protocol/signals';
import { classifyTurn } from './movements';
import { compileNetwork } from './network';
import { chainCity } from './chain-city.fixture';

const road = { lengthM: 300, lanes: 2, freeSpeedKmh: 50, capacityVehPerH: 3600 };

describe('classifyTurn', () => {
  it('tells through, left, right and U-turn apart for right-hand traffic', () => {
    // Heading east (+x), then:
    expect(classifyTurn(1, 0, 1, 0.2)).toBe('through');
    expect(classifyTurn(1, 0, 0, 1)).toBe('left'); // north
    expect(classifyTurn(1, 0, 0, -1)).toBe('right'); // south
    expect(classifyTurn(1, 0, -1, 0.1)).toBe('uturn');
    expect(classifyTurn(0, 5, -3, 0)).toBe('left'); // heading north, turning west
  });
});

describe('movements of a compiled network', () => {
  const net = compileNetwork(generateDemoCity().meta, { seed: 1 });
  const { movements, links, nodes } = net;

  it('split each in-link over its movements with shares that sum to 1', () => {
    const sums = new Map<number, number>();
    for (let m = 0; m < movements.count; m++) sums.set(movements.fromLink[m]!, (sums.get(movements.fromLink[m]!) ?? 0) + movements.share[m]!);
    for (const sum of sums.values()) expect(sum).toBeCloseTo(1, 12);
    // Every link into an interior node has somewhere to go.
    for (let l = 0; l < links.count; l++) if (!nodes.isBoundary[links.toNode[l]!]) expect(sums.has(l)).toBe(true);
  });

  it('favour going straight on, and offer U-turns only where nothing else is possible', () => {
    const meanShare = (turn: (typeof TURNS)[number]) => {
      const shares = [...movements.share].filter((_, m) => movements.turn[m] === TURNS.indexOf(turn));
      return shares.reduce((a, b) => a + b, 0) / shares.length;
    };
    expect(meanShare('through')).toBeGreaterThan(1.5 * meanShare('left'));
    expect(meanShare('through')).toBeGreaterThan(1.5 * meanShare('right'));
    for (let m = 0; m < movements.count; m++) {
      if (movements.turn[m] !== TURNS.indexOf('uturn')) continue;
      const from = movements.fromLink[m]!;
      expect([...movements.fromLink].filter((l) => l === from)).toHaveLength(1);
    }
  });

  it('depend on the seed through their jitter only', () => {
    const other = compileNetwork(generateDemoCity().meta, { seed: 2 });
    expect(other.movements.ids).toEqual(movements.ids);
    expect(other.movements.share).not.toEqual(movements.share);
  });

  it('give an in-link whose only way on is back the way it came a U-turn', () => {
    // n0 ⇄ n1 ← n2: from n0, n1's one exit leads back to n0.
    const { meta } = chainCity([road, road]);
    const [toN1, fromN2] = [meta.links[0]!, { ...meta.links[1]!, id: 'l3', fromNodeId: 'n2', toNodeId: 'n1' }];
    meta.links = [toN1, fromN2, { ...toN1, id: 'l4', fromNodeId: 'n1', toNodeId: 'n0' }];
    const net = compileNetwork(meta, { seed: 1 });
    const turns = net.movements.ids.map((id, m) => `${id} ${TURNS[net.movements.turn[m]!]} ${net.movements.share[m]}`);
    expect(turns).toEqual(['l1>l4 uturn 1', 'l3>l4 through 1']);
  });
});
