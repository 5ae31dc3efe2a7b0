import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoOrg } from '.';

/** Issue 22: the README's table of demo sign-ins names the people `npm start` seeds at its default size. */
describe('the README’s demo accounts', () => {
  it('name each account as the default 3,000-person demo has it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const a of generateDemoOrg({ staff: 3000 }).accounts) {
      const row = readme.split('\n').find((line) => line.includes(`\`${a.email}\``));
      expect(row, a.email).toContain(`| ${a.name} `);
    }
  });
});
