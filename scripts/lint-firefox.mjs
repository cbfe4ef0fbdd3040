// addons-linter (Mozilla's, the one addons.mozilla.org runs) on the Firefox build: fails on any
// error or notice and on any warning but one kind, React DOM's own `dangerouslySetInnerHTML`
// support, which the project never uses (lib/no-html-injection.test.ts keeps it so). Each such
// warning is checked to sit in that code, so a new innerHTML elsewhere still fails.
// `npm run build:firefox` first. Usage: node scripts/lint-firefox.mjs [dir]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import linter from 'addons-linter';

const dir = resolve(process.argv[2] ?? '.output/firefox-mv2');
const instance = linter.createInstance({
  config: { _: [dir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: false, selfHosted: false },
  runAsBinary: false,
});
const { errors, warnings, notices } = await instance.run();

/** React DOM's handling of `dangerouslySetInnerHTML` ({ __html }) is the only innerHTML write allowed. */
function isReactDomHtmlProp(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line) return false;
  const line = readFileSync(join(dir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const around = line.slice(Math.max(0, (message.column ?? 0) - 200), (message.column ?? 0) + 200);
  return /\.__html\b/.test(around) && /\.innerHTML\s*=/.test(around);
}

const allowed = warnings.filter(isReactDomHtmlProp);
const problems = [...errors, ...notices, ...warnings.filter((w) => !allowed.includes(w))];
const where = (m) => (m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column}` : ''})` : '');
for (const m of problems) console.error(`${m.type ?? 'problem'} ${m.code}${where(m)}: ${m.message}`);
console.log(`addons-linter on ${dir}: ${errors.length} errors, ${warnings.length} warnings (${allowed.length} of them React DOM's dangerouslySetInnerHTML support, unused), ${notices.length} notices`);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) a store reviewer would raise: fix them before publishing.`);
  process.exit(1);
}
