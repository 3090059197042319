/** Chinese strings of the wall feature, key for key as wall.en.ts. */
import type en from './wall.en';

const zhCN: typeof en = {};
export default zhCN;
