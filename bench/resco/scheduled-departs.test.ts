import { describe, expect, it } from 'vitest';
import { scheduledDepartsOf } from './scheduled-departs';
import { parseSumoXml } from './xml-file';

const parse = (xml: string) => parseSumoXml(xml, 'demand.rou.xml', ['vehicle', 'trip', 'flow']);

describe('scheduledDepartsOf', () => {
  it('lists vehicles and trips with their depart times', () => {
    const xml = `<routes>
      <vehicle id="v0" depart="10.00"><route edges="a b"/></vehicle>
      <trip id="t0" depart="12" from="a" to="b"/>
    </routes>`;
    expect(scheduledDepartsOf(parse(xml), 'demand.rou.xml', 3600)).toEqual([
      { id: 'v0', departS: 10 },
      { id: 't0', departS: 12 },
    ]);
  });

  it('expands a flow into SUMO\'s <flowId>.<n> vehicles from period, vehsPerHour or number', () => {
    const xml = `<routes>
      <flow id="p" begin="0" end="10" period="4" from="a" to="b"/>
      <flow id="h" begin="100" end="200" vehsPerHour="72" from="a" to="b"/>
      <flow id="n" begin="0" end="30" number="3" from="a" to="b"/>
    </routes>`;
    const departs = scheduledDepartsOf(parse(xml), 'demand.rou.xml', 3600);
    expect(departs).toEqual([
      { id: 'p.0', departS: 0 },
      { id: 'p.1', departS: 4 },
      { id: 'p.2', departS: 8 },
      ...[100, 150].map((departS, n) => ({ id: `h.${n}`, departS })),
      ...[0, 10, 20].map((departS, n) => ({ id: `n.${n}`, departS })),
    ]);
  });

  it('stops an open-ended flow at the end of the window', () => {
    const xml = '<routes><flow id="f" begin="0" period="1000" from="a" to="b"/></routes>';
    expect(scheduledDepartsOf(parse(xml), 'demand.rou.xml', 2500).map((v) => v.departS)).toEqual([0, 1000, 2000]);
  });

  it('refuses a random flow, whose vehicles the file cannot tell', () => {
    const xml = '<routes><flow id="r" begin="0" end="10" probability="0.2" from="a" to="b"/></routes>';
    expect(() => scheduledDepartsOf(parse(xml), 'demand.rou.xml', 3600)).toThrow(
      'demand.rou.xml: <flow id="r">: a random flow cannot be counted',
    );
  });

  it('names the file and vehicle of a depart that is not a number', () => {
    const xml = '<routes><trip id="t" depart="triggered" from="a" to="b"/></routes>';
    expect(() => scheduledDepartsOf(parse(xml), 'demand.rou.xml', 3600)).toThrow(
      'demand.rou.xml: <trip id="t">: attribute depart="triggered" is not a number',
    );
  });
});
