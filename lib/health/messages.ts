import type { Tone } from '../model/interaction';
import type { SignalKind } from '../model/signal';
import type { HealthComponentId } from './weights';

/**
 * Every user-facing string of the health score, in English and Japanese, to be merged into the
 * i18n dictionaries. The engine returns keys and parameters only (never English), so the sidebar
 * and the exports can show them in the UI language. `{name}` placeholders. Counts are written as
 * "label: {count}" so no plural forms are needed.
 */
export const healthEn = {
  'health.title': 'Health',
  'health.score': 'Health {score}/100',
  'health.score.none': 'Not enough data for a health score yet.',
  'health.component.usage': 'Usage',
  'health.component.engagement': 'Engagement',
  'health.component.relationship': 'Relationship',
  'health.component.goals': 'Goals',
  'health.component.signals': 'Signals',
  'health.component.value': '{name}: {value}/100, counts {weight}%',
  'health.subscription': '{subscription}: {score}/100',
  'health.subscription.none': '{subscription}: not enough data',

  'health.missing.usage': 'Usage: no usage data imported',
  'health.missing.engagement': 'Engagement: no touches logged',
  'health.missing.relationship': 'Relationship: no tone noted in the last year',
  'health.missing.goals': 'Goals: no success goals set',
  'health.missing.signals': 'Signals: none recorded',
  'health.missing.shared': 'Parts without data are left out; their weight is shared among the others.',

  'health.trend.up': 'rising',
  'health.trend.down': 'falling',
  'health.trend.flat': 'steady',
  'health.trend.unknown': 'no earlier score',
  'health.sparkline': 'Active users, last {days} days',
  'health.usageAsOf': 'Usage data up to {date}',

  'health.reason.seatUtilisation': 'Seat utilisation {percent}% ({active} of {seats} seats)',
  'health.reason.activeUsersUp': 'Active users up {percent}% in the last {days} days vs the {days} before ({previous} → {current} a day on average)',
  'health.reason.activeUsersDown': 'Active users down {percent}% in the last {days} days vs the {days} before ({previous} → {current} a day on average)',
  'health.reason.activeUsersSteady': 'Active users steady in the last {days} days vs the {days} before ({previous} → {current} a day on average)',
  'health.reason.activeUsersStarted': 'Active users appeared in the last {days} days ({current} a day on average; none in the {days} before)',
  'health.reason.noActiveUsers': 'No active users in the last {days} days nor in the {days} before',
  'health.reason.featureBreadth': 'Features used in the last 30 days: {used} of {total}',
  'health.reason.lastTouch': 'Last touch {days} days ago',
  'health.reason.lastTouchToday': 'Last touch today',
  'health.reason.touchCadence': 'Touches in the last 90 days: {count}',
  'health.reason.toneWarm': 'Tone of recent touches is warm (readings: {count}; newer ones count more)',
  'health.reason.toneMixed': 'Tone of recent touches is mixed (readings: {count}; newer ones count more)',
  'health.reason.toneCool': 'Tone of recent touches is cool (readings: {count}; newer ones count more)',
  'health.reason.latestTone.enthusiastic': 'Latest tone: enthusiastic ({days} days ago)',
  'health.reason.latestTone.positive': 'Latest tone: positive ({days} days ago)',
  'health.reason.latestTone.neutral': 'Latest tone: neutral ({days} days ago)',
  'health.reason.latestTone.hesitant': 'Latest tone: hesitant ({days} days ago)',
  'health.reason.latestTone.negative': 'Latest tone: negative ({days} days ago)',
  'health.reason.opportunityLift': 'Open advocacy or expansion signals: {count} (+{points})',
  'health.reason.goalsAchieved': 'Goals achieved: {achieved} of {total}',
  'health.reason.goalsInProgress': 'Goals in progress: {count}',
  'health.reason.goalsNoOutlook': 'Goals with no outlook: {count}',
  'health.reason.openRisks': 'Open risk signals: {count} (high severity: {high})',
  'health.reason.openOpportunities': 'Open opportunity signals: {count}',
  'health.reason.noOpenSignals': 'No open signals',

  'health.blindSpots': 'Blind spots',
  'health.blindSpotKind.hidden-risk': 'Hidden risk',
  'health.blindSpotKind.adoption-gap': 'Adoption gap',
  'health.blindSpot.keyPersonLeft': 'Usage looks healthy, but a champion or sponsor has left; usage often lags the loss of its advocate.',
  'health.blindSpot.sponsorPriorityDropped': 'Usage looks healthy, but the sponsor no longer treats this as a priority.',
  'health.blindSpot.newStakeholderCompetitor': 'Usage looks healthy, but a new stakeholder has arrived while a competitor is in the conversation.',
  'health.blindSpot.roadmapDisappointment': 'Usage looks healthy, but the customer is disappointed with the roadmap.',
  'health.blindSpot.roiQuestioned': 'Usage looks healthy, but the customer questions the return on investment.',
  'health.blindSpot.roiNeverShown': 'Usage looks healthy, but value has never been shown: no goal with a metric, none achieved.',
  'health.blindSpot.unresolvedIssue': 'Usage looks healthy, but the last touch left an issue unresolved.',
  'health.blindSpot.goalsExhausted': 'Usage looks healthy, but every goal is achieved and no new one is set.',
  'health.blindSpot.adoptionGap': 'Renewal likely: the gap is adoption, not churn.',

  'health.evidence.usageScore': 'Usage score {value}/100',
  'health.evidence.relationshipScore': 'Relationship score {value}/100',
  'health.evidence.keyPersonLeft.champion': '{name} (champion) left on {date}',
  'health.evidence.keyPersonLeft.executive-sponsor': '{name} (executive sponsor) left on {date}',
  'health.evidence.competitorInText': 'The new-stakeholder signal mentions a competitor',
  'health.evidence.noRoiShown': 'Customer for {days} days; no goal has a metric and none is achieved',
  'health.evidence.lastTouch': 'Last touch on {date}',
  'health.evidence.allGoalsAchieved': 'All goals achieved ({count}), the last on {date}; none set since',

  'health.signal.stakeholder-change': 'Stakeholder change (open since {date})',
  'health.signal.champion-left': 'Champion left (open since {date})',
  'health.signal.new-stakeholder': 'New stakeholder (open since {date})',
  'health.signal.sponsor-priority-dropped': 'Sponsor’s priority dropped (open since {date})',
  'health.signal.reorganisation': 'Reorganisation (open since {date})',
  'health.signal.budget-change': 'Budget change (open since {date})',
  'health.signal.competitor-mentioned': 'Competitor mentioned (open since {date})',
  'health.signal.roi-questioned': 'ROI questioned (open since {date})',
  'health.signal.roadmap-disappointment': 'Roadmap disappointment (open since {date})',
  'health.signal.unresolved-issue': 'Unresolved issue (open since {date})',
  'health.signal.goals-exhausted': 'Goals exhausted (open since {date})',
  'health.signal.expansion-interest': 'Expansion interest (open since {date})',
  'health.signal.advocacy': 'Advocacy (open since {date})',
  'health.signal.other': '{label} (open since {date})',
};

export type HealthMessageKey = keyof typeof healthEn;

export const healthJa: Record<HealthMessageKey, string> = {
  'health.title': 'ヘルス',
  'health.score': 'ヘルス {score}/100',
  'health.score.none': 'ヘルススコアを出すためのデータがまだ足りません。',
  'health.component.usage': '利用状況',
  'health.component.engagement': '接点',
  'health.component.relationship': '関係性',
  'health.component.goals': 'ゴール',
  'health.component.signals': 'シグナル',
  'health.component.value': '{name}：{value}/100（比重 {weight}%）',
  'health.subscription': '{subscription}：{score}/100',
  'health.subscription.none': '{subscription}：データ不足',

  'health.missing.usage': '利用状況：利用データが取り込まれていません',
  'health.missing.engagement': '接点：接点の記録がありません',
  'health.missing.relationship': '関係性：この 1 年に温度感の記録がありません',
  'health.missing.goals': 'ゴール：サクセスゴールが設定されていません',
  'health.missing.signals': 'シグナル：記録がありません',
  'health.missing.shared': 'データのない項目は除き、その比重はほかの項目に按分しています。',

  'health.trend.up': '上昇',
  'health.trend.down': '低下',
  'health.trend.flat': '横ばい',
  'health.trend.unknown': '比較できる過去のスコアなし',
  'health.sparkline': 'アクティブユーザー数（直近 {days} 日）',
  'health.usageAsOf': '利用データは{date}まで',

  'health.reason.seatUtilisation': 'ライセンス利用率 {percent}%（{seats} ライセンス中 {active} 人が利用）',
  'health.reason.activeUsersUp': '直近 {days} 日のアクティブユーザー数はその前の {days} 日より {percent}% 増加（1 日平均 {previous} → {current}）',
  'health.reason.activeUsersDown': '直近 {days} 日のアクティブユーザー数はその前の {days} 日より {percent}% 減少（1 日平均 {previous} → {current}）',
  'health.reason.activeUsersSteady': '直近 {days} 日のアクティブユーザー数はその前の {days} 日とほぼ同じ（1 日平均 {previous} → {current}）',
  'health.reason.activeUsersStarted': '直近 {days} 日にアクティブユーザーが現れました（1 日平均 {current}、その前の {days} 日は 0）',
  'health.reason.noActiveUsers': '直近 {days} 日もその前の {days} 日もアクティブユーザーがいません',
  'health.reason.featureBreadth': '直近 30 日に使われた機能：{total} 個中 {used} 個',
  'health.reason.lastTouch': '最後の接点は {days} 日前',
  'health.reason.lastTouchToday': '最後の接点は今日',
  'health.reason.touchCadence': '直近 90 日の接点：{count} 回',
  'health.reason.toneWarm': '最近の接点の温度感は良好です（記録 {count} 件、新しいものほど重視）',
  'health.reason.toneMixed': '最近の接点の温度感はまちまちです（記録 {count} 件、新しいものほど重視）',
  'health.reason.toneCool': '最近の接点の温度感は冷えています（記録 {count} 件、新しいものほど重視）',
  'health.reason.latestTone.enthusiastic': '直近の温度感：とても前向き（{days} 日前）',
  'health.reason.latestTone.positive': '直近の温度感：前向き（{days} 日前）',
  'health.reason.latestTone.neutral': '直近の温度感：ふつう（{days} 日前）',
  'health.reason.latestTone.hesitant': '直近の温度感：ためらい（{days} 日前）',
  'health.reason.latestTone.negative': '直近の温度感：否定的（{days} 日前）',
  'health.reason.opportunityLift': '未解決の推奨・拡大関心のシグナル：{count} 件（+{points}）',
  'health.reason.goalsAchieved': '達成したゴール：{total} 件中 {achieved} 件',
  'health.reason.goalsInProgress': '進行中のゴール：{count} 件',
  'health.reason.goalsNoOutlook': '見通しの立たないゴール：{count} 件',
  'health.reason.openRisks': '未解決のリスクシグナル：{count} 件（重要度「高」：{high} 件）',
  'health.reason.openOpportunities': '未解決の機会シグナル：{count} 件',
  'health.reason.noOpenSignals': '未解決のシグナルはありません',

  'health.blindSpots': '見落としやすい点',
  'health.blindSpotKind.hidden-risk': '隠れたリスク',
  'health.blindSpotKind.adoption-gap': '定着の課題',
  'health.blindSpot.keyPersonLeft': '利用は順調に見えますが、チャンピオンまたはスポンサーが離れています。推進役を失った影響は、利用データには遅れて表れます。',
  'health.blindSpot.sponsorPriorityDropped': '利用は順調に見えますが、スポンサーにとっての優先度が下がっています。',
  'health.blindSpot.newStakeholderCompetitor': '利用は順調に見えますが、新しいステークホルダーが加わり、競合も話題に上がっています。',
  'health.blindSpot.roadmapDisappointment': '利用は順調に見えますが、顧客はロードマップに失望しています。',
  'health.blindSpot.roiQuestioned': '利用は順調に見えますが、顧客は投資対効果に疑問を持っています。',
  'health.blindSpot.roiNeverShown': '利用は順調に見えますが、価値をまだ示せていません。指標のあるゴールも、達成したゴールもありません。',
  'health.blindSpot.unresolvedIssue': '利用は順調に見えますが、最後の接点で問題が未解決のまま残っています。',
  'health.blindSpot.goalsExhausted': '利用は順調に見えますが、ゴールをすべて達成し、新しいゴールが設定されていません。',
  'health.blindSpot.adoptionGap': '更新の見込みは高く、課題は解約ではなく定着です。',

  'health.evidence.usageScore': '利用状況のスコア {value}/100',
  'health.evidence.relationshipScore': '関係性のスコア {value}/100',
  'health.evidence.keyPersonLeft.champion': '{name}（チャンピオン）が {date} に離任',
  'health.evidence.keyPersonLeft.executive-sponsor': '{name}（エグゼクティブスポンサー）が {date} に離任',
  'health.evidence.competitorInText': '新しいステークホルダーのシグナルに競合への言及があります',
  'health.evidence.noRoiShown': '取引開始から {days} 日、指標のあるゴールも達成したゴールもありません',
  'health.evidence.lastTouch': '最後の接点：{date}',
  'health.evidence.allGoalsAchieved': 'ゴールをすべて達成（{count} 件、最後は {date}）、以降の新しいゴールなし',

  'health.signal.stakeholder-change': 'ステークホルダーの変更（{date} から未解決）',
  'health.signal.champion-left': 'チャンピオンの退職・異動（{date} から未解決）',
  'health.signal.new-stakeholder': '新しいステークホルダー（{date} から未解決）',
  'health.signal.sponsor-priority-dropped': 'スポンサーの優先度低下（{date} から未解決）',
  'health.signal.reorganisation': '組織再編（{date} から未解決）',
  'health.signal.budget-change': '予算の変化（{date} から未解決）',
  'health.signal.competitor-mentioned': '競合への言及（{date} から未解決）',
  'health.signal.roi-questioned': 'ROI への疑問（{date} から未解決）',
  'health.signal.roadmap-disappointment': 'ロードマップへの失望（{date} から未解決）',
  'health.signal.unresolved-issue': '未解決の問題（{date} から未解決）',
  'health.signal.goals-exhausted': 'ゴールの使い切り（{date} から未解決）',
  'health.signal.expansion-interest': '拡大への関心（{date} から未解決）',
  'health.signal.advocacy': '推奨・支持（{date} から未解決）',
  'health.signal.other': '{label}（{date} から未解決）',
};

export function isHealthMessageKey(value: unknown): value is HealthMessageKey {
  return typeof value === 'string' && Object.hasOwn(healthEn, value);
}

// Code → key. Typed with template literals, so a new code without a message is a type error.
export const componentNameKey = (id: HealthComponentId): HealthMessageKey => `health.component.${id}`;
export const missingKey = (id: HealthComponentId): HealthMessageKey => `health.missing.${id}`;
export const trendKey = (trend: 'up' | 'down' | 'flat' | 'unknown'): HealthMessageKey => `health.trend.${trend}`;
export const blindSpotKindKey = (kind: 'hidden-risk' | 'adoption-gap'): HealthMessageKey => `health.blindSpotKind.${kind}`;
export const signalEvidenceKey = (kind: SignalKind): HealthMessageKey => `health.signal.${kind}`;
export const latestToneKey = (tone: Tone): HealthMessageKey => `health.reason.latestTone.${tone}`;
