/**
 * Screenshots of the 培训诚信档案 page (not a test) as the city, at 1440×900 and on a 390×844 phone, for a look by
 * eye at its words (the ban's years are the pack's, not a number in the text); fails on a console error.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/integrity-screens.ts      # PNGs in test-results/integrity-*.png
 */
import { screensKit } from './screens-kit';

const kit = await screensKit({ name: 'integrity', teachers: 300, programmes: true });
const base = await kit.serve();
const errors: string[] = [];
for (const [size, open] of [
  ['1440', () => kit.desktop()],
  ['390', () => kit.phone()],
] as const) {
  const page = await open();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${size}: ${m.text()}`);
  });
  await kit.signIn(page, 'city');
  await page.goto(`${base}/integrity`);
  await page.getByText('培训诚信档案').first().waitFor();
  await page.waitForLoadState('networkidle');
  await kit.shot(page, `integrity-${size}`);
  await page.close();
}
await kit.close();
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
console.log('integrity-1440.png, integrity-390.png');
