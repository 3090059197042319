/** English strings of the wall feature; zh-CN in wall.zh-CN.ts must match key for key. */
export default {};
