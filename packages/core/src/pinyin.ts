/** Pinyin keys for sorting and searching people by name. */
import { pinyin } from 'pinyin-pro';

interface Syllable {
  text: string;
  isZh: boolean;
}

/** Each Chinese character as toneless pinyin (the first character read as a surname), other runs as-is. */
function syllables(name: string): Syllable[] {
  return pinyin(name, { toneType: 'none', type: 'all', surname: 'head', nonZh: 'consecutive', v: true }).map(
    (s) => (s.isZh ? { text: s.pinyin, isZh: true } : { text: s.origin, isZh: false }),
  );
}

/**
 * Lower-case toneless pinyin without spaces or punctuation: '张三' → 'zhangsan', '单雄信' → 'shanxiongxin',
 * '吕布' → 'lvbu' (ü written v). Latin letters and digits are kept; other characters are dropped.
 */
export function pinyinKey(name: string): string {
  return keyOf(syllables(name));
}

function keyOf(parts: Syllable[]): string {
  return parts
    .map((s) => s.text)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** First letters: '张三' → 'zs'. A run of Latin letters contributes the first letter of each word. */
export function pinyinInitials(name: string): string {
  return initialsOf(syllables(name));
}

function initialsOf(parts: Syllable[]): string {
  return parts
    .map((s) =>
      s.isZh
        ? s.text.charAt(0)
        : s.text
            .split(/[^a-zA-Z0-9]+/)
            .map((w) => w.charAt(0))
            .join(''),
    )
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Both keys from one pinyin conversion (imports compute them for every row). */
export function pinyinKeys(name: string): { key: string; initials: string } {
  const parts = syllables(name);
  return { key: keyOf(parts), initials: initialsOf(parts) };
}

const ZH_COLLATOR = new Intl.Collator('zh-CN');

/** Compare two strings in Chinese (pinyin) collation order; for Array.prototype.sort. */
export function compareZh(a: string, b: string): number {
  return ZH_COLLATOR.compare(a, b);
}
