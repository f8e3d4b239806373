import { describe, expect, it } from 'vitest';
import {
  ancestorIdsOf,
  childPath,
  depthOf,
  idOfPath,
  idsOf,
  isInSubtree,
  isValidOrgPath,
  parentPathOf,
} from './org-path';

describe('org paths', () => {
  it('validates the /id/…/id/ form', () => {
    expect(isValidOrgPath('/1/')).toBe(true);
    expect(isValidOrgPath('/1/5/23/')).toBe(true);
    expect(isValidOrgPath('/')).toBe(false);
    expect(isValidOrgPath('1/5/')).toBe(false);
    expect(isValidOrgPath('/1/5')).toBe(false);
    expect(isValidOrgPath('/1//5/')).toBe(false);
    expect(isValidOrgPath('')).toBe(false);
  });

  it('childPath appends the id and a slash', () => {
    expect(childPath('/1/5/', 23)).toBe('/1/5/23/');
    expect(childPath('/1/', '5')).toBe('/1/5/');
    expect(() => childPath('/1/', '5/6')).toThrow(RangeError);
    expect(() => childPath('/1/', '')).toThrow(RangeError);
    expect(() => childPath('/1', 5)).toThrow(RangeError);
  });

  it('isInSubtree includes the root itself and its descendants', () => {
    expect(isInSubtree('/1/5/', '/1/5/')).toBe(true);
    expect(isInSubtree('/1/5/23/', '/1/5/')).toBe(true);
    expect(isInSubtree('/1/5/23/', '/1/')).toBe(true);
  });

  it('isInSubtree excludes ancestors, siblings and ids sharing a digit prefix', () => {
    expect(isInSubtree('/1/', '/1/5/')).toBe(false);
    expect(isInSubtree('/1/6/', '/1/5/')).toBe(false);
    expect(isInSubtree('/1/55/', '/1/5/')).toBe(false);
    expect(isInSubtree('/12/5/', '/1/')).toBe(false);
  });

  it('ancestorIdsOf lists the ancestors root first, without the node', () => {
    expect(ancestorIdsOf('/1/5/23/')).toEqual(['1', '5']);
    expect(ancestorIdsOf('/1/')).toEqual([]);
    expect(idsOf('/1/5/23/')).toEqual(['1', '5', '23']);
  });

  it('depthOf counts from 0 at the root', () => {
    expect(depthOf('/1/')).toBe(0);
    expect(depthOf('/1/5/')).toBe(1);
    expect(depthOf('/1/5/23/')).toBe(2);
    expect(() => depthOf('/')).toThrow(RangeError);
  });

  it('idOfPath and parentPathOf', () => {
    expect(idOfPath('/1/5/23/')).toBe('23');
    expect(parentPathOf('/1/5/23/')).toBe('/1/5/');
    expect(parentPathOf('/1/')).toBeUndefined();
    expect(childPath(parentPathOf('/1/5/23/') ?? '', idOfPath('/1/5/23/'))).toBe('/1/5/23/');
  });
});
