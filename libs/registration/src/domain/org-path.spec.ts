import { isInOrgSubtree, isValidOrgPath } from './org-path';

describe('organisation paths', () => {
  it('validates materialised paths', () => {
    expect(isValidOrgPath('/1/')).toBe(true);
    expect(isValidOrgPath('/1/4/12/')).toBe(true);
    expect(isValidOrgPath('/1/4/12')).toBe(false);
    expect(isValidOrgPath('1/4/')).toBe(false);
    expect(isValidOrgPath('/')).toBe(false);
    expect(isValidOrgPath('/1//4/')).toBe(false);
  });

  it('treats a node as part of its own subtree', () => {
    expect(isInOrgSubtree('/1/4/', '/1/4/')).toBe(true);
  });

  it('matches descendants at any depth', () => {
    expect(isInOrgSubtree('/1/4/12/', '/1/4/')).toBe(true);
    expect(isInOrgSubtree('/1/4/12/30/', '/1/')).toBe(true);
  });

  it('does not match siblings sharing a numeric prefix or ancestors', () => {
    expect(isInOrgSubtree('/1/45/', '/1/4/')).toBe(false);
    expect(isInOrgSubtree('/1/', '/1/4/')).toBe(false);
  });

  it('does not match a malformed person path', () => {
    expect(isInOrgSubtree('/1/4/12', '/1/4/')).toBe(false);
  });

  it('throws on a malformed rule path, a configuration error', () => {
    expect(() => isInOrgSubtree('/1/4/', '/1/4')).toThrow('Invalid organisation path: "/1/4"');
  });
});
