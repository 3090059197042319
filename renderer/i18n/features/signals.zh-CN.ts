/** Chinese strings of the signals feature, key for key as signals.en.ts. */
import type en from './signals.en';

const zhCN: typeof en = {};
export default zhCN;
