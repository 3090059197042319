import { describe, expect, it } from 'vitest';
import { type PlanRule, approachBearingsDeg, checkPlanRules } from './signal-rules';
import { type Movement, type SignalPlan, type Turn, movementId } from './signals';

/**
 * A four-arm crossing at (0, 0): an in-link and an out-link to each compass
 * point, every approach with a through, left and right movement.
 */
const ARMS = { n: [0, 100], s: [0, -100], e: [100, 0], w: [-100, 0] } as const;
type Arm = keyof typeof ARMS;

const meta = {
  nodes: [
    { id: 'x', xM: 0, yM: 0, districtId: 'd', signalized: true },
    ...Object.entries(ARMS).map(([arm, [xM, yM]]) => ({ id: arm, xM, yM, districtId: 'd', signalized: false })),
  ],
  links: Object.keys(ARMS).flatMap((arm) => [link(`${arm}In`, arm, 'x'), link(`${arm}Out`, 'x', arm)]),
};

function link(id: string, fromNodeId: string, toNodeId: string) {
  return { id, name: { zh: id, en: id }, fromNodeId, toNodeId, roadClass: 'arterial' as const, lanes: 2, lengthM: 100, freeSpeedKmh: 50, capacityVehPerH: 3600, districtId: 'd' };
}

/** From the approach coming in from `from`: where each turn leads (right-hand traffic). */
const EXITS: Record<Arm, Record<'through' | 'left' | 'right', Arm>> = {
  s: { through: 'n', left: 'w', right: 'e' },
  n: { through: 's', left: 'e', right: 'w' },
  w: { through: 'e', left: 'n', right: 's' },
  e: { through: 'w', left: 's', right: 'n' },
};

const move = (from: Arm, turn: 'through' | 'left' | 'right'): Movement => {
  const outLinkId = `${EXITS[from][turn]}Out`;
  return { id: movementId(`${from}In`, outLinkId), inLinkId: `${from}In`, outLinkId, turn: turn satisfies Turn };
};
const movements = (['s', 'n', 'w', 'e'] as const).flatMap((arm) => (['through', 'left', 'right'] as const).map((turn) => move(arm, turn)));
const idsFrom = (...arms: Arm[]) => movements.filter((m) => arms.some((arm) => m.inLinkId === `${arm}In`)).map((m) => m.id);
const bearings = approachBearingsDeg(meta, 'x');

const phase = (id: string, movementIds: string[], greenS = 25) => ({
  id,
  name: { zh: id, en: id },
  movementIds,
  greenS,
  yellowS: 3,
  allRedS: 2,
  minGreenS: 7,
  pedClearanceS: 15,
});

/** North–south then east–west, each 25 s green + 3 s yellow + 2 s all-red: a 60 s cycle. */
const goodPlan = (): SignalPlan => ({
  nodeId: 'x',
  version: 2,
  cycleS: 60,
  offsetS: 10,
  phases: [phase('ns', idsFrom('n', 's')), phase('ew', idsFrom('e', 'w'))],
});

const rulesBroken = (plan: SignalPlan) => checkPlanRules(plan, movements, bearings).map((v) => `${v.rule} at ${v.path}`);

function expectOnly(plan: SignalPlan, rule: PlanRule, path: string): void {
  expect(rulesBroken(plan)).toEqual([`${rule} at ${path}`]);
}

describe('checkPlanRules', () => {
  it('passes a two-phase plan with permitted left turns against oncoming traffic', () => {
    expect(checkPlanRules(goodPlan(), movements, bearings)).toEqual([]);
  });

  it('takes approach bearings from the node coordinates, clockwise from north', () => {
    expect(Object.fromEntries(bearings)).toEqual({ nIn: 180, sIn: 0, eIn: 270, wIn: 90 });
  });

  it('keeps yellow within 3–6 s', () => {
    const plan = goodPlan();
    plan.phases[1]!.yellowS = 2;
    plan.phases[1]!.greenS = 26;
    expectOnly(plan, 'yellow-range', 'phases[1].yellowS');
    plan.phases[1]!.yellowS = 6;
    plan.phases[1]!.greenS = 22;
    expect(rulesBroken(plan)).toEqual([]);
  });

  it('keeps all-red within 0–3 s', () => {
    const plan = goodPlan();
    plan.phases[0]!.allRedS = 4;
    plan.phases[0]!.greenS = 23;
    expectOnly(plan, 'all-red-range', 'phases[0].allRedS');
    expect(checkPlanRules(plan, movements, bearings)[0]!.message).toBe('all-red must be 0–3 s, got 4');
    plan.phases[0]!.allRedS = 0;
    plan.phases[0]!.greenS = 27;
    expect(rulesBroken(plan)).toEqual([]);
  });

  it('keeps green at or above the minimum green', () => {
    const plan = goodPlan();
    plan.phases[0]!.minGreenS = 26;
    expectOnly(plan, 'min-green', 'phases[0].greenS');
    plan.phases[0]!.minGreenS = 25;
    expect(rulesBroken(plan)).toEqual([]);
  });

  it('keeps green at or above the pedestrian clearance', () => {
    const plan = goodPlan();
    plan.phases[1]!.pedClearanceS = 30;
    expectOnly(plan, 'ped-clearance', 'phases[1].greenS');
    plan.phases[1]!.pedClearanceS = 25;
    expect(rulesBroken(plan)).toEqual([]);
  });

  it('keeps the cycle within 30–180 s', () => {
    const short = goodPlan();
    short.phases.forEach((p) => Object.assign(p, { greenS: 9, pedClearanceS: 9 }));
    short.cycleS = 28;
    short.offsetS = 0;
    expectOnly(short, 'cycle-range', 'cycleS');
    const long = goodPlan();
    long.phases.forEach((p) => (p.greenS = 86));
    long.cycleS = 182;
    expectOnly(long, 'cycle-range', 'cycleS');
    long.phases.forEach((p) => (p.greenS = 85));
    long.cycleS = 180;
    expect(rulesBroken(long)).toEqual([]);
  });

  it('makes the cycle equal the sum of the phase times', () => {
    const plan = goodPlan();
    plan.phases[0]!.greenS = 26;
    expectOnly(plan, 'cycle-sum', 'cycleS');
    expect(checkPlanRules(plan, movements, bearings)[0]!.message).toBe('cycle 60 s must equal the sum of the phase times, 61 s');
  });

  it('keeps the offset within the cycle', () => {
    const plan = goodPlan();
    plan.offsetS = 60;
    expectOnly(plan, 'offset-range', 'offsetS');
    plan.offsetS = 59;
    expect(rulesBroken(plan)).toEqual([]);
  });

  it('serves every movement of the node at least once per cycle', () => {
    const plan = goodPlan();
    const dropped = move('e', 'left').id;
    plan.phases[1]!.movementIds = plan.phases[1]!.movementIds.filter((id) => id !== dropped);
    expectOnly(plan, 'movement-served', 'phases');
    expect(checkPlanRules(plan, movements, bearings)[0]!.message).toContain(dropped);

    // Served twice is allowed: an east-only phase after east–west gives its through and right more green.
    plan.phases.push(phase('e', idsFrom('e')));
    plan.cycleS = 90;
    expect(rulesBroken(plan)).toEqual([]);
  });

  it('refuses a movement the node does not have', () => {
    const plan = goodPlan();
    plan.phases[0]!.movementIds.push('nIn>nOut');
    expectOnly(plan, 'unknown-movement', `phases[0].movementIds[6]`);
  });

  it('refuses two crossing movements green in the same phase, naming the later one', () => {
    const plan = goodPlan();
    plan.phases[0]!.movementIds.push(move('w', 'through').id);
    const violations = checkPlanRules(plan, movements, bearings);
    expect(violations.map((v) => `${v.rule} at ${v.path}`)).toEqual(['conflict at phases[0].movementIds[6]']);
    expect(violations[0]!.message).toBe('wIn>eOut (through) crosses sIn>nOut (through) green in the same phase');
  });

  it('lets a right turn run beside crossing traffic that does not enter its out-link, but not beside traffic that does', () => {
    const plan = goodPlan();
    // The west approach turns right into sOut: the northbound through (into nOut) does not go there.
    const southbound = idsFrom('n');
    plan.phases[0]!.movementIds = [...idsFrom('s'), move('w', 'right').id];
    plan.phases.push(phase('n', southbound, 25));
    plan.cycleS = 90;
    expect(rulesBroken(plan)).toEqual([]);

    // The southbound through also enters sOut, so the west right turn may not run beside it.
    plan.phases[2]!.movementIds.push(move('w', 'right').id);
    expectOnly(plan, 'conflict', 'phases[2].movementIds[3]');
  });
});
