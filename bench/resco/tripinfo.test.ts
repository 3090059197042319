import { describe, expect, it } from 'vitest';
import { parseTripinfos } from './tripinfo';

describe('parseTripinfos', () => {
  it('reads arrived and unfinished vehicles (write-unfinished marks the latter arrival="-1" vaporized="end")', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<tripinfos>
    <tripinfo id="v1" depart="5.00" departDelay="1.00" arrival="60.00" duration="55.00" timeLoss="12.50" vaporized=""/>
    <tripinfo id="v2" depart="3590.00" departDelay="0.00" arrival="-1.00" duration="10.00" timeLoss="7.25" vaporized="end"/>
    <personinfo id="p1" depart="0.00"/>
</tripinfos>`;
    expect(parseTripinfos(xml, 'ti.xml')).toEqual([
      { id: 'v1', timeLossS: 12.5, departDelayS: 1 },
      { id: 'v2', timeLossS: 7.25, departDelayS: 0 },
    ]);
  });

  it('reads a file with no vehicle as an empty list', () => {
    expect(parseTripinfos('<tripinfos/>', 'ti.xml')).toEqual([]);
  });

  it('names the file and the vehicle when a figure is missing', () => {
    const xml = '<tripinfos><tripinfo id="v9" departDelay="0"/></tripinfos>';
    expect(() => parseTripinfos(xml, 'ti.xml')).toThrow('ti.xml: <tripinfo id="v9">: attribute timeLoss=null');
  });

  it('names the file when it is not tripinfo output', () => {
    expect(() => parseTripinfos('<routes/>', 'ti.xml')).toThrow('ti.xml: the root element is not <tripinfos>');
  });
});
