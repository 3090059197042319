/** 领导驾驶舱的中文文案；键与 cockpit.en.ts 一一对应。 */
export default {
  today: {
    label: '今日 · {date}（城市时间，{zone}）',
  },
  target: {
    atMost: '目标 ≤ {value}',
    atLeast: '目标 ≥ {value}',
    met: '达标',
    notMet: '未达标',
    unknown: '暂无数据',
  },
  compare: {
    weekAgo: '上周同时段：{value}（{change}）',
    noWeekAgo: '暂无上周同期数据',
    notRecorded: '未记录上周同期数据',
  },
  spark: {
    hourly: '今日逐小时',
    raisedPerHour: '今日每小时新增告警',
    resolvedPerHour: '今日每小时处置告警',
  },
  tiles: {
    severeOpen: '未结严重及特重告警',
    allOpen: '全部未结 {count} 条',
    mttr: '平均处置时长 {value} 分钟',
    mttrNone: '平均处置时长：今日尚无处置',
  },
  trend: {
    noYesterday: '昨日此时无记录',
    title: '行程时间指数：今日与昨日',
    hoursOnRecord: '今日已记录 {count} 小时',
  },
  map: {
    title: '城市地图：各区行程时间指数',
    loading: '正在加载城市…',
    legendTitle: '行程时间指数',
    bands: { b0: '低于 1.2', b1: '1.2 – 1.5', b2: '1.5 – 2.0', b3: '2.0 及以上' },
    badges: '角标：未结告警数，颜色为最高级别',
  },
  attention: {
    title: '重点关注区域',
    rank: '#',
    district: '区域',
    tti: '指数',
    speed: '车速',
    alerts: '告警',
    score: '评分',
    ttiTitle: '行程时间指数（1 = 自由流）',
    speedTitle: '平均车速，公里/小时',
    alertsTitle: '未结告警',
  },
  alertsPage: {
    title: '各区未结告警',
    highest: '最高级别',
    none: '当前无未结告警。',
  },
  pages: {
    overview: '总览',
    map: '地图与区域',
    alerts: '告警与处置',
  },
  tv: {
    indicator: '第 {page}/{total} 页：{name}',
  },
};
