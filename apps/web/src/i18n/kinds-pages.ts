/**
 * The texts of the match pages and the organizers' dashboard, fetched with those pages (index.ts,
 * withTexts) so the public pages' JavaScript does not carry them.
 */
export const kindsZh = {
  match: {
    heading: '对阵', bracket: '对阵图', bracketFailed: '对阵图未能绘制，请刷新重试。', notDrawn: '尚未抽签。',
    version: '第 {n} 版', standings: '名次', crosstable: '轮次对阵表', edition: '破同分规则版本：{e}', xlsx: '下载 Excel',
    player: '选手', players: '对阵', round: '第 {n} 轮', roundCol: '轮次', score: '积分', bye: '轮空', black: '黑', white: '白',
    order: '赛程（按场地）', noCourt: '未排场地', time: '时间（北京时间）', result: '结果', tbd: '待定', done: '已结束', walkover: '不战而胜', doubleForfeit: '双方弃权',
    status: { 0: '未定', 1: '待定', 2: '待赛', 3: '进行中', 4: '已结束', 5: '已归档' },
    format: { single_elimination: '单淘汰', double_elimination: '双败淘汰', round_robin: '循环赛', groups_knockout: '小组循环＋淘汰', swiss: '瑞士制' },
    mine: '对阵裁判任务', covers: '负责范围', wholeItem: '全部比赛', matchNo: '第 {id} 场', entry: '录入结果',
    notAssigned: '您未被指派为本项目的裁判，提交的结果会被拒绝。', toPlay: '待录入的比赛', nothingToPlay: '暂无待录入的比赛。', played: '已录入',
    ending: '结果类型', endings: { completed: '正常完赛', walkover: '不战（一方缺席）', retired: '中途退赛', forfeit: '判负（弃权）', double_forfeit: '双方弃权', draw: '平局' },
    side: '未完赛的一方', sets: '比分（各盘，如 6-4 7-6(5)）', games: '局分', winner: '胜方', enter: '提交结果',
    saved: '已保存：{a} – {b}', conflict: '结果未保存：对阵已有变化（可能已有人录入或后续比赛已进行），已刷新，请核对。', refused: '结果未保存',
    board: '第 {n} 台',
    swiss: { '1-0': '{a} 胜', '0-1': '{b} 胜', '1/2-1/2': '和棋', '+-': '{b} 弃权，{a} 胜', '-+': '{a} 弃权，{b} 胜', '--': '双方弃权' },
  },
  dash: {
    heading: '年度数据看板', held: '举办（场）', started: '出发', finished: '完赛', finishers: '徒步完赛（人）', fairs: '招聘会', employers: '用人单位', postings: '发布岗位',
    positions: '提供岗位（人）', applications: '求职申请', hired: '录用（人）', count: '数量', level: '{n}等', awarded: '获奖（人次）', events: '赛事活动',
    hikes: '徒步：各线路出发与完赛', jobFairs: '招聘会：岗位与录用', awards: '获奖（按等级）', unions: '下属各单位', export: '导出 Excel',
  },
};

export const kindsEn: typeof kindsZh = {
  match: {
    heading: 'Matches', bracket: 'Draw', bracketFailed: 'The draw could not be drawn; reload to try again.', notDrawn: 'Not drawn yet.',
    version: 'version {n}', standings: 'Places', crosstable: 'Crosstable', edition: 'Tie-break edition: {e}', xlsx: 'Download Excel',
    player: 'Player', players: 'Match', round: 'Round {n}', roundCol: 'Round', score: 'Points', bye: 'bye', black: 'B', white: 'W',
    order: 'Order of play by court', noCourt: 'No court yet', time: 'Time (Beijing)', result: 'Result', tbd: 'TBD', done: 'Finished', walkover: 'Walkover', doubleForfeit: 'Double forfeit',
    status: { 0: 'Locked', 1: 'Waiting', 2: 'Ready', 3: 'Running', 4: 'Finished', 5: 'Archived' },
    format: { single_elimination: 'Single elimination', double_elimination: 'Double elimination', round_robin: 'Round robin', groups_knockout: 'Groups and knockout', swiss: 'Swiss' },
    mine: 'Matches to umpire', covers: 'Covers', wholeItem: 'Every match', matchNo: 'Match {id}', entry: 'Enter results',
    notAssigned: 'You are not assigned to this item; results you send will be refused.', toPlay: 'Matches to enter', nothingToPlay: 'No match is waiting for a result.', played: 'Entered',
    ending: 'Ending', endings: { completed: 'Played to the end', walkover: 'Walkover (absent)', retired: 'Retired', forfeit: 'Forfeit', double_forfeit: 'Double forfeit', draw: 'Draw' },
    side: 'Side that did not finish', sets: 'Score (sets, e.g. 6-4 7-6(5))', games: 'Games', winner: 'Winner', enter: 'Submit result',
    saved: 'Saved: {a} – {b}', conflict: 'Not saved: the draw changed meanwhile (someone entered it, or later matches were played). Reloaded; please check.', refused: 'Not saved',
    board: 'board {n}',
    swiss: { '1-0': '{a} wins', '0-1': '{b} wins', '1/2-1/2': 'Draw', '+-': '{b} forfeits, {a} wins', '-+': '{a} forfeits, {b} wins', '--': 'Both forfeit' },
  },
  dash: {
    heading: 'The year at a glance', held: 'Held', started: 'Started', finished: 'Finished', finishers: 'Hike finishers', fairs: 'Job fairs', employers: 'Employers', postings: 'Postings',
    positions: 'Positions offered', applications: 'Applications', hired: 'Hired', count: 'Count', level: 'Level {n}', awarded: 'Awards', events: 'Events',
    hikes: 'Hiking: started and finished per route', jobFairs: 'Job fairs: positions and hires', awards: 'Awards by level', unions: 'Unions below', export: 'Export Excel',
  },
};
