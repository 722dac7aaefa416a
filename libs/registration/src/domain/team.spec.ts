import { validateTeam, type TeamMember } from './team';

const 张伟: TeamMember = { personId: 'p1', name: '张伟' };
const 王芳: TeamMember = { personId: 'p2', name: '王芳' };
const 李娜: TeamMember = { personId: 'p3', name: '李娜' };
const 刘洋: TeamMember = { personId: 'p4', name: '刘洋' };
const 陈静: TeamMember = { personId: 'p5', name: '陈静' };

describe('validateTeam (4×100米接力: 4 to 5 members)', () => {
  const relay = { minMembers: 4, maxMembers: 5 };

  it('accepts a full team with a captain among the members', () => {
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 刘洋], captainPersonId: 'p1' })).toEqual([]);
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 刘洋, 陈静], captainPersonId: 'p5' })).toEqual([]);
  });

  it('refuses too few members', () => {
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜], captainPersonId: 'p1' })).toEqual([
      { code: 'TEAM_TOO_FEW_MEMBERS', message: '队员人数不得少于4人（当前3人）' },
    ]);
  });

  it('refuses too many members', () => {
    const 赵磊: TeamMember = { personId: 'p6', name: '赵磊' };
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 刘洋, 陈静, 赵磊], captainPersonId: 'p1' })).toEqual([
      { code: 'TEAM_TOO_MANY_MEMBERS', message: '队员人数不得多于5人（当前6人）' },
    ]);
  });

  it('reports a duplicate once and does not let it fill the team', () => {
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 李娜, 李娜], captainPersonId: 'p1' })).toEqual([
      { code: 'TEAM_MEMBER_DUPLICATE', message: '队员“李娜”重复添加' },
      { code: 'TEAM_TOO_FEW_MEMBERS', message: '队员人数不得少于4人（当前3人）' },
    ]);
  });

  it('requires a captain', () => {
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 刘洋], captainPersonId: null })).toEqual([
      { code: 'TEAM_CAPTAIN_MISSING', message: '须指定一名队长' },
    ]);
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 刘洋], captainPersonId: '' })).toEqual([
      { code: 'TEAM_CAPTAIN_MISSING', message: '须指定一名队长' },
    ]);
  });

  it('requires the captain to be a member', () => {
    expect(validateTeam({ ...relay, members: [张伟, 王芳, 李娜, 刘洋], captainPersonId: 'p5' })).toEqual([
      { code: 'TEAM_CAPTAIN_NOT_MEMBER', message: '队长须为本队队员' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(validateTeam({ ...relay, members: [张伟, 张伟], captainPersonId: 'p9' }).map((e) => e.code)).toEqual([
      'TEAM_MEMBER_DUPLICATE',
      'TEAM_TOO_FEW_MEMBERS',
      'TEAM_CAPTAIN_NOT_MEMBER',
    ]);
  });
});
