import type { LocalizedMessage } from '@jianguan/core';

/**
 * One line per command for `jianguan --help` (命令摘要). They live here, not only in the command modules, so
 * the top-level help lists every command without loading any of them (see registry.ts).
 */
export const COMMAND_SUMMARIES = {
  check: {
    zh: '按数据标准质检 CSV/JSON/JSONL 文件',
    en: 'quality-check CSV, JSON or JSONL files against the data standard',
  },
  workday: { zh: '按国家法定工作日历计算工作日', en: "working days on China's official calendar" },
  grade: { zh: '按信用规则集对企业进行信用分级', en: 'grade entities by a credit rule set' },
  draw: {
    zh: '从检查对象名录中随机抽取，生成可核验的抽查记录',
    en: 'draw entities at random into a verifiable draw record',
  },
  verify: {
    zh: '核验公布的抽查记录（重新计算抽取结果）',
    en: 'verify a published draw record by re-running it',
  },
  kpi: {
    zh: '按考核指标集计分并生成评分表',
    en: 'score a unit under an indicator set and write the scorecard',
  },
  sandbox: {
    zh: '启动本地省级平台沙箱（Ctrl-C 停止）',
    en: 'start the local provincial sandbox (Ctrl-C stops it)',
  },
  db: {
    zh: '安装或查看 jianguan 数据库结构（PostgreSQL 或 PGlite）',
    en: 'install or inspect the jianguan database schema (PostgreSQL or PGlite)',
  },
  catalog: {
    zh: '监管事项目录：认领缺口、法定依据同源匹配、版本比对',
    en: 'the regulatory-item catalog: claim gaps, legal-basis matching, version diffs',
  },
  tasks: {
    zh: '列出任务日志中已逾期、今日到期、临期和办理中的任务',
    en: 'list overdue, due-today, at-risk and open work items of a task log',
  },
} as const satisfies Readonly<Record<string, LocalizedMessage>>;
