// The window's catalogues: the same keys in Russian and English (Russian with all its plural
// forms), the same {{placeholders}}, nothing empty; and the lint rule that keeps literal strings out
// of the renderer really fails on one. English `core` is the core's own list (src/shared/core-messages.ts).
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES, REQUEST_SUBJECTS } from '../../../../src/shared/core-messages';

const LOCALES = path.resolve('src/renderer/i18n/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const FORMS = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;

type Catalogue = Record<string, string>;
function flatten(value: unknown, prefix = '', out: Catalogue = {}): Catalogue {
  if (typeof value === 'string') out[prefix] = value;
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  else throw new Error(`${prefix}: not a string (${JSON.stringify(value)})`);
  return out;
}
const CORE = 'core.json';
const read = (language: string, file: string) =>
  language === 'en' && file === CORE
    ? flatten({ ...CORE_MESSAGES, subject: REQUEST_SUBJECTS })
    : flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, language, file), 'utf8')));
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

const files = [...fs.readdirSync(path.join(LOCALES, 'en')).filter((f) => f.endsWith('.json')), CORE];

describe('the catalogues', () => {
  it('exist for both languages, file for file', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(
      fs
        .readdirSync(path.join(LOCALES, 'ru'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...files].sort());
  });

  for (const file of files) {
    describe(file, () => {
      const en = read('en', file);
      const ru = read('ru', file);

      it('has the same keys in Russian as in English, with every plural form each language needs', () => {
        const bases = (catalogue: Catalogue) => [...new Set(Object.keys(catalogue).map(base))].sort();
        expect(bases(ru)).toEqual(bases(en));
        for (const [language, catalogue] of [
          ['en', en],
          ['ru', ru],
        ] as const) {
          const plurals = new Set(
            Object.keys(catalogue)
              .filter((k) => PLURAL.test(k))
              .map(base),
          );
          for (const key of plurals) {
            for (const form of FORMS[language]) expect(catalogue, `${language} ${key}_${form}`).toHaveProperty([`${key}_${form}`]);
          }
        }
      });

      it('uses the same placeholders in both languages, and nothing is empty', () => {
        for (const [key, text] of Object.entries(en)) {
          expect(text.trim(), `en ${key}`).not.toBe('');
          const forms = Object.keys(ru).filter((k) => base(k) === base(key));
          for (const form of forms) {
            expect(ru[form]!.trim(), `ru ${form}`).not.toBe('');
            // A Russian plural form may leave out {{count}} ("одно изображение"), but adds nothing English lacks.
            const extra = placeholders(ru[form]!).filter((p) => !placeholders(text).includes(p));
            expect(extra, `ru ${form}`).toEqual([]);
          }
          if (!PLURAL.test(key)) expect(placeholders(ru[key] ?? ''), `ru ${key}`).toEqual(placeholders(text));
        }
      });
    });
  }
});

describe('the lint rule for literal strings in the renderer', () => {
  it('fails on text that does not go through the catalogue, and lets keys and class names through', async () => {
    const eslint = new ESLint();
    const code = [
      "import { useTranslation } from 'react-i18next';",
      'export function Sample({ on }: { on: boolean }) {',
      "  const { t } = useTranslation('app');",
      '  return (',
      "    <div className={on ? 'nav-item drop-target' : 'nav-item'} data-state=\"open\">",
      '      <h1>Welcome to Holst</h1>',
      '      <button type="button" aria-label="Close the dialog">{t(\'home.title\')}</button>',
      "      <p title={on ? 'Remove' : t('home.lead')}>{`${1} images`}</p>",
      '    </div>',
      '  );',
      '}',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: path.resolve('src/renderer/features/sample/Sample.tsx') });
    const found = result!.messages.filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.line);
    expect(found.sort()).toEqual([6, 7, 8]);
  });

  /** Attributes whose values are names for the code (classes, ids, addresses), never prose. */
  const technical = (node: ts.Node) =>
    ts.isJsxAttribute(node) &&
    /^(className|id|htmlFor|key|src|href|list|data-[\w-]+|aria-(controls|labelledby|describedby|owns|activedescendant))$/.test(
      node.name.getText(),
    );

  // The rule passes over template literals placed straight in JSX (`{`${n} images`}`): this finds them.
  it('finds no prose in template literals shown in JSX', () => {
    const found: string[] = [];
    const visit = (node: ts.Node, file: ts.SourceFile) => {
      if (ts.isTemplateExpression(node) && ts.isJsxExpression(node.parent) && !technical(node.parent.parent)) {
        const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
        if (/\p{L}{2,}/u.test(text))
          found.push(`${path.relative('.', file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, (child) => visit(child, file));
    };
    const sources = fs.readdirSync('src/renderer', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    for (const relative of sources) {
      const fileName = path.join('src/renderer', relative);
      const file = ts.createSourceFile(fileName, fs.readFileSync(fileName, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      visit(file, file);
    }
    expect(found).toEqual([]);
  });
});
