import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { IndicatorEditor } from './indicator-editor';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      codes: vi.fn().mockResolvedValue({
        stages: [{ code: 'junior', name: '初中', nameEn: 'Junior' }],
        subjects: [{ code: 'math', name: '数学', nameEn: 'Maths' }],
      }),
      examIndicators: vi.fn(),
      saveExamIndicators: vi.fn(),
    },
  };
});

afterEach(cleanup);

describe('IndicatorEditor (R-002-11)', () => {
  it('shows the stored indicators of the 学段 × 学科 with their weight total, and saves the edited list', async () => {
    vi.mocked(api.examIndicators).mockResolvedValue([
      {
        id: '1',
        ownerOrgId: '5',
        stage: 'junior',
        subject: 'math',
        indicators: [
          { name: '学业水平', weight: 0.6 },
          { name: '学习兴趣', weight: 0.4 },
        ],
        weightTotal: 1,
        updatedAt: '2026-11-23T00:00:00Z',
      },
    ]);
    vi.mocked(api.saveExamIndicators).mockResolvedValue([]);
    renderWithApp(<IndicatorEditor ownerOrgId="5" editable />);
    await waitFor(() => expect(screen.getByDisplayValue('学业水平')).toBeTruthy());
    await waitFor(() => expect(screen.getByText('权重合计：1')).toBeTruthy());
    fireEvent.click(screen.getByText('添加指标'));
    await waitFor(() => expect(screen.getByText('权重合计：1.1')).toBeTruthy());
    const inputs = screen.getAllByPlaceholderText('指标');
    fireEvent.change(inputs[2] as HTMLElement, { target: { value: '学业负担' } });
    fireEvent.submit(screen.getByText('保 存').closest('form') as HTMLFormElement);
    await waitFor(() => expect(api.saveExamIndicators).toHaveBeenCalled(), { timeout: 3000 });
    expect(vi.mocked(api.saveExamIndicators).mock.calls[0]?.[0]).toEqual({
      ownerOrgId: '5',
      stage: 'junior',
      subject: 'math',
      indicators: [
        { name: '学业水平', weight: 0.6 },
        { name: '学习兴趣', weight: 0.4 },
        { name: '学业负担', weight: 0.1 },
      ],
    });
  });
});
