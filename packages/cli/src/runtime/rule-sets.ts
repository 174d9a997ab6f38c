import type { CreditRuleSet } from '@jianguan/credit-rules';
import { parseRuleSet, samrBaselineRuleSet, sdFiveClassRuleSet } from '@jianguan/credit-rules';
import { usageError } from './errors.js';
import { readJsonFile } from './files.js';

/** The credit rule sets shipped with `@jianguan/credit-rules`, by id. */
export const shippedRuleSets: Readonly<Record<string, CreditRuleSet>> = {
  [samrBaselineRuleSet.id]: samrBaselineRuleSet,
  [sdFiveClassRuleSet.id]: sdFiveClassRuleSet,
};

/** The default rule set of `grade` and `draw --rule-set`. */
export const DEFAULT_RULE_SET_ID = samrBaselineRuleSet.id;

/**
 * A rule set by shipped id, or read (and validated) from a JSON file when the argument is a path
 * (contains a `/`, `\` or ends in `.json`).
 */
export async function resolveCreditRuleSet(
  cwd: string,
  command: string,
  idOrPath: string,
): Promise<CreditRuleSet> {
  const shipped = shippedRuleSets[idOrPath];
  if (shipped !== undefined) return shipped;
  if (/[/\\]/.test(idOrPath) || idOrPath.toLowerCase().endsWith('.json')) {
    return parseRuleSet(await readJsonFile(cwd, idOrPath));
  }
  const ids = Object.keys(shippedRuleSets).join(', ');
  throw usageError(
    'unknown_rule_set',
    {
      zh: `未知的信用规则集：${idOrPath}（内置：${ids}；也可给出规则集 JSON 文件路径）`,
      en: `unknown credit rule set: ${idOrPath} (shipped: ${ids}; or give the path of a rule-set JSON file)`,
    },
    {
      details: { ruleSet: idOrPath },
      hint: {
        zh: `运行 \`jianguan ${command} --list-rule-sets\``,
        en: `run \`jianguan ${command} --list-rule-sets\``,
      },
    },
  );
}
