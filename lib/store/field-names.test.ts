import { describe, expect, it } from 'vitest';
import { keyByApiName, learnNames, NOTHING_LEARNED, sameNames } from './field-names';

const owner = { key: 'OwnerId', label: 'Account Owner', value: 'Kim Sato' };
const ownerByLabel = { key: 'Account Owner', label: 'Account Owner', value: 'Kim Sato' };

describe('learnt field names', () => {
  it('learns a label’s API name from a field that shows both, and keys a label-keyed field by it', () => {
    const learned = learnNames(NOTHING_LEARNED, [owner, { key: 'Name', label: 'Account Name', value: 'Globex' }]);
    expect(learned.pairs.get('Account Owner')).toBe('OwnerId');
    expect(keyByApiName([ownerByLabel, { key: 'Rating', label: 'Rating', value: 'Hot' }], learned)).toEqual([owner, { key: 'Rating', label: 'Rating', value: 'Hot' }]);
  });

  it('learns nothing from label-keyed fields, and leaves unknown labels as they are', () => {
    const learned = learnNames(NOTHING_LEARNED, [ownerByLabel]);
    expect(learned.pairs.size).toBe(0);
    expect(keyByApiName([ownerByLabel], learned)).toEqual([ownerByLabel]);
  });

  it('keeps the field shown under its API name where the same field also shows by label', () => {
    const learned = learnNames(NOTHING_LEARNED, [owner]);
    expect(keyByApiName([{ ...owner, value: 'Kim Sato (details)' }, ownerByLabel], learned)).toEqual([{ ...owner, value: 'Kim Sato (details)' }]);
  });

  it('never maps a label two fields carry in one reading', () => {
    const learned = learnNames(NOTHING_LEARNED, [
      { key: 'Region__c', label: 'Region', value: 'EMEA' },
      { key: 'Sales_Region__c', label: 'Region', value: 'North' },
    ]);
    expect(learned.pairs.has('Region')).toBe(false);
    // A later reading showing only one of them does not make the label safe again.
    expect(learnNames(learned, [{ key: 'Region__c', label: 'Region', value: 'EMEA' }]).pairs.has('Region')).toBe(false);
  });

  it('takes the newer API name for a relabelled field, and says when nothing new was learnt', () => {
    const first = learnNames(NOTHING_LEARNED, [{ key: 'Tier__c', label: 'Tier', value: 'Gold' }]);
    const second = learnNames(first, [{ key: 'Customer_Tier__c', label: 'Tier', value: 'Gold' }]);
    expect(second.pairs.get('Tier')).toBe('Customer_Tier__c');
    expect(sameNames(first, learnNames(first, [{ key: 'Tier__c', label: 'Tier', value: 'Silver' }]))).toBe(true);
    expect(sameNames(first, second)).toBe(false);
  });

  it('works with any label, Japanese or one that looks like an object property', () => {
    const learned = learnNames(NOTHING_LEARNED, [{ key: 'OwnerId', label: '取引先 所有者', value: '佐藤 健' }, { key: 'Odd__c', label: '__proto__', value: 'x' }]);
    expect(keyByApiName([{ key: '取引先 所有者', label: '取引先 所有者', value: '佐藤 健' }, { key: '__proto__', label: '__proto__', value: 'x' }], learned).map((f) => f.key)).toEqual(['OwnerId', 'Odd__c']);
  });
});
