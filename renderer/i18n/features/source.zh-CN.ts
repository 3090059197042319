/** Chinese strings of the source feature, key for key as source.en.ts. */
import type en from './source.en';

const zhCN: typeof en = {};
export default zhCN;
