import { expect, test } from '@playwright/test';
import { hasNoHorizontalScroll, loginInPage } from './support';

/** A teacher on a phone: signs in and lands on their own profile, which fits the screen. */

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

test('a teacher signs in on a 390×844 phone and sees their own profile without horizontal scrolling', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByTestId('login-submit')).toBeVisible();
  expect(await hasNoHorizontalScroll(page)).toMatchObject({ ok: true });

  await loginInPage(page, 'teacher');

  // a teacher's home is their own record
  await expect(page).toHaveURL(/\/teachers\/\d+$/);
  await expect(page.getByTestId('teacher-name')).toBeVisible();
  await expect(page.getByTestId('teacher-descriptions')).toBeVisible();
  await expect(page.getByTestId('teacher-id-number')).toBeVisible();
  // the phone layout: the menu sits behind a button, not in a side bar
  await expect(page.getByTestId('nav-open')).toBeVisible();
  // a teacher may not transfer anyone, themselves included
  await expect(page.getByTestId('teacher-transfer')).toHaveCount(0);

  expect(await hasNoHorizontalScroll(page)).toMatchObject({ ok: true });

  // and the menu opens and offers their profile
  await page.getByTestId('nav-open').click();
  await expect(page.getByRole('menuitem', { name: '我的档案' })).toBeVisible();
  expect(await hasNoHorizontalScroll(page)).toMatchObject({ ok: true });
});

test('a provider opens its 培训方案 on a 390×844 phone: one cell per programme and plan, nothing cut off', async ({
  page,
}) => {
  await loginInPage(page, 'provider');
  await page.goto('/plans');
  const open = page.getByTestId('open-programmes');
  await expect(open.locator('tbody tr').first()).toBeVisible();
  // one column: the programme, its deadline, the plan's state and what to do, stacked in one cell
  await expect(open.locator('thead th')).toHaveCount(1);
  await expect(page.getByTestId('plan-status')).toBeVisible();
  expect(await hasNoHorizontalScroll(page)).toMatchObject({ ok: true });
});
