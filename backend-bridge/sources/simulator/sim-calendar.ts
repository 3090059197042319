/**
 * Sim time is milliseconds since the Unix epoch, like wall time, read on the
 * city's own clock (CityMeta.timeZone): that is what its daily demand follows.
 */
import { zonedTimeMs } from '../../../common/time/zoned-time';

/**
 * Where a demo day starts unless told otherwise: Monday 3 June 2024, 07:00
 * on the city's clock. A fixed instant keeps runs reproducible.
 */
export function defaultStartSimTimeMs(timeZone: string): number {
  return zonedTimeMs(2024, 5, 3, 7, 0, timeZone);
}
