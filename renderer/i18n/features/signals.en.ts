/** English strings of the signals feature; zh-CN in signals.zh-CN.ts must match key for key. */
export default {};
