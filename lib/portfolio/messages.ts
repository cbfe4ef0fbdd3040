import type { TrendDirection } from '../model/trend';

/**
 * Every user-facing string of the portfolio page, in English and Japanese, to be merged into the
 * i18n dictionaries. The ranking returns reasons as keys with parameters; counts pick a `.one` or
 * `.other` key so English reads naturally without plural rules in `t()`. `{name}` placeholders.
 */
export const portfolioEn = {
  'portfolio.title': 'Portfolio',
  'portfolio.subtitle': 'Accounts ranked by how much they need your attention',
  'portfolio.count': '{shown} of {total} accounts',
  'portfolio.openRecord': 'Open the CRM record',
  'portfolio.export': 'Export CSV',

  'portfolio.reason.healthLow': 'Low health ({score})',
  'portfolio.reason.healthFalling': 'Health falling',
  'portfolio.reason.blindSpots.one': '{count} blind spot',
  'portfolio.reason.blindSpots.other': '{count} blind spots',
  'portfolio.reason.openRisks.one': '{count} open risk signal',
  'portfolio.reason.openRisks.other': '{count} open risk signals',
  'portfolio.reason.overdueSteps.one': '{count} overdue next step',
  'portfolio.reason.overdueSteps.other': '{count} overdue next steps',
  'portfolio.reason.noTouch': 'No touch for {days} days',
  'portfolio.reason.neverTouched': 'No touch recorded yet',
  'portfolio.reason.toneStale': 'Tone not refreshed for {days} days',
  'portfolio.reason.renewalToday': 'Renewal today',
  'portfolio.reason.renewalSoon.one': 'Renewal in {days} day',
  'portfolio.reason.renewalSoon.other': 'Renewal in {days} days',
  'portfolio.reason.renewalPassed.one': 'Renewal date passed {days} day ago',
  'portfolio.reason.renewalPassed.other': 'Renewal date passed {days} days ago',
  'portfolio.reason.goalsExhausted': 'Every goal achieved, no new goal set',
  'portfolio.reason.nothingRecorded': 'Nothing recorded yet',
  'portfolio.reason.noConcerns': 'Nothing needs attention',

  'portfolio.trend.up': 'Rising',
  'portfolio.trend.down': 'Falling',
  'portfolio.trend.flat': 'Steady',
  'portfolio.trend.unknown': 'Unknown',
  'portfolio.noHealth': 'No score yet',
  'portfolio.neverTouched': 'Never',
  'portfolio.noRenewal': 'Not on the record',

  'portfolio.column.name': 'Account',
  'portfolio.column.url': 'CRM record',
  'portfolio.column.attention': 'Attention',
  'portfolio.column.health': 'Health',
  'portfolio.column.trend': 'Health trend',
  'portfolio.column.reasons': 'Why',
  'portfolio.column.daysSinceTouch': 'Days since last touch',
  'portfolio.column.openRisks': 'Open risk signals',
  'portfolio.column.overdueSteps': 'Overdue next steps',
  'portfolio.column.renewalDate': 'Renewal date',

  'portfolio.filter.riskOnly': 'Open risks only',
  'portfolio.filter.renewal': 'Renewal',
  'portfolio.filter.renewalWithin': 'Within {days} days',
  'portfolio.filter.noTouch': 'Last touch',
  'portfolio.filter.noTouchFor': 'None for {days} days or more',
  'portfolio.filter.any': 'Any',
  'portfolio.filter.search': 'Search accounts',
  'portfolio.filter.clear': 'Clear filters',

  'portfolio.empty.noAccounts': 'No accounts yet: open an account in Salesforce or import usage data.',
  'portfolio.empty.noMatch': 'No account matches these filters.',
};

export type PortfolioMessageKey = keyof typeof portfolioEn;

export const portfolioJa: Record<PortfolioMessageKey, string> = {
  'portfolio.title': 'ポートフォリオ',
  'portfolio.subtitle': '対応が必要な順に並べた取引先',
  'portfolio.count': '全 {total} 件中 {shown} 件の取引先',
  'portfolio.openRecord': 'CRM のレコードを開く',
  'portfolio.export': 'CSV で書き出す',

  'portfolio.reason.healthLow': 'ヘルスが低い（{score}）',
  'portfolio.reason.healthFalling': 'ヘルスが低下中',
  'portfolio.reason.blindSpots.one': '死角が {count} 件',
  'portfolio.reason.blindSpots.other': '死角が {count} 件',
  'portfolio.reason.openRisks.one': '未解決のリスクシグナルが {count} 件',
  'portfolio.reason.openRisks.other': '未解決のリスクシグナルが {count} 件',
  'portfolio.reason.overdueSteps.one': '期限切れの次のアクションが {count} 件',
  'portfolio.reason.overdueSteps.other': '期限切れの次のアクションが {count} 件',
  'portfolio.reason.noTouch': '{days} 日間接点なし',
  'portfolio.reason.neverTouched': '接点の記録がまだありません',
  'portfolio.reason.toneStale': '温度感が {days} 日間更新されていません',
  'portfolio.reason.renewalToday': '本日が契約更新日',
  'portfolio.reason.renewalSoon.one': '契約更新まであと {days} 日',
  'portfolio.reason.renewalSoon.other': '契約更新まであと {days} 日',
  'portfolio.reason.renewalPassed.one': '契約更新日を {days} 日過ぎています',
  'portfolio.reason.renewalPassed.other': '契約更新日を {days} 日過ぎています',
  'portfolio.reason.goalsExhausted': 'すべてのゴールを達成し、新しいゴールが未設定',
  'portfolio.reason.nothingRecorded': 'まだ何も記録されていません',
  'portfolio.reason.noConcerns': '気になる点はありません',

  'portfolio.trend.up': '上昇',
  'portfolio.trend.down': '低下',
  'portfolio.trend.flat': '横ばい',
  'portfolio.trend.unknown': '不明',
  'portfolio.noHealth': 'スコアなし',
  'portfolio.neverTouched': 'なし',
  'portfolio.noRenewal': 'レコードに記載なし',

  'portfolio.column.name': '取引先',
  'portfolio.column.url': 'CRM レコード',
  'portfolio.column.attention': '要対応度',
  'portfolio.column.health': 'ヘルス',
  'portfolio.column.trend': 'ヘルスの傾向',
  'portfolio.column.reasons': '理由',
  'portfolio.column.daysSinceTouch': '最終接点からの日数',
  'portfolio.column.openRisks': '未解決のリスクシグナル',
  'portfolio.column.overdueSteps': '期限切れの次のアクション',
  'portfolio.column.renewalDate': '契約更新日',

  'portfolio.filter.riskOnly': '未解決のリスクがある取引先のみ',
  'portfolio.filter.renewal': '契約更新',
  'portfolio.filter.renewalWithin': '{days} 日以内',
  'portfolio.filter.noTouch': '最終接点',
  'portfolio.filter.noTouchFor': '{days} 日以上なし',
  'portfolio.filter.any': '指定なし',
  'portfolio.filter.search': '取引先を検索',
  'portfolio.filter.clear': '絞り込みを解除',

  'portfolio.empty.noAccounts': 'まだ取引先がありません。Salesforce で取引先を開くか、利用データを取り込んでください。',
  'portfolio.empty.noMatch': 'この条件に一致する取引先はありません。',
};

/** Anything that turns a key and its parameters into text: the UI's `t`, or a test double. */
export type PortfolioTranslate = (key: PortfolioMessageKey, params?: Record<string, string | number>) => string;

// Code → key. Typed with template literals, so a new trend without a message is a type error.
export const isPortfolioMessageKey = (key: unknown): key is PortfolioMessageKey => typeof key === 'string' && Object.hasOwn(portfolioEn, key);

export const trendKey = (trend: TrendDirection): PortfolioMessageKey => `portfolio.trend.${trend}`;

/** Why a row ranks where it does: a message key and its parameters, never English. */
export interface Reason {
  key: PortfolioMessageKey;
  params?: Record<string, string | number>;
}

export const reasonText = (reason: Reason, translate: PortfolioTranslate): string => translate(reason.key, reason.params);

export type CountedReason = 'blindSpots' | 'openRisks' | 'overdueSteps' | 'renewalSoon' | 'renewalPassed';

/** The `.one` or `.other` form of a counted reason. */
export const countedReasonKey = (reason: CountedReason, count: number): PortfolioMessageKey =>
  count === 1 ? `portfolio.reason.${reason}.one` : `portfolio.reason.${reason}.other`;
