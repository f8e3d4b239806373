import { describe, expect, it } from 'vitest';
import { rfc5987 } from './http';

describe('Content-Disposition filename* (RFC 5987)', () => {
  it('UTF-8, percent-encoded, including the quote, brackets, star and bang that encodeURIComponent leaves bare', () => {
    expect(rfc5987('李明-教学反思.pdf')).toBe(`UTF-8''${encodeURIComponent('李明-教学反思.pdf')}`);
    expect(rfc5987("it's (v2)*!.pdf")).toBe("UTF-8''it%27s%20%28v2%29%2A%21.pdf");
    expect(decodeURIComponent(rfc5987("it's (v2)*!.pdf").slice("UTF-8''".length))).toBe("it's (v2)*!.pdf");
  });
});
