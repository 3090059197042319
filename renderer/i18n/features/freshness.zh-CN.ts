/** 数据新鲜度的中文文案；须与 freshness.en.ts 键一一对应。 */
export default {
  aging: '数据已过 {age} · 截至 {time}',
  stale: '截至 {time} · 已过 {age}',
  noData: '无数据 · 无法连接数据桥',
  banner: {
    lost: '连接中断 {time} — 数据停留在该时刻，已过 {age}',
    silent: '数据桥自 {time} 起无响应 — 数据停留在该时刻，已过 {age}',
    recovering: '正在自动重连…',
    ageMinutes: '{minutes} 分 {seconds} 秒',
    ageSeconds: '{seconds} 秒',
  },
  clock: {
    local: '本机时钟 · 无法连接数据桥',
  },
  source: {
    unreachable: '自 {time} 起无法连接数据桥',
    lastKnown: '最后已知：{name} {state}',
  },
  connection: {
    lostSince: '自 {time} 起中断',
  },
};
