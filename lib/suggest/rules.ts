/**
 * What the quick log's suggestions look for: phrases per signal kind in English and Japanese, the
 * words that deny or hedge them away, and the words that make a conversation sound warm or cold.
 * Data only; lib/suggest/match.ts reads it. To teach it a phrase, add it to its kind's list (and a
 * sentence to lib/suggest/labelled-sentences.ts, then run `npm run bench:suggest`).
 *
 * Phrase syntax, kept small on purpose:
 * - English: words separated by spaces, matched as whole words, case-insensitive. `word*` is any
 *   word starting with `word`, `*word` any word ending with it (`*n't`); `a|b` is either word in
 *   that place; `…` is up to five words in between (never across a comma or a full stop).
 * - Japanese: written as is; it must start on a word boundary (found with `Intl.Segmenter`) and
 *   end on one, or be followed only by a verb's ending in hiragana (乗り換え matches 乗り換える,
 *   退職 does not match inside 退職金). `a|b` is either; `…` is up to twelve characters in
 *   between (within a sentence); `*` at the end lets the word go on with anything.
 */
import type { Polarity, SignalKind } from '../model/signal';
import type { Tone } from '../model/interaction';

export interface PhraseRule {
  kind: SignalKind;
  /** When it differs from the kind's usual polarity (a budget approved is an opportunity). */
  polarity?: Polarity;
  en: readonly string[];
  ja: readonly string[];
  /** Longer phrases around a match that mean something else (自己紹介 is not advocacy). */
  notWithin?: readonly string[];
  /** Words later in the same clause that say it is over (“fixed”, 解決済み). */
  cancelledBy?: { en: readonly string[]; ja: readonly string[] };
}

const RESOLVED = {
  en: ['resolved', 'fixed', 'closed', 'solved', 'sorted out', 'working again'],
  ja: ['解決済', '解消済', '解決した', '解消した', '直った', '修正済', '対応済', '復旧'],
};
const SATISFIED = {
  en: ['is|was|seems clear|proven|obvious|strong|great', 'happy with', 'no questions'],
  ja: ['満足', '納得', '十分', '実感', '評価して'],
};

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    kind: 'champion-left',
    en: [
      'leaving the company|firm|business|organisation|organization|team|role|job',
      "is|are|'s|am|was|were|be|been leaving",
      'plan* on|to leave|leaving',
      'moving|moved|moves on',
      'resign*', 'quit|quits|quitting', 'hand*|handed in … notice', 'notice period', 'last day', 'stepping|steps|stepped down',
      'retire|retiring|retires|retirement', 'left the company|firm|business', 'departure', 'departing',
      'transferred|transferring|relocated|relocating', 'moving to another|a|the … office|team|role|department|division|company|job|position',
      'new job', 'taking|took|accepted … job|role|position|offer at|with', 'poached', 'laid off', 'let go', 'accepted|accepting|took an|a|another offer', 'offer elsewhere', 'hand|handing|hands … over to', 'handing over', 'handover', 'successor … named|found|yet', 'parental|maternity|paternity|long-term leave', 'sabbatical',
    ],
    ja: ['退職', '退社', '転職', '異動', '転勤', '離任', '辞め', '辞任', '退任', '出向', '最終出社', '卒業され', '引き継ぎ…退', '会社を辞', '引き継ぎ', '後任…未定|決まっていない|探して', '産休', '育休', '休職'],
    notWithin: [
      'leaving the meeting', 'leaving the call', 'leaving early', 'leaving for lunch', 'leaving feedback', 'leaving a comment', 'leaving a review',
      'moving on to the next', 'moved on to the next', 'moving on to another topic', 'last day of the', 'last day to', 'quit the app', 'quit the call',
    ],
  },
  {
    kind: 'new-stakeholder',
    en: [
      'new VP|SVP|EVP|CIO|CTO|CFO|CEO|COO|CISO|CRO|CDO|CMO|head|director|manager|sponsor|champion|admin|administrator|lead|owner|boss|executive|exec|president|chief|leader|leadership|contact|stakeholder|decision-maker',
      'newly appointed|hired', 'incoming', 'just|recently|has|have joined', 'joined … as', 'hired a new', 'took|takes|taking over', 'replacement', 'successor', 'introduced to the|their new', 'met … new', 'first time meeting', 'first meeting with',
    ],
    ja: ['新任', '着任', '就任', '後任', '新しい…部長|課長|担当|責任者|役員|上司|窓口|マネージャー|CIO|CTO|CFO|VP|リーダー|メンバー', '新たに…加わ', '新しく…就任|着任|加わ', '新しく…部長|課長|担当|責任者|役員|上司|窓口|来られ|来た|入った|配属', '新たに…部長|課長|担当|責任者|役員|着任|配属', '配属', '参画', '入社', '交代'],
  },
  {
    kind: 'reorganisation',
    en: ['reorg', 'reorgs', 'reorganis*', 'reorganiz*', 'restructur*', 'merg* … department|departments|teams|team|division|divisions|org|units', 'acquisition', 'acquired by', 'merger', 'reports to … new', 'reporting line*', 'new org chart', 'org changes', 'split into', 'reshuffl*', 'spun off', 'spin-off', 'carve-out', 'new department|division|business unit', 'centraliz*|centralis*|decentraliz*|decentralis*'],
    ja: ['組織変更', '組織改編', '組織再編', '再編', '統廃合', '体制変更', '体制…変わ', '合併', '買収', '分社', '部門…統合', 'に統合', '組織の見直し', '部署…統合', '新設', '窓口…変わ', '体制…刷新', '分割', '移管'],
  },
  {
    kind: 'budget-change',
    en: [
      'budget|budgets … cut|cuts|slashed|reduced|reduction|frozen|freeze|squeezed|tight|tighter|tightened|constraint*|pressure|shrinking',
      'cut|cuts|cutting|slash*|reduc*|freez*|froze|frozen … budget|budgets|spend|spending',
      'spending|spend|hiring|headcount|budget freeze', 'cost cutting', 'cost-cutting', 'cost reduction', 'cost saving*', 'tighten* … belt*',
      'hold the invoice', 'no budget for|left', 'austerity', 'spending|spend|budget|budgets|purchases|purchasing … locked|paused|capped|scrutinis*|scrutiniz*', 'spending|spend|budget|budgets|purchases|purchasing … on hold', 'spending|spend|budget|budgets … under review', 'cost|costs … pressure|scrutiny', 'procurement … review|freeze', 'belt-tightening',
    ],
    ja: ['予算…削減|カット|凍結|縮小|圧縮|削られ|厳しい|不足|減額|見直し|つかない|付かない|がない', 'コスト削減', '経費削減', '投資…凍結', '凍結', '支出…抑制', '予算削減', '緊縮', 'コスト…絞|抑え|削|見直', '予算…確保できていない|取れていない|通らない|下りない|下りていない|厳しく', '費用…削減|抑制|絞', '購買…凍結|停止'],
    notWithin: ['アカウント凍結', 'アカウントが凍結', 'アカウントの凍結', 'no budget cut', 'no budget freeze', 'no budget reduction'],
  },
  {
    kind: 'budget-change',
    polarity: 'opportunity',
    en: ['budget|budgets … approved|increased|secured|allocated|signed off', 'got|secured|approved … budget', 'new budget', 'more budget', 'budget increase'],
    ja: ['予算…承認|確保|増額|獲得|付いた|ついた|増え', '追加予算'],
  },
  {
    kind: 'competitor-mentioned',
    en: [
      'competitor*', 'competing product|tool|vendor|solution|platform', 'other vendor*|tool|tools|solution*|provider*|platform*', 'alternative|alternatives',
      'evaluat* … options|vendors|tools|other', 'switch*|migrat* to|away|vendors|tools|providers', 'replace us', 'replacing us', 'rip and replace',
      'RFP', 'pitched|pitching them|us', 'compar* us|our product|our tool', 'shortlist*', 'another vendor|tool|provider', 'other|alternative tool|tools|platform|platforms|vendor|vendors|product|products', 'bake-off', 'consolidat* … tools|platform|platforms|vendors|stack', 'standardis*|standardiz* on', 'one platform', 'in-house|homegrown|home-grown … tool|build|solution', 'build it themselves|in-house',
    ],
    ja: ['他社', '競合', '乗り換え', '乗り換', '乗換', 'リプレイス', 'リプレース', '相見積', '比較検討', '他の…ツール|製品|サービス|ベンダー', '別の…ツール|製品|サービス|ベンダー', 'ツールの見直し', '製品の見直し', 'ベンダー…提案|比較|選定|見直', 'ツール…統一|統合|集約', '内製', '自社開発', 'コンペ', '入札'],
    notWithin: ['他社事例', '他社の事例', '他社に紹介', '他社へ紹介', '他社の問い合わせ', '他社からの問い合わせ', '他社の導入事例', 'alternative approach', 'alternative date', 'alternative time', 'switch to dark mode', 'switch to the new'],
  },
  {
    kind: 'roi-questioned',
    en: [
      'ROI', 'return on investment', 'what are|were|is we|they|he|she getting for', 'getting for the price|money|cost', 'worth the money|price|cost|investment|spend',
      'justify|justifying … cost|spend|price|investment|renewal|licence|license|subscription', 'business case', 'value for money', 'prove|show|demonstrate|showing … value',
      'too expensive', 'questioning|questioned|question … value|cost|spend|price', 'cost per seat', 'price increase', "*n't see|seeing … value|benefit|impact", 'not seeing … value|benefit|impact|results', 'hard numbers', 'want*|ask*|asking|demand*|request* … discount', 'discount … or|to renew', 'cheaper', 'renegotiat*', 'review … contracts|subscriptions|spend|SaaS|licences|licenses', 'audit … tools|spend|licences|licenses|subscriptions', 'pay|paying for … unused|shelfware', 'shelfware', 'unused licen*',
    ],
    ja: ['費用対効果', '投資対効果', 'コストに見合', '金額に見合', '価格に見合', '見合う価値', '投資に見合', '効果が見えない', '効果…示', '効果…数字', '効果…問われ', '割高', '高すぎ', '元が取れ', 'コスパ', 'コストパフォーマンス', '妥当性', '成果が出ていない', '効果が出ていない', '成果…見えない|出ない', '割に', '見合わない', '値下げ', '値引き', '価格交渉', '使っていないライセンス', '高い…言われ'],
    cancelledBy: SATISFIED,
  },
  {
    kind: 'roadmap-disappointment',
    en: [
      'disappoint* … roadmap|release|feature|features|update', 'roadmap … disappoint*|underwhelm*|vague|slipp*|delay*|unclear|behind', 'not on the roadmap', 'off the roadmap',
      'slipped|delayed|postponed|pushed back … again', 'keeps|kept getting pushed|delayed|postponed', 'promised … slipp*|delay*|postpon*|pushed', "hasn't|has not|haven't moved",
      'feature gap*', 'missing feature*', 'stagnat*', 'pushed back', 'supposed to ship|launch|release|come|land', 'supposed to be released|ready|out', 'still waiting for|on … feature|features|release|roadmap', 'when will … ship|launch|come|land', 'when will … be ready|available|released', 'no date for|on', 'behind schedule', 'overdue feature*',
    ],
    ja: ['ロードマップ…がっかり|失望|不満|期待外れ|遅', 'ロードマップに…入っていない|載っていない|ない', 'リリース…延期|遅れ', '機能…延期|失望|がっかり|未対応', '約束…延期|守られ', '進化が遅', '期待外れ', '要望…実装されない|対応されない', 'いつになる', 'まだ…リリースされ', '対応予定…未定', '機能…まだ', 'リリース…未定', 'いつ…実装|対応|リリース'],
  },
  {
    kind: 'unresolved-issue',
    en: [
      "still not|n't fixed|resolved|working|solved|sorted", 'still broken', 'not fixed|resolved yet', 'unresolved', 'open for … weeks|months|days', 'still open',
      'escalat*', 'keeps|keep failing|crashing|breaking|timing', "still can't|cannot|unable", 'outage*', 'no fix', 'no workaround', 'waiting on support',
      'recurring|repeated … issue|issues|error|errors|outage|outages|problem|problems', 'same issue|problem|error again', 'keeps|keep happening', 'still waiting for … answer|fix|response|reply|update', 'no answer|response|reply from … support|team', 'unanswered', 'not responding', 'slow support', 'support … slow|unresponsive', 'bug|bugs|issue|issues|error|errors|crash|crashes … still|again|every|daily', 'data loss', 'down again', 'freez* again', 'workaround',
    ],
    ja: ['未解決', '解決して…ない', '解決されて…ない', '直って…ない', '直らない', '改善されて…ない', '解消されて…ない', '障害…続|再発|頻発', '不具合…続|再発|頻発', 'エラー…続|再発|頻発', '再発', 'エスカレ', 'クレーム', '回答が遅', '対応が遅', '放置', '原因…不明', '現象…続', '返信…来ていない|ない|遅', 'レスポンス…遅', '回答…来ていない|ない', '固まる', '落ちる', '不安定', '遅延…続', 'バグ', '不具合…まだ', '障害…まだ', 'ご指摘'],
    cancelledBy: RESOLVED,
  },
  {
    kind: 'sponsor-priority-dropped',
    en: [
      'no longer a priority', 'not a priority', 'lower priority', 'deprioriti*', 'other priorities', 'back burner', 'on hold', 'lost interest', 'losing interest',
      'skipped|skips|missed the|our QBR|meeting|steering|check-in|review', 'attention moved|shifted|went', 'priorities changed|shifted', 'focus moved|shifted', 'cancel*|cancelled|canceled|postponed|rescheduled … sync|meeting|meetings|check-in|QBR|call|calls|steering', 'slipped|dropped|fell|moved down … list', 'down their|the list', 'no time for', 'hard to get time', 'hard to get hold of', 'not responding|replying to', 'ghost*',
    ],
    ja: ['優先度…下が|低', '優先順位…変わ|下が', '後回し', '関心…移|薄', '興味を失', '欠席', '保留', '棚上げ', '熱量…下が', '時間を割いてくれない', '時間…取れない|取ってもらえない', '止まっている', '先方都合', 'リスケ', '返事がない', '反応…鈍', '出てこない'],
  },
  {
    kind: 'expansion-interest',
    en: [
      'more seats|licences|licenses|users|licence|license', 'additional seats|licences|licenses|users|licence|license', 'add … seats|licences|licenses|users',
      'expand*', 'expansion', 'roll|rolling|rolled it out to', 'roll out to', 'upgrade*', 'upsell*', 'add-on', 'asked for a quote', 'other departments|teams|offices|regions|subsidiaries',
      'company-wide', 'enterprise-wide', 'wall to wall', 'own workspace|instance|account', 'enterprise tier|plan|edition|licence|license', 'pricing on|for', 'more users|workspaces|teams|modules', 'another team|department|region|office|country', 'new use case|use cases', 'cross-sell',
    ],
    ja: ['追加ライセンス', 'ライセンス…追加', '追加購入', '他部署展開', '他部署…使い|導入|展開', '全社展開', '横展開', '展開', 'アップグレード', '上位プラン', '増席', 'でも使いたい', '利用拡大', '導入拡大', 'にも導入', 'でも導入', '増やしたい', 'アカウント…増や|追加', 'ライセンス…増や', '拡張', '他拠点', '海外拠点', 'グループ会社…展開|導入', 'オプション…追加|検討'],
  },
  {
    kind: 'advocacy',
    en: ['reference', 'case study', 'testimonial', 'speak|present|speaking|presenting at', 'refer|referred|referring us', 'referral*', 'recommend|recommended us', 'review on G2', 'advocate', 'introduc* us to', 'user conference', 'webinar with us', 'review of us', 'glowing review', 'posted … about us', 'take|takes|taking a call from … prospect', 'talk to … prospect|prospects', 'present … results|story|success|journey', 'webinar', 'shout-out|shoutout', 'word of mouth'],
    ja: ['導入事例', '事例として', '事例化', '事例に', '事例取材', '登壇', '紹介してくれ', '紹介したい', '紹介してもら', '当社を紹介', '弊社を紹介', '推薦', 'リファレンス', '口コミ', '取材', 'ユーザー会', '勧めてくれ', '勧めて', '話をしてくださる', '話をしてくれ', '勉強会…当社|弊社', '事例', '推奨', 'ロゴ掲載', '口添え'],
    notWithin: ['for reference', 'reference number', 'as a reference', 'reference the', 'referenced', '自己紹介', '他社事例', '他社の事例', '事例を紹介', '事例を共有', '事例をご紹介'],
  },
  {
    kind: 'goals-exhausted',
    en: ['goals … met|achieved|reached|done', "nothing left|more to achieve|do|use", "don't see what's next", "do not see what's next", 'no next goal|goals|challenge'],
    ja: ['目標…達成', '目的…達成', 'これ以上の…活用|使い道', '次の目標…見え|ない'],
  },
];

/**
 * Words that deny or hedge a phrase away (“not leaving”, 退職はしない, “no budget cut this
 * year”, “unlikely to switch”). English ones are looked for in the four words before a phrase or
 * just after it, Japanese ones after it, always within the same clause (a comma, “but”, が、
 * or the end of the sentence ends the clause).
 */
export const NEGATIONS = {
  en: {
    before: ['not', "*n't", 'cannot', 'no', 'never', 'nobody', 'none', 'neither', 'nor', 'without', 'unlikely', 'doubt', 'doubtful', 'instead of', 'rather than', 'no plans', 'no intention', 'no sign', 'no risk', 'no talk'],
    after: ['not happening|true|confirmed|planned', "*n't happening|true|confirmed|planned", 'not the case', "*n't the case", 'ruled out', 'off the table', 'denied', 'false alarm', 'unfounded', 'not anymore', 'postponed', 'cancelled', 'canceled', 'called off', 'shelved', 'scrapped'],
  },
  ja: {
    after: ['ない', 'なかっ', 'ません', 'なし', '無し', 'せず', 'されず', '否定', '不要', '撤回', '中止', 'なくなっ', '見送', 'ではなく', 'じゃなく', '可能性は低', '考えにく', '誤報', 'デマ', '取りやめ', '白紙', '未定', '誤解', '勘違い', '延期', '杞憂'],
    /** Look like a negation and are not: speculation (かもしれない), “few”, “not enough”, “surely”. */
    notNegations: ['かもしれな', 'しれな', 'かもしれませ', 'ではないか', 'じゃないか', 'のではな', '違いな', 'しかな', '少な', '足りな', '間もな', '止まらな', '仕方な', 'しょうがな'],
  },
} as const;

/** Where a clause ends, for the negation scope. */
export const CLAUSE_BREAKS = {
  en: ['but', 'however', 'although', 'though', 'whereas', 'yet', 'except', 'so'],
  ja: ['が、', 'けど', 'けれど', 'しかし', 'ただ、', '一方', 'ものの'],
} as const;

/** Honorifics and titles that follow a Japanese name (佐藤さん, 田中部長). */
export const JA_NAME_SUFFIXES = ['さん', '様', 'さま', '氏', '部長', '課長', '社長', '専務', '常務', '室長', '本部長', '取締役', '係長', '所長', '支社長', '次長', 'マネージャー'] as const;
/** Words before an honorific that are not names (お客さん, 皆さん, 営業部長). */
export const NOT_NAMES = [
  'お客', '皆', 'みな', '担当', '先方', '営業', '開発', '情報', 'システム', '経理', '人事', '総務', '事業', '技術', '品質', '製造', '企画', '広報', '法務', '購買', '財務', '本', '新任', '前任', '後任', '同', '各',
  'I', 'We', 'They', 'The', 'Our', 'Their', 'He', 'She', 'It', 'This', 'That', 'New', 'No', 'Heads', 'Sounds', 'Great', 'Weekly', 'Support', 'Finance', 'Procurement', 'Leadership', 'Users', 'Data', 'Interest', 'Budget', 'Follow', 'Discussed', 'Reviewed', 'Walked', 'Agreed', 'Sent', 'Mr', 'Ms', 'Mrs', 'Dr',
] as const;

/** The tone words: each counts toward one tone, strong ones twice. */
export const TONE_WORDS: ReadonlyArray<{ tone: Exclude<Tone, 'neutral'>; strong?: true; en: readonly string[]; ja: readonly string[] }> = [
  { tone: 'enthusiastic', strong: true, en: ['thrilled', 'loved', 'love', 'loves', 'excited', 'delighted', 'fantastic', 'amazing', 'enthusiastic', 'raving'], ja: ['絶賛', '大喜び', '大満足', '感激', '熱烈', '大好評'] },
  { tone: 'positive', en: ['great', 'happy', 'pleased', 'impressed', 'positive', 'appreciat*', 'smooth*', 'went well', 'good feedback', 'satisfied', 'glad', 'thankful'], ja: ['好評', '満足', '喜んで', '嬉しい', '感謝', '高評価', '前向き', '好感触', '盛り上が', '良い反応', '快諾'] },
  { tone: 'negative', strong: true, en: ['furious', 'angry', 'livid', 'hostile', 'fed up', 'unacceptable', 'threatened'], ja: ['激怒', 'ご立腹', '怒って', '憤', '強い不満'] },
  { tone: 'negative', en: ['frustrated', 'frustrating', 'frustration', 'upset', 'annoyed', 'disappointed', 'unhappy', 'tense', 'dissatisfied', 'complain*', 'cold', 'terse', 'irritated'], ja: ['不満', '苛立', 'イライラ', '失望', '不信', 'がっかり', '不機嫌', '冷ややか', '厳しい', 'クレーム'] },
  { tone: 'hesitant', en: ['hesitant', 'skeptical', 'sceptical', 'reluctant', 'lukewarm', 'non-committal', 'noncommittal', 'unsure', 'cautious', 'wary', 'guarded'], ja: ['慎重', '消極的', '懸念', '様子見', '渋い', '渋って', '乗り気でな', '半信半疑'] },
];
