import { describe, expect, it } from 'vitest';
import { outcomeDownloadName } from './submission-views';

describe('outcome file names: the outcome’s Chinese name and the uploaded name, never a requirement key', () => {
  it('teacher, outcome (item · part) and the uploaded name when it says more', () => {
    expect(outcomeDownloadName('李明', '优秀教学课例 · 教学反思', '反思终稿.PDF')).toBe(
      '李明-优秀教学课例·教学反思（反思终稿）.pdf',
    );
  });

  it('an uploaded name the outcome already says is not repeated', () => {
    expect(outcomeDownloadName('李明', '优秀教学课例 · 教学反思', '教学反思.pdf')).toBe(
      '李明-优秀教学课例·教学反思.pdf',
    );
    expect(outcomeDownloadName('王芳', '高质量示范课', '高质量示范课（王芳）.docx')).toBe(
      '王芳-高质量示范课.docx',
    );
  });

  it('characters no file system takes become "_", and a name without an extension keeps none', () => {
    expect(outcomeDownloadName('李明', '自我专业发展报告', 'a/b:c*?.pdf')).toBe(
      '李明-自我专业发展报告（a_b_c__）.pdf',
    );
    expect(outcomeDownloadName('李明', '自我专业发展报告', '终稿')).toBe('李明-自我专业发展报告（终稿）');
  });
});
