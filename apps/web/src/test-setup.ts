/**
 * The web tests fail on console.error and console.warn: antd's deprecation warnings, React's DOM nesting, key and
 * act() warnings and ECharts' complaints all come through them, so a test run that prints none stays that way.
 */
import { format } from 'node:util';
import { afterEach, beforeEach } from 'vitest';

const printed: string[] = [];
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    printed.push(`console.${level}: ${format(...args)}`);
    original(...args);
  };
}

beforeEach(() => {
  printed.length = 0;
});

afterEach(() => {
  if (printed.length === 0) return;
  const text = printed.map((p) => p.split('\n').slice(0, 3).join('\n')).join('\n---\n');
  printed.length = 0;
  throw new Error(`the test printed a warning or an error (fix the cause):\n${text}`);
});
