/**
 * One entry point for every level: finds the entity and computes its
 * figures, or refuses an unknown id with `not-found` naming the level and id.
 *
 * The figures are checked against the protocol before they leave: part of
 * them comes from the source (signal measurements, device readings from the
 * field), and a client would drop a detail it cannot parse without saying
 * why, so the bridge refuses it here with the offending field named.
 */
import { type DetailFigures, type DrillLevel, ValidationError, detailFiguresSchema, parseAt } from '../protocol';
import { RequestError } from '../core/request-error';
import { cityFigures } from './city-figures';
import { deviceFigures } from './device-figures';
import { districtFigures } from './district-figures';
import type { DrillInputs } from './drill-inputs';
import { intersectionFigures } from './intersection-figures';
import { linkFigures } from './link-figures';

/** @param entityId the entity's id; ignored for the city level */
export function detailFigures(inputs: DrillInputs, level: DrillLevel, entityId: string | undefined): DetailFigures {
  const figures = computeFigures(inputs, level, entityId);
  try {
    return parseAt(detailFiguresSchema, figures, 'figures');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const what = level === 'city' ? 'the city' : `${level} ${JSON.stringify(entityId)}`;
    throw new RequestError('rejected', `the figures of ${what} are out of range: ${error.message}`);
  }
}

function computeFigures(inputs: DrillInputs, level: DrillLevel, entityId: string | undefined): DetailFigures {
  if (level === 'city') return cityFigures(inputs);
  if (entityId === undefined) throw new RequestError('invalid', `subscribe-detail.entityId: is required for the ${level} level`);
  const { index } = inputs;
  const missing = () => new RequestError('not-found', `no ${level} with id ${JSON.stringify(entityId)}`);
  switch (level) {
    case 'district': {
      if (!index.districtById.has(entityId)) throw missing();
      return districtFigures(inputs, entityId);
    }
    case 'intersection': {
      const node = index.nodeById.get(entityId);
      if (!node) throw missing();
      return intersectionFigures(inputs, node);
    }
    case 'link': {
      const linkIndex = index.linkIndexById.get(entityId);
      if (linkIndex === undefined) throw missing();
      return linkFigures(inputs, linkIndex);
    }
    case 'device': {
      const device = index.deviceById.get(entityId);
      if (!device) throw missing();
      return deviceFigures(inputs, device);
    }
  }
}
