import { describe, expect, it } from 'vitest';
import { compareZh, pinyinInitials, pinyinKey, pinyinKeys } from './pinyin';

describe('pinyinKey', () => {
  it('gives lower-case toneless pinyin without spaces', () => {
    expect(pinyinKey('张三')).toBe('zhangsan');
    expect(pinyinKey('欧阳修')).toBe('ouyangxiu');
  });

  it('reads the first character as a surname', () => {
    expect(pinyinKey('单雄信')).toBe('shanxiongxin');
    expect(pinyinKey('曾国藩')).toBe('zengguofan');
    expect(pinyinKey('解小明')).toBe('xiexiaoming');
    expect(pinyinKey('区志强')).toBe('ouzhiqiang');
  });

  it('reads the same character in a given name with its ordinary pronunciation', () => {
    expect(pinyinKey('王单')).toBe('wangdan');
    expect(pinyinKey('曾曾')).toBe('zengceng');
  });

  it('writes ü as v, drops the middle dot and keeps Latin letters', () => {
    expect(pinyinKey('吕布')).toBe('lvbu');
    expect(pinyinKey('阿依古丽·买买提')).toBe('ayigulimaimaiti');
    expect(pinyinKey('John Smith')).toBe('johnsmith');
  });
});

describe('pinyinInitials', () => {
  it('gives the first letter of each syllable', () => {
    expect(pinyinInitials('张三')).toBe('zs');
    expect(pinyinInitials('单雄信')).toBe('sxx');
    expect(pinyinInitials('阿依古丽·买买提')).toBe('ayglmmt');
  });

  it('gives the first letter of each Latin word', () => {
    expect(pinyinInitials('John Smith')).toBe('js');
    expect(pinyinInitials('李 Tom')).toBe('lt');
  });
});

describe('compareZh', () => {
  it('sorts Chinese names in pinyin order', () => {
    expect(['张三', '李四', '王五', '阿力'].sort(compareZh)).toEqual(['阿力', '李四', '王五', '张三']);
  });

  it('returns 0 for equal strings and is antisymmetric', () => {
    expect(compareZh('张三', '张三')).toBe(0);
    expect(Math.sign(compareZh('李四', '张三'))).toBe(-Math.sign(compareZh('张三', '李四')));
  });
});

describe('pinyinKeys', () => {
  it('gives the same key and initials as the two separate functions, from one conversion', () => {
    for (const name of ['张三', '单雄信', '欧阳娜娜', '吕布', 'Anna·李']) {
      expect(pinyinKeys(name)).toEqual({ key: pinyinKey(name), initials: pinyinInitials(name) });
    }
  });
});
