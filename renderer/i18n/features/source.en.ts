/** English strings of the source feature; zh-CN in source.zh-CN.ts must match key for key. */
export default {};
