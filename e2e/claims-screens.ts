/**
 * Screenshots of 学时申报 (not a test): the teacher's phone page (the form and their claims) and the school's review
 * queue at 1440, in test-results/ for a look by eye.
 *
 *   npm run build -w @yanxun/web
 *   npx tsx e2e/claims-screens.ts
 */
import path from 'node:path';
import { out, screensKit } from './screens-kit';

const kit = await screensKit({ name: 'claims', teachers: 300 });
const base = await kit.serve();
const errors: string[] = [];
const phone = await kit.phone();
phone.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await kit.signIn(phone, 'teacher');
await phone.goto(`${base}/my-hour-claims`);
await phone.waitForLoadState('networkidle');
await phone.screenshot({ path: path.join(out, 'claims-teacher-390.png'), fullPage: true });
const desk = await kit.desktop();
desk.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await kit.signIn(desk, 'school');
await desk.goto(`${base}/hour-claims`);
await desk.waitForLoadState('networkidle');
await desk.screenshot({ path: path.join(out, 'claims-school-1440.png') });
console.log(errors.length ? `console errors: ${errors.join(' | ')}` : 'no console errors');
await kit.close();
