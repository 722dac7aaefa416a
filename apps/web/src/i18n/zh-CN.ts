export default {
  app: { title: '职工赛事平台', skip: '跳到正文', language: 'English', languageLabel: '切换语言' },
  nav: { events: '赛事', myEntries: '我的报名', record: '我的成绩', inbox: '消息', judge: '评分', manage: '组织管理', leader: '代表队', stats: '统计', signIn: '登录', signOut: '退出', verify: '证书查验' },
  kind: { skill_competition: '技能竞赛', sports_meet: '运动会', hiking: '徒步', job_fair: '招聘会' },
  status: { draft: '草稿', registration_open: '报名中', registration_closed: '报名截止', in_progress: '进行中', finished: '已结束' },
  entryStatus: { pending: '待审核', approved: '已通过', rejected: '未通过', waitlisted: '候补', withdrawn: '已退赛' },
  publication: { PROVISIONAL: '暂定', NOTICE: '公示中', FINAL: '最终' },
  events: {
    heading: '赛事列表', kind: '类别', allKinds: '全部类别', district: '主办单位', allDistricts: '全部单位', openOnly: '只看报名中',
    none: '没有符合条件的赛事', dates: '日期', registration: '报名时间', open: '查看', board: '成绩榜',
  },
  event: {
    items: '比赛项目', item: '项目', venue: '地点', startsAt: '开始时间', capacity: '名额', unlimited: '不限', places: '{n} 个名额',
    rules: '参赛条件', gender: { male: '限男子', female: '限女子' }, age: '年龄 {min}–{max} 岁', member: '须为工会会员',
    register: '报名', registered: '报名已提交：{status}', signInToRegister: '登录后报名', board: '实时成绩榜', notOpen: '当前不在报名期',
    refused: '无法报名',
  },
  board: {
    heading: '实时成绩榜', medals: '奖牌榜', rank: '名次', delegation: '代表队', gold: '金', silver: '银', bronze: '铜', total: '总数',
    points: '团体总分', pointsCol: '积分', items: '项目进度', frozen: '成绩榜已封榜（{at}），公开显示封榜时的成绩', provisional: '暂定成绩',
    live: '实时', connecting: '连接中…', updated: '更新于 {at}', empty: '暂无成绩',
  },
  verify: {
    heading: '证书查验', code: '查验码', check: '查验', valid: '证书有效', revoked: '证书已撤销（{at}）', notFound: '未找到这张证书',
    serial: '证书编号', name: '姓名', award: '奖项', title: '称号', event: '赛事', item: '项目', issuer: '颁发单位', grantedOn: '颁发日期',
  },
  login: { heading: '登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败' },
  me: {
    entries: '我的报名', none: '还没有报名', item: '项目', event: '赛事', status: '状态', bib: '号码', qr: '检录二维码',
    showQr: '检录码', withdraw: '退赛', withdrawConfirm: '确定退出“{item}”吗？', withdrawn: '已退赛', reason: '原因',
    record: '我的成绩', place: '名次', total: '成绩', awards: '获奖记录', certificate: '下载证书', noAwards: '暂无获奖',
    inbox: '消息', noMessages: '没有消息', markRead: '标为已读', unread: '未读',
  },
  judge: {
    heading: '评分录入', scheme: '评分规则', range: '分值 {min}–{max}，最多 {d} 位小数', criteria: '评分项', contestant: '选手',
    org: '单位', draftSaved: '草稿已保存（第 {v} 版）', saving: '保存中…', submit: '提交评分', submitConfirm: '提交后不能再修改，确定提交 {n} 位选手的评分吗？',
    submitted: '已提交', locked: '评分表已锁定，只读', conflict: '评分表已被他人修改（第 {v} 版）。下面是对方的版本，请核对后重新录入。',
    theirs: '对方的版本', reload: '载入最新版本', missing: '还有 {n} 项未录入', invalid: '{value} 不在 {min}–{max} 之间',
    status: { draft: '草稿', submitted: '已提交', locked: '已锁定' },
  },
  manage: {
    heading: '组织管理', newEvent: '创建赛事', name: '名称', kind: '类别', organisation: '主办单位', startsOn: '开始日期', endsOn: '结束日期',
    create: '创建', items: '项目', newItem: '添加项目', itemName: '项目名称', scheme: '评分规则', schemeMin: '最低分', schemeMax: '最高分',
    dropExtremes: '去掉一个最高分和一个最低分', openRegistration: '开放报名', closeRegistration: '截止报名', start: '开始比赛', finish: '结束赛事',
    entries: '报名审核', approve: '通过', reject: '不通过', rejectReason: '不通过的原因', bulkApprove: '批量通过（{n}）', filterStatus: '状态',
    judges: '裁判', assign: '指派', judgeUserId: '裁判账号 ID', chief: '裁判长', publication: '成绩发布', notice: '开始公示', finalize: '确认最终成绩',
    awards: '奖项', awardRules: '一等奖取前 {n} 名', runAwards: '颁发奖项', granted: '已颁发 {n} 项', done: '已完成',
  },
  leader: {
    heading: '代表队', event: '赛事', pick: '选择赛事', upload: '上传名单（xlsx 或 csv）', uploadButton: '导入名单', wrongType: '只接受 .xlsx 或 .csv 文件',
    imported: '已导入：{people} 人，新建账号 {created} 个，报名 {entries} 项，候补 {waitlisted} 项', refused: '名单未导入', row: '行', field: '字段', reason: '原因',
    entries: '本队报名', none: '本队还没有报名',
  },
  stats: {
    heading: '统计', year: '年份', organisation: '单位', events: '赛事', participations: '参赛人次', people: '参赛人数', awards: '获奖', prizePaid: '已发奖金（元）',
    prizePending: '待发奖金（元）', byKind: '各类赛事数量', chart: '各类赛事数量柱状图',
  },
  common: { loading: '加载中…', error: '出错了', retry: '重试', cancel: '取消', confirm: '确定', save: '保存', back: '返回', yes: '是', no: '否' },
};
