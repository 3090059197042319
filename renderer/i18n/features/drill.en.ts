/** English strings of the drill feature; zh-CN in drill.zh-CN.ts must match key for key. */
export default {};
