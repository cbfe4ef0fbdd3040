/**
 * What the quick log's suggestions look for: phrases per signal kind in English and Japanese, the
 * words that deny or hedge them away, and the words that make a conversation sound warm or cold.
 * Data only; lib/suggest/match.ts reads it. To teach it a phrase, add it to its kind's list (and a
 * sentence to lib/suggest/labelled-sentences.ts, then run `npm run bench:suggest`).
 *
 * Phrase syntax, kept small on purpose:
 * - English: words separated by spaces, matched as whole words, case-insensitive. `word*` is any
 *   word starting with `word`, `*word` any word ending with it (`*n't`); `verb~` is the verb with
 *   its regular endings (`leave~`: leave, leaves, leaved, leaving); `a|b` is either word in that
 *   place, and `sign_off` two words in one alternative; `…` is up to five words in between, `…2`
 *   up to two (never across a comma or a full stop).
 * - Japanese: written as is; it must start on a word boundary (found with `Intl.Segmenter`) and
 *   end on one, or be followed only by a verb's ending in hiragana (乗り換え matches 乗り換える,
 *   退職 does not match inside 退職金). `a|b` is either; `…` is up to twelve characters in
 *   between (within a sentence), `…4` up to four; `*` at the end lets the word go on with anything.
 *
 * Phrases are written as families (a subject or object from a shared list, a verb with its forms,
 * a short gap between them) rather than as sentences seen once, so that notes phrased in new ways
 * are still read; `notWithin` takes back the common senses that are not the signal.
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

/*
 * Word families shared by several phrases, so each kind names them once (`|` between alternatives,
 * as in a phrase's slot). Widening a family widens every phrase that uses it.
 */
/** Job titles and roles, English (a new CFO, the incoming head of IT). */
const EN_TITLES = 'VP|SVP|EVP|AVP|CIO|CTO|CFO|CEO|COO|CISO|CRO|CDO|CMO|CPO|CCO|CXO|GM|MD|head|director|manager|sponsor|champion|champ|admin|administrator|lead|owner|boss|executive|exec|president|chief|leader|leadership|contact|POC|stakeholder|decision_maker|buyer';
/** Units of an organisation, English (another team, the Osaka office). */
const EN_UNITS = 'team|teams|department|departments|dept|division|divisions|office|offices|region|regions|site|sites|branch|branches|BU|BUs|unit|units|subsidiary|subsidiaries|country|countries|group|groups|entity|org|orgs';
/** Meetings a sponsor attends or skips. */
const EN_MEETINGS = 'QBR|QBRs|EBR|meeting|meetings|steering|steerco|check-in|check-ins|call|calls|sync|syncs|review|reviews|catch-up|catch-ups|session|sessions|invite|weekly|monthly|standup';
/** What a product ships (a feature, the integration). */
const EN_DELIVERABLES = 'feature|features|release|releases|integration|integrations|connector|roadmap|update|functionality|capability|module|API|app|SSO|version|launch|enhancement|request';
/** Money the customer spends. */
const EN_SPEND = 'budget|budgets|spend|spending|funding|funds|money|purchases|purchasing|expenses|costs|investment|investments';
/** Problems in use. */
const EN_PROBLEMS = 'issue|issues|problem|problems|bug|bugs|error|errors|outage|outages|crash|crashes|failure|failures|timeout|timeouts|lag|latency|slowness|glitch|glitches|incident|incidents|defect|defects|ticket|tickets';

/** 役職, Japanese (新しい部長, 新任の CIO). */
const JA_TITLES = '部長|課長|担当|担当者|責任者|役員|上司|窓口|マネージャー|マネジャー|CIO|CTO|CFO|CEO|COO|CRO|VP|リーダー|メンバー|キーマン|スポンサー|オーナー|プロジェクトオーナー|本部長|室長|社長|取締役|執行役員|事業部長|決裁者|センター長|所長|支社長';
/** 部署と拠点. */
const JA_UNITS = '部署|部門|部|課|チーム|拠点|支社|支店|子会社|関連会社|グループ会社|本社|事業部|本部|センター|海外拠点|工場';
/** 会議. */
const JA_MEETINGS = '定例|会議|ミーティング|MTG|打ち合わせ|打合せ|QBR|ステコミ|会合|報告会|レビュー';
/** 製品が出すもの. */
const JA_DELIVERABLES = 'リリース|機能|新機能|対応|ロードマップ|実装|連携|提供|開発|アップデート|改修|改善要望|要望';
/** 不具合. */
const JA_PROBLEMS = '不具合|障害|エラー|問題|現象|バグ|トラブル|遅延|事象';
/** Repeated or persisting (また, 相変わらず). */
const JA_AGAIN = 'また|再び|何度も|今週も|今日も|毎日|毎回|頻繁に|たびたび|度々|繰り返し|相変わらず|依然|いまだ|未だ|まだ|引き続き|再度';

const RESOLVED = {
  en: ['resolved', 'fixed', 'closed', 'solved', 'sorted out', 'working again', 'works now', 'no longer an_issue|a_problem'],
  ja: ['解決済', '解消済', '解決した', '解消した', '直った', '修正済', '対応済', '復旧', '解消し', '解決し', '修正され', '直り', '改善され', '問題なく', '正常に'],
};
const SATISFIED = {
  en: ['is|was|seems clear|proven|obvious|strong|great', 'happy with', 'no questions'],
  ja: ['満足', '納得', '十分', '実感', '評価して'],
};

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    kind: 'champion-left',
    en: [
      'leave~|left|exit~|depart~|quit~ … company|firm|business|organisation|organization|org|role|job|position|account|employer|startup|agency|bank',
      "is|are|'s|am|was|were|be|been leaving",
      'plan* on|to leave|leaving',
      'might|may|could|will|would|gonna|wants|want|going|considering|thinking|about leave|leaving|quit|quitting',
      'moving|moved|moves on', 'has|had|have|just left',
      'resign*', 'quit|quits|quitting', 'give|gives|gave|giving|hand*|handed|put|putting|served|serving … notice', 'notice period', 'last day', 'her|his last week|month|weeks|months|day',
      'step~ down|away|aside', 'retire~|retirement', 'departure', 'departing',
      'transferr*|transfer|transfers|relocat*|reassign*|seconded',
      'move~|going|headed|heading|switch~ to|over|across|into … office|team|role|department|division|company|job|position|group|unit|branch|subsidiary|HQ|headquarters|business|side|org',
      'new job|gig|opportunity|position', 'taking|took|accepted … job|role|position|offer at|with', 'poached', 'laid off', 'let go', 'made redundant', 'accepted|accepting|took an|a|another offer', 'offer elsewhere',
      'off_to|joining|joins|joined|leaving_for|left_for|heading_to … startup|competitor|rival|firm|company|agency|bank|consultancy|vendor|fintech',
      'no longer … with|at|in|works|working|part_of|employed', 'elsewhere', 'part* ways', 'out the door', 'moving on from',
      'hand|handing|hands … over to', 'handing over', 'handover', 'hand-off|handoff … to', 'successor … named|found|yet', 'parental|maternity|paternity|long-term leave', 'sabbatical',
    ],
    ja: [
      '退職', '退社', '転職', '異動', '転勤', '離任', '辞め', '辞任', '退任', '辞職', '離職', '辞表', '辞意', '早期退職', '人事異動', '配置転換', '配置換え', '転籍', '出向', '最終出社', '卒業され', '引退', '定年', '起業',
      '引き継ぎ…退', '会社を辞', '引き継ぎ', '引継ぎ', '後任…未定|決まっていない|探して|まだ', '産休', '育休', '休職',
      '会社|部署|担当|プロジェクト|チーム|現職|本件|ポジション|職|職場|現場|一線…離れ|去|退か|退き|退い|外れ',
      '退か', '退き', '退く', '退い', 'いなくなる', 'いなくなっ', 'いなくなり',
      '他社|別会社|別の会社|よその会社|競合|子会社|関連会社|グループ会社|本社|支社|支店|部署|部門|事業部|チーム|拠点|他部署|別部署…移る|移られ|移った|移り|移ら|移れ|行かれ|転じ',
    ],
    notWithin: [
      'leaving the meeting', 'leaving the call', 'leaving early', 'leaving for lunch', 'leaving feedback', 'leaving a comment', 'leaving a review',
      'leave|leaves|leaving|left it|them|this|that|as|a|an|us|me|him|her|you|some|notes|feedback|comments|early|now|the_meeting|the_call|the_chat|the_room|out|off|alone|open|behind',
      'moving on to the next', 'moved on to the next', 'moving on to another topic', 'last day of the', 'last day to', 'last day for', 'quit the app', 'quit the call', 'quit the meeting',
      'leave|leaves|leaving|left the|their|our|his|her|its …2 settings|setting|config|configuration|defaults|default|field|fields|data|setup|option|options|feature|features|page|document|doc|file|files|report|reports|dashboard|dashboards|list|unchanged|untouched|running|in_place|as-is', 'annual leave', 'left over', 'leftover', 'new job title', 'elsewhere in the', 'elsewhere in their', 'move|moving|moved to|on the_next|another_topic|the_agenda',
    ],
  },
  {
    kind: 'new-stakeholder',
    en: [
      `new|newly|incoming|interim|acting …2 ${EN_TITLES}`,
      'newly appointed|hired|promoted|named', 'incoming', 'just|recently|has|have|only joined|arrived|onboarded', 'joined … as', `start~|join~ as|at …2 ${EN_TITLES}`,
      `hire~|appoint~|name~|bring_in|brought_in|bringing_in … new|a|an …2 ${EN_TITLES}`, 'hired a new', 'took|takes|taking|take over', 'step~ in|up as', 'replacement', 'successor',
      'introduced to the|their new', 'got|been|was|were introduced to', 'met … new', 'first time meeting', 'first meeting with',
      `${EN_TITLES} …2 starts|starting|joins|joining|joined|arrives|arriving|arrived|onboarding`,
    ],
    ja: [
      '新任', '着任', '就任', '赴任', '後任', '新社長', '新部長', '新課長', '新担当', '新役員', '新責任者', '新体制', '登用', '抜擢',
      `新しい|新しく|新たな|新たに|新…${JA_TITLES}`, '新たに…加わ', '新しく…就任|着任|加わ|来られ|来た|入った|配属|参加', '新たに…着任|配属|参加|入',
      '配属', '参画', '入社', '交代', '加わ', 'ジョイン', 'join', '担当…替わ|代わ|交代|変更|変わ', '窓口…替わ|代わ|交代', `${JA_TITLES}として…着任|就任|加わ|参加|来られ|入られ`,
    ],
    notWithin: [
      `join~ the|our|us|a|for … ${EN_MEETINGS}|demo|webinar|workshop|training|kickoff|kick-off|room|session|conversation`, 'joined late', 'joined halfway', 'joined us for', 'starting|starts next|this|in|from week|month|quarter|year|fiscal|FY|Q1|Q2|Q3|Q4|January|February|March|April|May|June|July|August|September|October|November|December',
      'take~|took over the screen|meeting|call|demo|presentation|screenshare', 'new manager view', 'new admin console', 'new admin panel', 'new admin settings',
      '新しい担当…機能|画面', '担当…変更方法|変更手順|変更の手順',
    ],
  },
  {
    kind: 'reorganisation',
    en: [
      'reorg', 'reorgs', 're-org', 'reorganis*', 'reorganiz*', 'restructur*', 'realign*', `merg* … ${EN_UNITS}`, 'merge~ with|into', 'merger', 'mergers', 'M&A', 'acquisition', 'acquired|bought|buys|buying by|out', 'takeover', 'taken over by', 'buyout', 'private equity', 'PE firm|backed|owned', 'sold to', 'divest*',
      'reports|report|reporting to … new|instead', 'reporting line*', 'now reports|report into|to', 'roll|rolls|rolled|rolling up to|under', 'sit|sits|sitting|fall|falls|falling|fold~|combine~|move~|consolidate~ … under_one|under_a_single|into_one|into_a_single', 'under one|a_single|the_same … VP|leader|head|director|org|umbrella|roof|exec',
      'new org chart', 'org changes', `org|organisational|organizational|leadership|management|team shake-up|shakeup|overhaul|changes|change|redesign|restructure`, 'shake-up', 'shakeup', 'split into', 'reshuffl*', 'spun off|out', 'spin-off', 'carve-out',
      'new department|division|business unit', 'centraliz*|centralis*|decentraliz*|decentralis*', 'outsourc*', 'offshor*', 'insourc*', `consolidate~ … ${EN_UNITS}`, `${EN_UNITS} … consolidated|combined|merged|folded|centralised|centralized`,
    ],
    ja: [
      '組織変更', '組織改編', '組織再編', '組織改革', '機構改革', '組織替え', '再編', '統廃合', '体制変更', '体制…変わ|変更|見直|刷新', '合併', '吸収合併', '経営統合', '事業統合', '買収', '分社', '子会社化', '事業譲渡', '売却', '傘下', '持株会社',
      `${JA_UNITS}…統合|集約|一本化|一元化|ひとつに|一つに|まとめ|まとま|吸収|移管|廃止|新設|分割|再編`, 'に統合', '組織の見直し', '組織…変わ|見直|変更|が大きく', '新設', '窓口…変わ', '分割', '移管', '吸収され', '吸収する',
      'アウトソース', '外部委託', '事業部制', '機能別組織', 'カンパニー制', 'レポートライン', '指揮系統', '管轄…変わ|移',
    ],
    notWithin: ['データ…統合|集約|一元化', 'ツール…統合|集約|一本化', 'merge the|these|those|two|duplicate … records|reports|fields|accounts|contacts|dashboards|files', 'move it under', 'put it under', '部…資料を…まとめ'],
  },
  {
    kind: 'budget-change',
    en: [
      'budget|budgets|spend|spending|funding … cut|cuts|slashed|reduced|reduction|frozen|freeze|squeezed|tight|tighter|tightened|constraint*|pressure|shrinking|shrunk|trimmed|halved|lowered|decreased|pulled|axed|capped|gone|exhausted|used_up|limited',
      `cut~|slash~|reduce~|freeze~|froze|frozen|trim~|halve~|tighten~|squeeze~|lower~ … ${EN_SPEND}|software|SaaS|IT|tool|tools|tooling`,
      'spending|spend|hiring|headcount|budget|purchase|purchasing|procurement freeze', 'cost cutting', 'cost-cutting', 'cost reduction', 'cost saving*', 'cost|costs … cut|cutting|down|pressure|scrutiny|controls', 'tighten* … belt*|purse strings',
      'hold the invoice', `no budget|money|funds|funding for|left|available|this`, 'out of budget|money|funds', 'over budget', 'lack of budget|funding|funds', 'austerity',
      'spending|spend|budget|budgets|purchases|purchasing|renewals … locked|paused|capped|scrutinis*|scrutiniz*', 'spending|spend|budget|budgets|purchases|purchasing … on hold', 'spending|spend|budget|budgets … under review',
      'procurement … review|freeze', 'belt-tightening', 'discretionary|non-essential spend|spending|purchases', 'spend|spending|cost controls',
      `${EN_SPEND}|purchase|renewals|renewal|contracts … need*|requir*|go|goes|going … approval|sign-off|signoff|sign_off`, 'extra|additional|stricter|tighter approval|approvals|sign-off|signoff|scrutiny',
    ],
    ja: [
      '予算…削減|カット|凍結|縮小|圧縮|削られ|削ら|厳しい|厳しく|不足|減額|見直し|つかない|付かない|がない|減|減ら|減る|減っ|下が|半減|絞ら|絞る|少な|余裕がない|枯渇|使い切|止め|ストップ|停止|保留|出ない|下りない|承認されない|足りない|ゼロ',
      'コスト削減', '経費削減', '投資…凍結|抑制|縮小|ストップ|止め|見送', '凍結', '支出…抑制|削減|絞|凍結|停止|見直|ストップ|締め', '予算削減', '緊縮', '節約', '締め付け', '財布の紐',
      'コスト…絞|抑え|削|見直|カット|圧縮', '経費…締め付け|抑制|削減|絞|厳し|カット|見直', '予算…確保できていない|取れていない|通らない|下りない|下りていない|厳しく',
      '費用…削減|抑制|絞', '購買…凍結|停止', '新規…契約|購入|購買|導入|投資|発注|SaaS|ツール…凍結|停止|ストップ|禁止|見送|控え|止め|禁止',
    ],
    notWithin: ['アカウント凍結', 'アカウントが凍結', 'アカウントの凍結', 'no budget cut', 'no budget freeze', 'no budget reduction', 'code freeze', 'feature freeze', 'screen freez*', 'app freez*', 'freez* again', 'freezes|freezing when|on|every', '画面…凍結|固ま'],
  },
  {
    kind: 'budget-change',
    polarity: 'opportunity',
    en: [
      'budget|budgets|funding|funds|money … approved|increased|secured|allocated|signed_off|released|unlocked|found|doubled|grew|grown|boost*|bump*|uplift|larger|bigger',
      'got|secured|approved|found|unlocked|released|allocated … budget|funding|funds|money', 'new budget', 'more budget', 'extra|additional budget|funding|funds', 'budget increase', `increase~ … to|in the|their … budget`,
    ],
    ja: ['予算…承認|確保|増額|獲得|付いた|ついた|増え|増や|増加|拡大|通った|下りた|取れた|出る|出た|つく|付く', '追加予算', '予算化', '費用|資金…確保|承認|獲得|付いた|ついた'],
  },
  {
    kind: 'competitor-mentioned',
    en: [
      'competitor*', 'competing|competitive|rival product|tool|vendor|solution|platform|quote|quotes|offer|bid|bids|process|pitch|proposal',
      'other vendor*|tool|tools|solution*|provider*|platform*', 'alternative|alternatives',       'evaluat*|look*|consider*|explor*|talk*|assess* … options|vendors|tools|other|others|elsewhere|else|market|alternatives|providers',
      'switch*|migrat* to|away|vendors|tools|providers|platforms', 'replace us', 'replacing us', 'rip and replace', 'replace~ us', 'replace~ our … tool|product|platform|solution|system',
      'RFP', 'RFI', 'tender', 'pitched|pitching them|us', 'compare~ … us|our|price|pricing|quote|quotes|offer|offers', 'shortlist*', 'another vendor|tool|provider|platform|product|solution', 'other|alternative tool|tools|platform|platforms|vendor|vendors|product|products',
      'bake-off', 'consolidat* … tools|platform|platforms|vendors|stack', 'standardis*|standardiz* on', 'one platform', 'in-house|homegrown|home-grown … tool|build|solution', 'build it themselves|in-house', 'build their own', 'roll their own', 'build vs buy', 'build versus buy',
      'multiple|several|three|two|competing quotes|bids|proposals', 'cheaper|lower-cost|free … tool|option|alternative|vendor|product|solution|platform|offer',
      'trial~|pilot~|test~ … in_parallel|alongside|side_by_side', 'go|going|went back to spreadsheets|Excel|email',
    ],
    ja: [
      '他社', '競合', '乗り換え', '乗り換', '乗換', 'リプレイス', 'リプレース', '相見積', '比較検討', '他の…ツール|製品|サービス|ベンダー|システム|会社', '別の…ツール|製品|サービス|ベンダー|システム',
      '他製品', '他サービス', '他ツール', '他ベンダー', '別サービス', '別ツール', '別製品', '別システム', 'よそ', '複数…ベンダー|社|製品|ツール|見積',
      'ツールの見直し', '製品の見直し', 'ベンダー…提案|比較|選定|見直|比べ', 'ツール…統一|統合|集約', '内製', '自社開発', 'コンペ', '入札', '代替',
      '他|別|競合|他社…移行|切り替え|切替', 'replace…検討|考え|予定', 'スプレッドシート|Excel|エクセル…戻',
    ],
    notWithin: [
      '他社事例', '他社の事例', '他社に紹介', '他社へ紹介', '他社の問い合わせ', '他社からの問い合わせ', '他社の導入事例', '他社…転職|移|紹介|推薦|勧め|紹介|出向', '競合…転職|移', '代替案', '代替手段', '代替策', 'よそ見',
      'alternative approach', 'alternative date', 'alternative time', 'alternative workaround', 'switch to dark mode', 'switch to the new', 'switching between', 'compared|compare to|with last|previous|earlier|the_previous',
      'consider* … options for', 'look* … options for',
      'joining|joins|joined|off_to|leaving_for|left_for|poached_by … competitor|rival',
    ],
  },
  {
    kind: 'roi-questioned',
    en: [
      'ROI', 'return on investment', 'TCO', 'payback', 'cost-benefit', 'cost benefit', 'value review|assessment|analysis|realisation|realization', 'what are|were|is we|they|he|she getting for', 'getting for the price|money|cost', 'worth the money|price|cost|investment|spend|renewal|licence|license',
      'worth renewing|paying|keeping|continuing', 'pay|pays|paying for itself', 'what … get|gets|getting|got|deliver|delivers|delivering … for|out_of',
      'justify|justifying|justifies|defend|defending|defends … cost|spend|price|investment|renewal|licence|license|subscription|budget|tool|contract', 'business case', 'value for money',
      'prove|proof|show|showing|shows|demonstrate|demonstrating|quantify|quantifying|measure … value|impact|ROI|benefit|benefits|worth|savings|results|pays',
      'too expensive', 'overpriced', 'over-priced', 'pricey', 'expensive for', 'price|cost|pricing|licence|license|fee|fees … expensive|pricey|steep|high|too_much|a_lot',
      'questioning|questioned|question|questions|doubt|doubts|doubting … value|cost|spend|price|worth|ROI|benefit|impact', 'cost per seat|user|licence|license', 'price increase',
      "*n't see|seeing … value|benefit|impact", 'not seeing … value|benefit|impact|results', 'hard numbers', 'how much|many … save|saves|saving|saved|value|impact|benefit|time|hours',
      'want*|ask*|asking|demand*|request* … discount', 'discount … or|to renew', 'cheaper', 'renegotiat*', 'match|beat|lower|reduce|drop|come_down_on … price|pricing|quote|offer',
      'pushback|push_back … price|pricing|cost', 'price|pricing … concern*|objection*|pushback',
      'review … contracts|subscriptions|spend|SaaS|licences|licenses', 'audit … tools|spend|licences|licenses|subscriptions', 'pay|paying for … unused|shelfware', 'shelfware', 'unused|idle licen*|seats|accounts',
      'unsure|unclear|sceptical|skeptical|unconvinced … value|worth|ROI|benefit|impact',
    ],
    ja: [
      '費用対効果', '投資対効果', 'コストに見合', '金額に見合', '価格に見合', '見合う価値', '投資に見合', '効果が見えない', '効果…示', '効果…数字', '効果…問われ', '割高', '高すぎ', '元が取れ', 'コスパ', 'コストパフォーマンス', '妥当性',
      '成果が出ていない', '効果が出ていない', '成果…見えない|出ない|出ていない|示|説明', '割に', '見合わない', '見合って', '値下げ', '値引き', '価格交渉', '使っていないライセンス', '高い…言われ',
      '効果…分からない|わからない|見えにくい|見えない|不明|疑問|薄い|乏しい|感じられない|実感できない|出ていない|出ない|説明|定量|証明|可視化|見合|測',
      '導入効果…説明|示|定量|見え|疑問|問われ|求め', '何が…良くなった|変わった|改善され', '価格|料金|費用|金額|単価|ライセンス料|ライセンス費用|コスト|月額|年額…高い|高く|高す|見合|疑問|妥当|下げ',
      '価値|効果|費用|投資|ROI|value|コスト|金額…疑問|疑わ|懐疑', '本当に…役に立|役立|効果|必要|価値', '定量…効果|成果',
    ],
    notWithin: ['割にすぐ', '割に早', 'switching|migration|exit|implementation cost|costs'],
    cancelledBy: SATISFIED,
  },
  {
    kind: 'roadmap-disappointment',
    en: [
      `disappoint*|frustrat*|annoy*|upset|unhappy|let_down|letdown|underwhelm*|dissatisfied … ${EN_DELIVERABLES}|delay|delays|timeline|ETA|roadmap`, `roadmap … disappoint*|underwhelm*|vague|slipp*|delay*|unclear|behind|lacks|missing`,
      'not on the roadmap', 'off the roadmap', 'no ETA', 'no timeline',
      'slipped|delayed|postponed|pushed_back|pushed_out|deferred … again|twice|third_time|another|next_year|next_quarter', 'keeps|keep|kept getting_pushed|getting_delayed|getting_postponed|slipping|sliding', 'promised … slipp*|delay*|postpon*|pushed', 'was|were|been promised', 'broken promise*', 'overpromis*', "hasn't|has not|haven't moved",
      `${EN_DELIVERABLES} …3 delayed|postponed|pushed|slipped|slips|deferred|late|behind`,
      'feature gap*', 'missing feature*', 'stagnat*', 'pushed back', 'supposed to ship|launch|release|come|land|be', 'supposed to be released|ready|out', `still waiting for|on … ${EN_DELIVERABLES}`, `waiting for|on … ${EN_DELIVERABLES}`, 'when will … ship|launch|come|land',
      'when will … be ready|available|released', 'no date for|on', 'behind schedule', 'overdue feature*', 'months|years|quarters away', 'release|update|version … missed|lacks|lacked|left_out|dropped', `still no|lacks|lacking|without … ${EN_DELIVERABLES}`,
    ],
    ja: [
      'ロードマップ…がっかり|失望|不満|期待外れ|遅|期待と違|物足りな', 'ロードマップに…入っていない|載っていない|ない', 'リリース…延期|遅れ', '機能…延期|失望|がっかり|未対応', '約束…延期|守られ', '進化が遅', '期待外れ', '要望…実装されない|対応されない',
      'いつになる', 'まだ…リリースされ', '対応予定…未定', '機能…まだ', 'リリース…未定', 'いつ…実装|対応|リリース|出る|出ます|使える',
      `${JA_DELIVERABLES}…延期|延び|遅れ|先送り|ずれ込|後ろ倒し|持ち越|見送|落胆|残念|がっかり|失望|期待外れ|不満|物足りな|期待と違|期待していたものと違`,
      `${JA_DELIVERABLES}…まだ…ない|ていない|ません|されず`, '実装…されていない|されない|予定がない|未定', 'まだ…実装|リリース|対応|提供…されていない|されない|ない',
    ],
  },
  {
    kind: 'unresolved-issue',
    en: [
      "still not|n't fixed|resolved|working|solved|sorted", 'still broken', 'not fixed|resolved yet', 'unresolved', 'open for … weeks|months|days', 'still open|pending|outstanding|unanswered|happening|occurring|failing|fails|fail|down|crashing|crashes|crash|erroring|errors|timing|time_out|times_out|slow|lagging|lags|breaks|freezes|an_issue|a_problem',
      'escalat*', 'keeps|keep|kept failing|crashing|breaking|timing|erroring|dropping|freezing|disconnecting|happening|coming_back', "still can't|cannot|unable", 'outage*', 'no fix', 'no workaround', 'waiting on support',
      `recurring|repeated|persistent|ongoing|chronic|constant|frequent|intermittent|random … ${EN_PROBLEMS}`, 'same issue|problem|error|bug again', 'keeps|keep happening', 'still waiting for … answer|fix|response|reply|update|patch',
      'no answer|response|reply|update|updates from … support|team|engineering', `${EN_PROBLEMS}|support … no_update|no_updates|no_response|no_answer|sitting|stuck|stale|unanswered|open_for`, 'unanswered', 'not responding', 'slow support', 'support … slow|unresponsive',
      `${EN_PROBLEMS} … still|again|every|daily|back|returned|resurfaced|reappeared|recur*|persist*|continu*`, 'data loss', 'down again', 'freez* again', 'workaround',
      'has|have|had been broken|down|failing|erroring|crashing|timing_out|unstable', 'broken|down|failing|erroring … for|since … days|weeks|months|week|month|Monday|Tuesday|Wednesday|Thursday|Friday|last',
      'root cause … unknown|unclear|still|yet|not_found', 'even_after|despite … fix|patch|hotfix|update|restart|release', 'keep|keeps|kept getting|hitting|seeing … error|errors|logged_out|kicked_out|timeouts|timed_out|crash*|bug|bugs|500s|failures',
      'random*|intermittent*|sporadic* … fail*|crash*|error*|logged_out|disconnect*|drop*|timeout*|time_out', 'P1|Sev1|Sev-1|SEV1|Sev_1', 'sitting with|in support|the_queue|the_backlog',
    ],
    ja: [
      '未解決', '解決して…ない', '解決されて…ない', '直って…ない', '直らない', '治らない', '改善されて…ない', '改善しない', '改善されない', '解消されて…ない', '解消しない', '解消されない', '復旧しない', '復旧していない',
      `${JA_PROBLEMS}…続|再発|頻発|まだ|また|再び|何度も|毎日|毎回|頻繁|繰り返|相変わらず|依然|いまだ|未だ|発生して|起きて`, `${JA_AGAIN}…${JA_PROBLEMS}|発生|起き|落ち|固ま`,
      '再発', 'エスカレ', 'クレーム', '回答が遅', '対応が遅', '放置', '原因…不明|分からない|わからない|特定できていない', '現象…続', '返信…来ていない|ない|遅', 'レスポンス…遅', '回答…来ていない|ない|遅', '固まる', '落ちる', '不安定', '遅延…続',
      'バグ', '不具合…まだ', '障害…まだ', 'ご指摘', '同じ…エラー|不具合|問題|障害|現象',
      '問い合わせ|チケット|サポート|質問|依頼…返事|返信|回答|連絡|対応…ない|来ない|来ていない|もらえていない|遅',
      'まだ…回答|返事|返信|連絡|修正|解決|解消|改善|復旧…ない|ていない|されていない',
      '届かない|繋がらない|つながらない|動かない|動作しない|表示されない|ログインできない|同期されない|反映されない|保存できない|開けない|できない…件|問題|不具合|現象|状態|まま|続',
    ],
    notWithin: ['問題ない', '問題なく', '問題はない', '問題は特に'],
    cancelledBy: RESOLVED,
  },
  {
    kind: 'sponsor-priority-dropped',
    en: [
      'no longer a priority', 'not a priority', 'lower|low priority', 'less of a priority', 'deprioriti*', 'other priorities', 'back burner', 'back seat|backseat', 'on hold', 'on ice', 'sidelined', 'parked', 'lost interest', 'losing interest', 'not top of mind',
      `skipped|skips|skip|missed|misses|miss|declined|declines|decline|no-show|no-showed … ${EN_MEETINGS}`, `no_longer|stopped|stops … attend*|join*|show*|coming|come|comes|respond*|replying|engag*`,
      `not|*n't|never … shown_up|show_up|showed_up|turned_up|turn_up|attended|attend|joined|join|come_to|came_to … ${EN_MEETINGS}`, 'no-show*', 'no show', 'absent from',
      'send|sends|sent|sending a|his|her|their delegate|deputy|stand-in|substitute|someone_else|junior', 'delegated … to',
      'attention moved|shifted|went|elsewhere', 'priorities changed|shifted', 'priority … dropped|slipped|lower|down|changed', 'focus moved|shifted|elsewhere', 'focus* … on other|elsewhere',
      `cancel*|cancelled|canceled|postponed|rescheduled … ${EN_MEETINGS}`, 'slipped|dropped|fell|moved down … list', 'down their|the list', 'lower on the|their list', 'no time for', 'got|get|gets|was|been|keeps_getting bumped', 'bumped for|by',
      'hard|impossible|difficult|tough to … reach|pin_down|get_hold|get_time|get_a_meeting|schedule|book|get_on', 'hard to get time', 'hard to get hold of', "can't|cannot|couldn't get … time|meeting|hold_of",
      'not responding|replying to', 'ghost*', 'gone|went|going quiet|silent|dark', 'radio silence', 'busy_with|distracted_by … other|ERP|migration|project|fires',
    ],
    ja: [
      '優先度…下が|低|落', '優先順位…変わ|下が|低', '後回し', '二の次', '関心…移|薄|低|なくな|失', '興味…薄|失|なくな', '興味を失', '欠席', '保留', '棚上げ', '熱量…下が', '熱…冷め', '温度感…下が|低',
      '時間を割いてくれない', '時間…取れない|取ってもらえない', '止まっている', '先方都合', 'リスケ', '反応…鈍', '出てこない', 'つかまらない', '捕まらない', '連絡がつかない', '会えていない', '代理出席', '代理で',
      'スポンサー|部長|役員|責任者|先方…返事|反応|返信…ない', `${JA_MEETINGS}…出席|参加|出て|顔を出…ていない|ない|されていない|されず|しなく|されない`,
      '別の|他の|別|他…プロジェクト|案件|施策|取り組み…優先|注力|手一杯|忙し|集中',
    ],
    notWithin: ['返事がない件'],
  },
  {
    kind: 'expansion-interest',
    en: [
      'more seats|licences|licenses|users|licence|license|logins|accounts|workspaces|admins|editors', 'additional seats|licences|licenses|users|licence|license|logins|accounts|workspaces', 'add~ … seats|licences|licenses|users|accounts|logins|workspaces|subsidiary|subsidiaries',
      'add~ … to the|their|our contract|subscription|plan|account', 'expand*', 'expansion', 'roll|rolling|rolled it out to', 'roll out to', 'roll* … out … across|globally|company-wide|org-wide|everywhere',
      'upgrad* … plan|tier|edition|licence|license|licences|licenses|subscription|package|contract|seats', 'upgrad* to', 'upsell*', 'add-on', 'asked for a quote', `other|more|additional ${EN_UNITS}`, 'another team|department|region|office|country|site|subsidiary',
      'company-wide', 'enterprise-wide', 'org-wide', 'organisation-wide', 'organization-wide', 'global|wider|broader rollout', 'wall to wall', 'own workspace|instance|account',
      'premium|pro|enterprise|higher|top|advanced|bigger|larger … tier|plan|edition|package|licence|license', 'pricing on|for', 'more users|workspaces|teams|modules', 'new use case|use cases', 'cross-sell',
      `${EN_UNITS} …4 want*|wants|asking|asked|request*|need* …3 access|seats|licen*|accounts|logins|it_too|in_on|to_use_it|to_try_it|onboard*`, 'want|wants|wanted in', 'onboard* … another|other|more|additional',
      `pilot~|trial~ … with|in|for … ${EN_UNITS}`, 'interest* in … module|modules|add-on|plan|tier|edition|package|seats|licences|licenses|upgrade',
      `${EN_UNITS} … too|as_well`,
    ],
    ja: [
      '追加ライセンス', 'ライセンス…追加', '追加購入', '追加導入', '他部署展開', '他部署…使い|導入|展開', '全社展開', '横展開', '展開', 'アップグレード', '上位プラン', '上位…プラン|エディション|版', 'プレミアム|エンタープライズ…プラン|版|エディション', '増席',
      'でも使いたい', '利用拡大', '導入拡大', 'にも導入', 'でも導入', '増やしたい', 'アカウント…増や|追加', 'ライセンス…増や', '拡張', '他拠点', '海外拠点', 'グループ会社…展開|導入', 'オプション…追加|検討', 'アップセル', 'クロスセル',
      'にも|でも|へも…使いたい|使わせたい|導入したい|展開したい|広げたい|広めたい|利用したい|入れたい|使ってもらいたい|使ってほしい',
      '人数|ユーザー|ユーザ|ID|アカウント|席|ライセンス|利用者|ユーザー数|ユーザ数…増や|追加|拡大|倍', '利用範囲…広げ|拡大', '対象…広げ|拡大', `${JA_UNITS}|全社|他部門|他部署…広げ|広め|拡げ|拡大`,
    ],
    notWithin: ['upgrad* … browser|version|app|ERP|system|server|OS|software|Salesforce|Windows|iOS|Android|plugin|extension', 'expand the|a … panel|section|view|row|menu|filter|filters|card|sidebar|details|column', 'want|wants|wanted in the|a|an|this|that|their|our|app|product', '追加方法|追加手順|追加の仕方|追加のやり方', '資料|情報|内容|手順|マニュアル|議事録|ナレッジ…展開'],
  },
  {
    kind: 'advocacy',
    en: [
      'reference', 'case study', 'testimonial', 'speak|present|speaking|presenting at', 'refer|referred|referring us', 'referral*', 'recommend|recommended|recommends|recommending us', 'review on G2', 'G2|Capterra|TrustRadius review', 'Peer Insights', 'advocate', 'introduc* us to', 'user conference',
      'webinar with us', 'review of us', 'glowing review', 'posted … about us', 'take|takes|taking a call from … prospect', 'talk|speak to|with … prospect|prospects', 'present … results|story|success|journey', 'webinar', 'shout-out|shoutout', 'word of mouth',
      'vouch*', 'endorse~ us|our', 'good word', 'sing* … praises', 'rave|raves|raving about us', 'praised us', 'be|being quoted', 'quoted in|on|for', 'press release', 'logo on|use|usage|rights', 'use|using their logo',
      'featured in|on', 'feature them', 'be featured', 'customer|success story|spotlight', 'panel discussion', 'panelist', 'customer panel', 'on a|our|the panel', 'podcast', 'keynote', 'roundtable', 'customer advisory board', 'co-present*', 'joint … webinar|presentation|talk|blog|press|announcement|event|session', 'host* … event|roundtable|meetup|dinner',
    ],
    ja: [
      '導入事例', '事例として', '事例化', '事例に', '事例取材', '事例…インタビュー|取材|記事|掲載|協力', '登壇', '紹介してくれ', '紹介してくださ', '紹介いただ', 'ご紹介いただ', '紹介したい', '紹介してもら', '当社を紹介', '弊社を紹介', '推薦', 'リファレンス', '口コミ', '取材', 'ユーザー会', '勧めてくれ', '勧めて',
      '話をしてくださる', '話をしてくれ', '勉強会…当社|弊社', '事例', '推奨', 'ロゴ掲載', '口添え', 'インタビュー…協力|応じ|受け|出て', '講演', 'アンバサダー', 'エバンジェリスト', 'レビュー…書いて|投稿', '好意的…発信|投稿|書',
      'セミナー|講演|イベント|勉強会|ユーザー会|展示会|カンファレンス|ウェビナー…話して|話してくれ|話してくださ|講演|登壇|発表|出演', 'SNS…発信|投稿|紹介',
    ],
    notWithin: ['for reference', 'reference number', 'as a reference', 'reference the', 'referenced', 'reference guide', 'reference docs', 'API reference', 'reference architecture', 'panel view', 'admin panel', 'settings panel', 'side panel', 'control panel', '自己紹介', '他社事例', '他社の事例', '事例を紹介', '事例を共有', '事例をご紹介', '機能を紹介', 'フィルターを紹介'],
  },
  {
    kind: 'goals-exhausted',
    en: [
      'goal|goals|objective|objectives|KPI|KPIs|targets|milestones … met|achieved|reached|done|hit|complete|completed|accomplished', 'hit|achieved|reached|completed|accomplished|met_all|met_every … goal|goals|objective*|KPI*|target*|milestone*',
      "nothing left|more to achieve|do|use", "don't see what's next", "do not see what's next", 'no next goal|goals|challenge', 'no new objectives|goals|use cases|targets',
      "not_sure|unsure|unclear|don't_know|no_idea|aren't_sure|isn't_clear … what … next", 'ran|run|running out of … use cases|ideas|goals', 'done everything|all_they_wanted',
    ],
    ja: ['目標…達成', '目的…達成', 'KPI|ゴール|目標|目的|狙い…達成|クリア|実現', 'これ以上の…活用|使い道', '次の目標…見え|ない', '次の…ステップ|目標|一手|施策|ゴール…見え|ない|分から|思いつ', '次に…何…見え|ない|分から', 'やり尽く', 'やることがない', 'やることがなくな', '新しい…目標|ゴール…ない|見え'],
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
    after: ['not happening|true|confirmed|planned', "*n't happening|true|confirmed|planned", 'not the case', "*n't the case", 'ruled out', 'off the table', 'denied', 'false alarm', 'unfounded', 'not anymore', 'postponed', 'cancelled', 'canceled', 'called off', 'shelved', 'scrapped', 'is|was|were|are false|untrue|wrong|incorrect|baseless', 'turned out … false|wrong|untrue|unfounded|nothing', 'averted', 'reversed', 'withdrawn', 'no longer happening|planned|on'],
    /** Deny whatever follows them in their clause, however far (“no plan to move to another vendor”). */
    clause: ['no plan|plans|intention|intent|interest to|in|of', 'not|never planning|going|looking to', 'no longer planning|going|looking to', 'not|never considering|thinking', "*n't planning|going|looking|considering|thinking", 'no sign|signs|talk|risk|chance|rumour|rumor of', 'rather than', 'instead of', 'unlikely'],
  },
  ja: {
    after: ['ない', 'なかっ', 'ません', 'なし', '無し', 'せず', 'されず', '否定', '不要', '撤回', '中止', 'なくなっ', '見送', 'ではなく', 'じゃなく', '可能性は低', '考えにく', '誤報', 'デマ', '取りやめ', '白紙', '未定', '誤解', '勘違い', '延期', '杞憂', '誤り', '間違い', '事実無根', '噂に過ぎ', '噂にすぎ', 'ガセ'],
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
