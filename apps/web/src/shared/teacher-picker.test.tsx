/** The teacher picker: found by the people search, shown as 姓名 · 学校, the picked one keeps its label. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me } from '@yanxun/contracts';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { TeacherPicker } from './teacher-picker';
import { renderWithApp } from './test-utils';

vi.mock('./api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./api')>();
  return { ...actual, api: { listTeachers: vi.fn() } };
});

afterEach(cleanup);

const me: Me = {
  id: '1',
  username: 'qingcheng',
  displayName: '清城区教育局',
  grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const row = (id: string, name: string, schoolName: string) =>
  ({ id, name, schoolName }) as Awaited<ReturnType<typeof api.listTeachers>>['items'][number];

function Harness() {
  const [value, setValue] = useState<string | string[] | undefined>();
  return (
    <>
      <TeacherPicker ariaLabel="主持人" value={value} onChange={setValue} />
      <output data-testid="picked">{String(value ?? '')}</output>
    </>
  );
}

describe('TeacherPicker', () => {
  it('searches by what is typed, picks a teacher by name and school, and keeps the label', async () => {
    vi.mocked(api.listTeachers).mockResolvedValue({
      items: [row('11', '王小明', '清城区第一中学'), row('12', '王小红', '清城区第二中学')],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    renderWithApp(<Harness />, { me });
    const input = screen.getByLabelText('主持人');
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: '王' } });
    await waitFor(() => expect(api.listTeachers).toHaveBeenCalledWith({ q: '王', pageSize: 20 }));
    fireEvent.click(await screen.findByText('王小红 · 清城区第二中学'));
    expect(screen.getByTestId('picked').textContent).toBe('12');
    expect(screen.getAllByText('王小红 · 清城区第二中学').length).toBeGreaterThan(0);
  });
});
