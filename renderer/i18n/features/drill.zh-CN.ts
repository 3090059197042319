/** Chinese strings of the drill feature, key for key as drill.en.ts. */
import type en from './drill.en';

const zhCN: typeof en = {};
export default zhCN;
