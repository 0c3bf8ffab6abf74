import { sharedUnitPaths } from './campaign-scope';

describe('sharedUnitPaths', () => {
  it('keeps the narrower of nested paths and drops unrelated ones', () => {
    expect(sharedUnitPaths(['/1/'], ['/1/5/', '/1/6/'])).toEqual(['/1/5/', '/1/6/']);
    expect(sharedUnitPaths(['/1/5/9/'], ['/1/5/'])).toEqual(['/1/5/9/']);
    expect(sharedUnitPaths(['/1/7/'], ['/1/5/'])).toEqual([]);
    expect(sharedUnitPaths([], ['/1/'])).toEqual([]);
  });
});
