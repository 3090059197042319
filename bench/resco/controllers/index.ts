/** Our controllers, in the order the benchmark runs and reports them after fixed time. */
import type { Controller } from '../controller';
import { maxPressureController } from './max-pressure';
import { websterController } from './webster';

export const OUR_CONTROLLERS: readonly Controller[] = [websterController, maxPressureController];
