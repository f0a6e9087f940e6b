import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { createRequire } from 'node:module';
import { RULE_IDS } from './rules/index.js';

// Per-office settings, found upward from each checked file like
// .eslintrc/.textlintrc: `.reportmetricsrc.json`, or a `reportMetrics`
// field in package.json. The nearest one wins. `.reportmetricsignore`
// (gitignore syntax) names files not to check.

/** The settings, as zod checks them: built when a configuration file is found, so a run without one never loads zod. */
function configSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  return z
    .object({
      placeholders: z
        .object({
          extra: z.array(z.string()).default([]).describe('More placeholder patterns (JavaScript regular expressions), reported as text placeholders'),
          allow: z.array(z.string()).default([]).describe('Words that are not placeholders in these documents (X光, X射线)'),
        })
        .default({ extra: [], allow: [] }),
      rules: z.partialRecord(z.enum(RULE_IDS), z.enum(['error', 'warn', 'off', 'on'])).default({}).describe('Severity of each rule: error (exit 1), warn, off; on gives the rule its default severity, or warn for a rule off by default'),
    })
    .strict();
}

export interface LintConfig {
  placeholders: { extra: string[]; allow: string[] };
  rules: Partial<Record<(typeof RULE_IDS)[number], 'error' | 'warn' | 'off' | 'on'>>;
}

/** The settings when no file gives any. */
export function defaultConfig(): LintConfig {
  return { placeholders: { extra: [], allow: [] }, rules: {} };
}

export const CONFIG_FILE = '.reportmetricsrc.json';
export const IGNORE_FILE = '.reportmetricsignore';

export class ConfigError extends Error {}

const configCache = new Map<string, { config: LintConfig; source: string | null }>();

/** Forgets the configurations read, so an edited file counts (the language server's quick fix). */
export function clearConfigCache(): void {
  configCache.clear();
}

export function parseConfig(raw: unknown, source: string): LintConfig {
  const parsed = configSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  for (const pattern of parsed.data.placeholders.extra) {
    try {
      new RegExp(pattern, 'gu');
    } catch (err) {
      throw new ConfigError(`${source}: placeholders.extra: ${(err as Error).message}`);
    }
  }
  return parsed.data;
}

/** The configuration in force for a file in `dir`: the nearest config file upward, else defaults. */
export function configFor(dir: string): { config: LintConfig; source: string | null } {
  const start = resolve(dir);
  const cached = configCache.get(start);
  if (cached) return cached;
  let found: { config: LintConfig; source: string | null } = { config: defaultConfig(), source: null };
  for (let d = start; ; d = dirname(d)) {
    const rc = join(d, CONFIG_FILE);
    if (existsSync(rc)) {
      found = { config: parseConfig(readJson(rc), rc), source: rc };
      break;
    }
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) {
      const json = readJson(pkg) as { reportMetrics?: unknown };
      if (json && typeof json === 'object' && 'reportMetrics' in json) {
        found = { config: parseConfig(json.reportMetrics, `${pkg} (reportMetrics)`), source: pkg };
        break;
      }
    }
    if (dirname(d) === d) break;
  }
  configCache.set(start, found);
  return found;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

const ignoreCache = new Map<string, { base: string; matcher: Ignore } | null>();

function ignoreFileFor(dir: string): { base: string; matcher: Ignore } | null {
  const start = resolve(dir);
  if (ignoreCache.has(start)) return ignoreCache.get(start)!;
  let found: { base: string; matcher: Ignore } | null = null;
  for (let d = start; ; d = dirname(d)) {
    const file = join(d, IGNORE_FILE);
    if (existsSync(file)) {
      found = { base: d, matcher: ignore().add(readFileSync(file, 'utf8')) };
      break;
    }
    if (dirname(d) === d) break;
  }
  ignoreCache.set(start, found);
  return found;
}

/** Whether the nearest .reportmetricsignore above `path` excludes it. */
export function isIgnored(path: string): boolean {
  const full = resolve(path);
  const rules = ignoreFileFor(dirname(full));
  if (!rules) return false;
  const rel = relative(rules.base, full).split('\\').join('/');
  return rel !== '' && !rel.startsWith('..') && rules.matcher.ignores(rel);
}
