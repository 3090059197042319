import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { craftedNetXml, tempFolder } from './crafted-net.fixture';
import { readSumoNetwork } from './read-sumo-network';
import { DEFAULT_MIN_GREEN_S } from './signal-programs';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder();
});
afterEach(() => folder.cleanup());

/**
 * Twelve links at the crossing C: from each arm straight on, right and left,
 * in the order N, S, E, W (link index 3·arm + 0 straight, 1 right, 2 left).
 */
const CONNECTIONS = [
  ['Nin', 'Sout', 's'], ['Nin', 'Wout', 'r'], ['Nin', 'Eout', 'l'],
  ['Sin', 'Nout', 's'], ['Sin', 'Eout', 'r'], ['Sin', 'Wout', 'l'],
  ['Ein', 'Wout', 's'], ['Ein', 'Nout', 'r'], ['Ein', 'Sout', 'l'],
  ['Win', 'Eout', 's'], ['Win', 'Sout', 'r'], ['Win', 'Nout', 'l'],
]
  .map(([from, to, dir], i) => `<connection from="${from}" to="${to}" fromLane="0" toLane="0" via=":C_${i}_0" tl="C" linkIndex="${i}" dir="${dir}" state="o"/>`)
  .join('\n');
/** A connection across the junction's inside, which the reader must not take for a movement. */
const INTERNAL_CONNECTION = '<connection from=":C_0" to="Sout" fromLane="0" toLane="0" dir="s" state="M"/>';

function readProgram(steps: string, offsetS = 0) {
  const extra = `<tlLogic id="C" type="static" programID="0" offset="${offsetS}">${steps}</tlLogic>${CONNECTIONS}${INTERNAL_CONNECTION}`;
  return readSumoNetwork({ netFile: folder.write('crossing.net.xml', craftedNetXml({ centreType: 'traffic_light', extra })) });
}

/** Starts on a yellow, so the reader has to turn the ring to its first green. */
const TWO_PHASES = `
  <phase duration="3" state="yyyyyyrrrrrr"/>
  <phase duration="2" state="rrrrrrrrrrrr"/>
  <phase duration="25" state="rrrrrrGGgGGg" minDur="10" maxDur="40"/>
  <phase duration="5" state="rrrrrrGGgGGg" minDur="2" maxDur="10"/>
  <phase duration="3" state="rrrrrryyyyyy"/>
  <phase duration="2" state="rrrrrrrrrrrr"/>
  <phase duration="30" state="GGgGGgrrrrrr"/>`;

describe('SUMO traffic-light programs as signal plans', () => {
  it('folds green, yellow and red-only steps into phases with green, yellow and all-red seconds', () => {
    const { programs } = readProgram(TWO_PHASES);
    expect(programs).toHaveLength(1);
    const { plan } = programs[0]!;
    expect(plan.nodeId).toBe('C');
    expect(plan.cycleS).toBe(70);
    expect(plan.phases.map((p) => [p.greenS, p.yellowS, p.allRedS])).toEqual([
      [30, 3, 2],
      [30, 3, 2],
    ]);
  });

  it('gives each phase the movements its green links carry, turns from dir, and one movement for many lanes', () => {
    const { programs } = readProgram(TWO_PHASES);
    const [eastWest, northSouth] = programs[0]!.plan.phases;
    expect(eastWest!.movementIds).toEqual(['Ein>Wout', 'Ein>Nout', 'Ein>Sout', 'Win>Eout', 'Win>Sout', 'Win>Nout']);
    expect(northSouth!.movementIds).toHaveLength(6);
    const turns = Object.fromEntries(programs[0]!.movements.map((m) => [m.id, m.turn]));
    expect(turns).toMatchObject({ 'Nin>Sout': 'through', 'Nin>Wout': 'right', 'Nin>Eout': 'left' });
    expect(programs[0]!.movements).toHaveLength(12);
  });

  it('takes the minimum green from minDur, and a default no longer than the green where the program gives none', () => {
    const { plan } = readProgram(TWO_PHASES).programs[0]!;
    expect(plan.phases[0]!.minGreenS).toBe(12);
    expect(plan.phases[1]!.minGreenS).toBe(DEFAULT_MIN_GREEN_S);
  });

  it('moves the offset by the steps skipped to start on a green, so phase 0 starts when SUMO shows it', () => {
    const { plan } = readProgram(TWO_PHASES, 10).programs[0]!;
    expect(plan.offsetS).toBe(15);
  });

  it('keeps the raw state strings and which steps each phase came from, for applying a program by state later', () => {
    const program = readProgram(TWO_PHASES).programs[0]!;
    expect(program.steps.map((step) => step.state)[2]).toBe('rrrrrrGGgGGg');
    expect(program.phaseSteps).toEqual([
      [2, 3, 4, 5],
      [6, 0, 1],
    ]);
    expect(program.linkMovementIds[7]).toBe('Ein>Nout');
  });

  it('reads a step where some links turn yellow while others stay green as the yellow of the phase before', () => {
    const { plan } = readProgram(`
      <phase duration="20" state="GGGGGGrrrrrr"/>
      <phase duration="4" state="yyyGGGrrrrrr"/>
      <phase duration="10" state="rrrGGGrrrrrr"/>
      <phase duration="4" state="rrryyyrrrrrr"/>
      <phase duration="30" state="rrrrrrGGGGGG"/>
      <phase duration="4" state="rrrrrryyyyyy"/>`).programs[0]!;
    expect(plan.phases.map((p) => [p.greenS, p.yellowS, p.allRedS, p.movementIds.length])).toEqual([
      [20, 4, 0, 6],
      [10, 4, 0, 3],
      [30, 4, 0, 6],
    ]);
  });

  it('checks the plans against the plan rules and reports what a real program breaks instead of refusing it', () => {
    const network = readProgram(`
      <phase duration="30" state="GGgGGgrrrrrr"/>
      <phase duration="2" state="yyyyyyrrrrrr"/>
      <phase duration="200" state="rrrrrrGGgGGg"/>
      <phase duration="3" state="rrrrrryyyyyy"/>`);
    const rules = network.ruleReports[0]!.violations.map((v) => `${v.path} ${v.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['phases[0].yellowS yellow-range', 'cycleS cycle-range']));
    expect(network.warnings.join('\n')).toMatch(/plan rules broken by SUMO programs: yellow-range: 1 of 1 programs \(C\)/);
  });

  it('reads the program SUMO starts with, the last of several for one traffic light, and says so', () => {
    // readProgram closes the second tlLogic.
    const night = '<tlLogic id="C" type="static" programID="night" offset="0"><phase duration="60" state="GGGGGGrrrrrr"/><phase duration="3" state="yyyyyyrrrrrr"/>';
    const network = readProgram(`${TWO_PHASES}</tlLogic>${night}`);
    expect(network.programs.map((p) => [p.tlId, p.programId, p.plan.cycleS])).toEqual([['C', 'night', 63]]);
    expect(network.warnings).toContain('tlLogic C: program 0 is not the one SUMO starts with; only program night is read');
  });

  it('leaves out a program that never shows green, with a warning', () => {
    const network = readProgram('<phase duration="10" state="rrrrrrrrrrrr"/>');
    expect(network.programs).toEqual([]);
    expect(network.warnings).toContain('tlLogic C: no step shows green; left out');
  });

  it('names the program when a phase has a state that is no signal letters', () => {
    expect(() => readProgram('<phase duration="10" state="GGxx"/>')).toThrow('crossing.net.xml: <tlLogic id="C">: a phase needs a state of signal letters (rygGsuoO), got "GGxx"');
  });
});
