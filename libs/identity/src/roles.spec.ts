import { coversPath, grantableRoles, isInSubtree, type RoleClaim } from './roles';

const organizerOfGongshu: RoleClaim[] = [{ role: 'organizer', orgId: 2, path: '/1/2/' }];

describe('coversPath', () => {
  it('lets a district organizer act on the district and the enterprises below it', () => {
    expect(coversPath(organizerOfGongshu, ['organizer'], '/1/2/')).toBe(true);
    expect(coversPath(organizerOfGongshu, ['organizer'], '/1/2/7/')).toBe(true);
  });

  it('never on a sibling district or the city above', () => {
    expect(coversPath(organizerOfGongshu, ['organizer'], '/1/3/')).toBe(false);
    expect(coversPath(organizerOfGongshu, ['organizer'], '/1/')).toBe(false);
  });

  it('does not confuse /1/2/ with /1/22/', () => {
    expect(coversPath(organizerOfGongshu, ['organizer'], '/1/22/')).toBe(false);
  });

  it('lets an admin do what an organizer may, but not the reverse', () => {
    expect(coversPath([{ role: 'admin', orgId: 1, path: '/1/' }], ['organizer'], '/1/3/')).toBe(true);
    expect(coversPath(organizerOfGongshu, ['admin'], '/1/2/')).toBe(false);
  });

  it('ignores roles that are not allowed', () => {
    expect(coversPath([{ role: 'judge', orgId: 2, path: '/1/2/' }], ['organizer'], '/1/2/')).toBe(false);
  });
});

describe('grantableRoles', () => {
  it('keeps admin for admins and lets leaders enrol contestants only', () => {
    expect(grantableRoles(['organizer'])).not.toContain('admin');
    expect(grantableRoles(['delegation_leader'])).toEqual(['contestant']);
    expect(grantableRoles(['contestant'])).toEqual([]);
  });
});

describe('isInSubtree', () => {
  const contestantOfTurbine: RoleClaim = { role: 'contestant', orgId: 7, path: '/1/2/7/' };
  const contestantOfXihu: RoleClaim = { role: 'contestant', orgId: 9, path: '/1/3/9/' };

  it('takes a person whose every role lies under the granter', () => {
    expect(isInSubtree([contestantOfTurbine], organizerOfGongshu)).toBe(true);
  });

  it('refuses a person of a sibling district, or one who also holds a role elsewhere', () => {
    expect(isInSubtree([contestantOfXihu], organizerOfGongshu)).toBe(false);
    expect(isInSubtree([contestantOfTurbine, contestantOfXihu], organizerOfGongshu)).toBe(false);
  });

  it('leaves a person with no role to the admins of the root', () => {
    expect(isInSubtree([], organizerOfGongshu)).toBe(false);
    expect(isInSubtree([], [{ role: 'admin', orgId: 1, path: '/1/' }])).toBe(true);
  });
});
