/**
 * The labelled set the suggestions are measured against (lib/suggest/quality.test.ts and `npm run
 * bench`): note sentences as a CSM types them right after a call, in English, Japanese and a mix,
 * with the signal kinds a careful reader would log from each. Not shipped: only tests and the
 * bench import it.
 *
 * - `lang`: the language the sentence is written in (its grammar); `mixed` when it borrows words
 *   from the other language.
 * - `kinds`: what should be suggested. `alsoOk`: a kind a reasonable CSM might log too, counted
 *   neither as a hit nor as a miss.
 * - `negated`: the sentence denies or hedges away a signal ("not leaving"): no risk may be
 *   suggested from it beyond its `kinds`.
 * - `stakeholder`: who it is about, as the roster below names them (or the new name as written).
 *
 * The sentences were written before the rules, as notes read, and are not to be bent to the rules:
 * when the rules miss one, the rules change.
 */
import type { SignalKind } from '../model/signal';
import type { StakeholderRole } from '../model/stakeholder';

export interface LabelledSentence {
  text: string;
  lang: 'en' | 'ja';
  kinds: SignalKind[];
  alsoOk?: SignalKind[];
  negated?: true;
  mixed?: true;
  stakeholder?: string;
}

/** The account's stakeholder map the set is read with. */
export const LABELLED_STAKEHOLDERS: ReadonlyArray<{ id: string; name: string; role: StakeholderRole }> = [
  { id: 's-priya', name: 'Priya Raman', role: 'champion' },
  { id: 's-tom', name: 'Tom Becker', role: 'admin' },
  { id: 's-tanaka', name: '田中 一郎', role: 'executive-sponsor' },
  { id: 's-suzuki', name: '鈴木 花子', role: 'champion' },
  { id: 's-kenji', name: 'Kenji Watanabe', role: 'decision-maker' },
  { id: 's-maria', name: 'Maria Lopez', role: 'end-user' },
];

/** The competitor names the CSM has entered in settings. */
export const LABELLED_COMPETITORS: readonly string[] = ['Gainsight', 'Totango', 'ChurnZero', 'Planhat', 'HiCustomer', 'コミューン'];

export const LABELLED_SENTENCES: readonly LabelledSentence[] = [
  // English: a champion or sponsor leaving or moving.
  { lang: 'en', text: "Priya mentioned she's leaving the company at the end of March.", kinds: ['champion-left'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'Heads up: Tom is moving on to a new role at another firm next month.', kinds: ['stakeholder-change'], stakeholder: 'Tom Becker' },
  { lang: 'en', text: 'Our champion handed in her notice last week.', kinds: ['champion-left'] },
  { lang: 'en', text: 'Kenji said today is his last day at Acme.', kinds: ['stakeholder-change'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', text: 'The VP who sponsored the project resigned on Friday.', kinds: ['champion-left'] },
  { lang: 'en', text: 'Priya is not leaving after all, the rumour was wrong.', kinds: [], negated: true },
  { lang: 'en', text: 'Maria will be leaving the meeting early today.', kinds: [] },
  { lang: 'en', text: 'Our sponsor is being transferred to the Osaka office in April.', kinds: ['champion-left'] },
  { lang: 'en', text: 'Tom has no plans to leave, he just got promoted.', kinds: [], negated: true },
  { lang: 'en', text: 'Sounds like Priya might be moving on later this year.', kinds: ['champion-left'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: "Priya doesn't plan on leaving anytime soon.", kinds: [], negated: true },
  // New stakeholder or executive.
  { lang: 'en', text: 'New VP of Operations, Mark Chen, joined two weeks ago and wants a product walkthrough.', kinds: ['new-stakeholder'], stakeholder: 'Mark Chen' },
  { lang: 'en', text: 'They hired a new CIO who used Gainsight at her previous company.', kinds: ['new-stakeholder', 'competitor-mentioned'] },
  { lang: 'en', text: "Priya's replacement starts on Monday; we need to onboard him quickly.", kinds: ['new-stakeholder'], alsoOk: ['champion-left'] },
  { lang: 'en', text: 'A new head of customer experience took over the program from Tom.', kinds: ['new-stakeholder'] },
  { lang: 'en', text: 'We were introduced to the incoming CFO, who will own the renewal decision.', kinds: ['new-stakeholder'] },
  { lang: 'en', text: 'No new people on their side this quarter.', kinds: [], negated: true },
  // Reorganisation.
  { lang: 'en', text: 'They announced a reorg; IT and operations are merging into one department.', kinds: ['reorganisation'] },
  { lang: 'en', text: 'The whole support org is being restructured after the acquisition.', kinds: ['reorganisation'] },
  { lang: 'en', text: 'There is no reorganisation planned before the renewal.', kinds: [], negated: true },
  { lang: 'en', text: "Kenji's team now reports to the new COO after the restructuring.", kinds: ['reorganisation'], alsoOk: ['new-stakeholder'], stakeholder: 'Kenji Watanabe' },
  // Budget.
  { lang: 'en', text: 'Budget for next year has been cut by 20%.', kinds: ['budget-change'] },
  { lang: 'en', text: 'Finance froze all new software spend until Q3.', kinds: ['budget-change'] },
  { lang: 'en', text: 'No budget cut this year, spending stays flat.', kinds: [], negated: true },
  { lang: 'en', text: 'They got budget approved for the second phase.', kinds: ['budget-change'], alsoOk: ['expansion-interest'] },
  { lang: 'en', text: "Headcount freeze means they can't add users for now.", kinds: ['budget-change'] },
  { lang: 'en', text: 'Procurement asked us to hold the invoice because of budget constraints.', kinds: ['budget-change'] },
  { lang: 'en', text: "It's unlikely the budget will be frozen again.", kinds: [], negated: true },
  // Competitors.
  { lang: 'en', text: 'They are evaluating alternatives before the renewal.', kinds: ['competitor-mentioned'] },
  { lang: 'en', text: 'Tom said Totango pitched them last week with a big discount.', kinds: ['competitor-mentioned'], stakeholder: 'Tom Becker' },
  { lang: 'en', text: 'The CIO keeps comparing us to Gainsight.', kinds: ['competitor-mentioned'] },
  { lang: 'en', text: 'They looked at other vendors but decided to stay with us.', kinds: ['competitor-mentioned'] },
  { lang: 'en', text: 'No competitors came up in the discussion.', kinds: [], negated: true },
  { lang: 'en', text: 'A competitor offered to migrate their data for free.', kinds: ['competitor-mentioned'] },
  { lang: 'en', text: 'Kenji asked whether we integrate with ChurnZero, they use it in another division.', kinds: ['competitor-mentioned'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', text: "They're unlikely to switch vendors, switching cost is too high.", kinds: [], negated: true },
  // ROI.
  { lang: 'en', text: 'CFO asked about ROI again.', kinds: ['roi-questioned'] },
  { lang: 'en', text: "Kenji wants to know what they're getting for the price.", kinds: ['roi-questioned'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', text: 'They struggle to justify the cost to finance.', kinds: ['roi-questioned'] },
  { lang: 'en', text: 'Priya asked us for a business case showing the value before renewal.', kinds: ['roi-questioned'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'Finance is questioning whether the licence is worth the money.', kinds: ['roi-questioned'] },
  { lang: 'en', text: 'ROI is clear to them, no questions there.', kinds: [], negated: true },
  // Roadmap.
  { lang: 'en', text: 'Priya was disappointed that SSO is still not on the roadmap.', kinds: ['roadmap-disappointment'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'The offline mode they were promised slipped again to next year.', kinds: ['roadmap-disappointment'] },
  { lang: 'en', text: "They feel the product hasn't moved in a year and the roadmap is underwhelming.", kinds: ['roadmap-disappointment'] },
  { lang: 'en', text: 'Tom liked the roadmap preview, especially the API changes.', kinds: [] },
  { lang: 'en', text: 'The feature they asked for keeps getting pushed back.', kinds: ['roadmap-disappointment'] },
  // Unresolved issues.
  { lang: 'en', text: 'The sync bug from last month is still not fixed.', kinds: ['unresolved-issue'] },
  { lang: 'en', text: 'Support ticket about slow reports has been open for six weeks.', kinds: ['unresolved-issue'] },
  { lang: 'en', text: 'They escalated the login failures to their CIO.', kinds: ['unresolved-issue'] },
  { lang: 'en', text: "The export issue was resolved last Tuesday, they're happy.", kinds: [], negated: true },
  { lang: 'en', text: "Users still can't upload files larger than 10 MB.", kinds: ['unresolved-issue'] },
  { lang: 'en', text: 'Data import keeps failing every night.', kinds: ['unresolved-issue'] },
  // Sponsor's priority.
  { lang: 'en', text: 'Our sponsor said the project is no longer a priority for them this year.', kinds: ['sponsor-priority-dropped'] },
  { lang: 'en', text: 'The exec sponsor has other priorities now and skipped the QBR.', kinds: ['sponsor-priority-dropped'] },
  { lang: 'en', text: 'The rollout has been deprioritised in favour of the ERP migration.', kinds: ['sponsor-priority-dropped'] },
  { lang: 'en', text: 'Leadership attention moved to cost cutting; adoption is on the back burner.', kinds: ['sponsor-priority-dropped'], alsoOk: ['budget-change'] },
  // Expansion.
  { lang: 'en', text: 'They want 50 more seats for the sales team.', kinds: ['expansion-interest'] },
  { lang: 'en', text: 'Maria asked about rolling it out to the Singapore office.', kinds: ['expansion-interest'], stakeholder: 'Maria Lopez' },
  { lang: 'en', text: 'Interest in the analytics add-on, asked for a quote.', kinds: ['expansion-interest'] },
  { lang: 'en', text: 'They are not interested in more licences right now.', kinds: [], negated: true },
  { lang: 'en', text: 'Kenji wants to expand to two more departments next quarter.', kinds: ['expansion-interest'], stakeholder: 'Kenji Watanabe' },
  // Advocacy.
  { lang: 'en', text: 'Priya offered to be a reference for other customers.', kinds: ['advocacy'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'They agreed to a joint case study for our website.', kinds: ['advocacy'] },
  { lang: 'en', text: 'Tom will speak at our user conference in June.', kinds: ['advocacy'], stakeholder: 'Tom Becker' },
  { lang: 'en', text: 'Kenji referred us to a friend at another bank.', kinds: ['advocacy'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', text: "They'd happily recommend us to peers.", kinds: ['advocacy'] },
  // Goals exhausted.
  { lang: 'en', text: "All their onboarding goals are met and they don't see what's next.", kinds: ['goals-exhausted'] },
  { lang: 'en', text: "They said there's nothing left to achieve with the tool.", kinds: ['goals-exhausted'] },
  // No signal.
  { lang: 'en', text: 'Walked through the new dashboard filters together.', kinds: [] },
  { lang: 'en', text: 'Agreed to meet again in two weeks to review adoption.', kinds: [] },
  { lang: 'en', text: 'Sent the training recording to the admins.', kinds: [] },
  { lang: 'en', text: 'Weekly check-in, usage steady, nothing new.', kinds: [] },
  { lang: 'en', text: 'Tom asked how to export a report to PDF.', kinds: [] },
  { lang: 'en', text: "Discussed the agenda for next month's QBR.", kinds: [] },
  { lang: 'en', text: 'Maria will share the usage numbers by Friday.', kinds: [] },
  { lang: 'en', text: 'Great call, they loved the new workflow builder.', kinds: [] },
  { lang: 'en', text: 'Priya is on holiday next week, Tom covers for her.', kinds: [] },
  { lang: 'en', text: 'Reviewed open tickets; all closed.', kinds: [] },
  // English with Japanese words.
  { lang: 'en', mixed: true, text: '田中さん asked about ROI again in the steering meeting.', kinds: ['roi-questioned'], stakeholder: '田中 一郎' },
  { lang: 'en', mixed: true, text: 'Priya said 鈴木さん is moving to the Osaka office next month.', kinds: ['champion-left'], stakeholder: '鈴木 花子' },
  { lang: 'en', mixed: true, text: 'Discussed 追加ライセンス for the support team, they want 20 more seats.', kinds: ['expansion-interest'] },
  { lang: 'en', mixed: true, text: 'Kenji mentioned 他社 tools during the demo.', kinds: ['competitor-mentioned'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', mixed: true, text: 'No 予算削減 this year according to Kenji.', kinds: [], negated: true },
  { lang: 'en', mixed: true, text: 'Follow-up on the 不具合 — still not fixed after two patches.', kinds: ['unresolved-issue'] },

  // Japanese: a champion or sponsor leaving or moving.
  { lang: 'ja', mixed: true, text: 'Priyaさんが来月退職予定とのこと。', kinds: ['champion-left'], stakeholder: 'Priya Raman' },
  { lang: 'ja', text: '鈴木さんが4月から大阪支社へ異動になる。', kinds: ['champion-left'], stakeholder: '鈴木 花子' },
  { lang: 'ja', text: '田中部長が転職されるという話を聞いた。', kinds: ['champion-left'], stakeholder: '田中 一郎' },
  { lang: 'ja', text: '推進役の方が先月末で退職された。', kinds: ['champion-left'] },
  { lang: 'ja', text: '田中部長は退職はしないとのこと、安心した。', kinds: [], negated: true },
  { lang: 'ja', text: '鈴木さんの異動は今回はなくなった。', kinds: [], negated: true },
  { lang: 'ja', text: '渡辺さんが退職するかもしれないとの噂。', kinds: ['champion-left'], stakeholder: '渡辺' },
  { lang: 'ja', text: '担当の佐藤さんが退社され、後任は未定。', kinds: ['champion-left'], stakeholder: '佐藤' },
  { lang: 'ja', mixed: true, text: 'Priyaさんの退職の噂は否定された。', kinds: [], negated: true },
  { lang: 'ja', text: '異動の可能性は低いとのこと。', kinds: [], negated: true },
  // New stakeholder.
  { lang: 'ja', text: '新任の佐藤部長が着任した。', kinds: ['new-stakeholder'], stakeholder: '佐藤' },
  { lang: 'ja', text: '4月から新しい情報システム部長が着任予定。', kinds: ['new-stakeholder'] },
  { lang: 'ja', text: '後任として山本さんが担当になった。', kinds: ['new-stakeholder'], alsoOk: ['champion-left'], stakeholder: '山本' },
  { lang: 'ja', text: '新しくCIOが就任し、ツールの見直しを始めている。', kinds: ['new-stakeholder'], alsoOk: ['competitor-mentioned'] },
  { lang: 'ja', text: '新任役員への製品説明の場を設けたい。', kinds: ['new-stakeholder'] },
  { lang: 'ja', text: '新しい担当者は特にいない。', kinds: [], negated: true },
  { lang: 'ja', mixed: true, text: 'Kenjiさんが新しいVPとしてjoin予定。', kinds: ['new-stakeholder'], stakeholder: 'Kenji Watanabe' },
  // Reorganisation.
  { lang: 'ja', text: '4月に組織変更があり、CS部門が営業本部に統合される。', kinds: ['reorganisation'] },
  { lang: 'ja', text: 'グループ会社との再編で情シスの体制が変わる。', kinds: ['reorganisation'] },
  { lang: 'ja', text: '組織改編の予定は今のところない。', kinds: [], negated: true },
  { lang: 'ja', text: '事業部の統廃合で利用部門が半分になる見込み。', kinds: ['reorganisation'] },
  // Budget.
  { lang: 'ja', text: '来期の予算が2割削減される見込み。', kinds: ['budget-change'] },
  { lang: 'ja', text: '新規のIT投資はすべて凍結された。', kinds: ['budget-change'] },
  { lang: 'ja', text: '予算削減の話は出なかった。', kinds: [], negated: true },
  { lang: 'ja', text: '今年は予算削減はないと明言していた。', kinds: [], negated: true },
  { lang: 'ja', text: 'コスト削減の一環で契約の見直しを求められた。', kinds: ['budget-change'], alsoOk: ['roi-questioned'] },
  { lang: 'ja', text: '追加予算が承認され、第2フェーズに進める。', kinds: ['budget-change'], alsoOk: ['expansion-interest'] },
  { lang: 'ja', mixed: true, text: '来年度のbudgetはfreezeとのこと。', kinds: ['budget-change'] },
  // Competitors.
  { lang: 'ja', text: '他社製品への乗り換えを検討しているらしい。', kinds: ['competitor-mentioned'] },
  { lang: 'ja', mixed: true, text: 'Gainsightとの比較資料を求められた。', kinds: ['competitor-mentioned'] },
  { lang: 'ja', mixed: true, text: '情シスがHiCustomerのデモを受けたとのこと。', kinds: ['competitor-mentioned'] },
  { lang: 'ja', text: '競合の見積もりを取っていると渡辺さんから聞いた。', kinds: ['competitor-mentioned'], stakeholder: '渡辺' },
  { lang: 'ja', text: '他のツールへの切り替えは考えていないとのこと。', kinds: [], negated: true },
  { lang: 'ja', text: 'コミューンも併用しているそうだ。', kinds: ['competitor-mentioned'] },
  { lang: 'ja', text: '更新前に相見積もりを取る方針。', kinds: ['competitor-mentioned'] },
  { lang: 'ja', mixed: true, text: 'Totangoに乗り換えるかもしれないとTomさんが言っていた。', kinds: ['competitor-mentioned'], stakeholder: 'Tom Becker' },
  { lang: 'ja', text: '乗り換えの予定はないと明言された。', kinds: [], negated: true },
  // ROI.
  { lang: 'ja', mixed: true, text: 'CFOから費用対効果について質問があった。', kinds: ['roi-questioned'] },
  { lang: 'ja', text: '投資対効果を数字で示してほしいと言われた。', kinds: ['roi-questioned'] },
  { lang: 'ja', text: '田中部長が「この金額に見合う価値があるのか」と疑問を呈した。', kinds: ['roi-questioned'], stakeholder: '田中 一郎' },
  { lang: 'ja', text: '経営会議でコストに見合う効果が出ているか問われたらしい。', kinds: ['roi-questioned'] },
  { lang: 'ja', text: '費用対効果には満足しているとのこと。', kinds: [], negated: true },
  { lang: 'ja', mixed: true, text: 'ROIの説明資料を次回までに用意する。', kinds: [], alsoOk: ['roi-questioned'] },
  { lang: 'ja', mixed: true, text: 'CFO asked about ROI again、費用対効果の資料が必要。', kinds: ['roi-questioned'] },
  // Roadmap.
  { lang: 'ja', mixed: true, text: 'ロードマップにSSO対応がなく、がっかりしていた。', kinds: ['roadmap-disappointment'] },
  { lang: 'ja', text: '約束していた機能のリリースがまた延期になり不満そう。', kinds: ['roadmap-disappointment'] },
  { lang: 'ja', text: '要望していた機能がロードマップに入っていないことに失望していた。', kinds: ['roadmap-disappointment'] },
  { lang: 'ja', text: '新機能の発表には期待しているとのこと。', kinds: [] },
  { lang: 'ja', text: '製品の進化が遅いと感じているようだ。', kinds: ['roadmap-disappointment'] },
  // Unresolved issues.
  { lang: 'ja', text: '同期エラーの不具合がまだ解決していない。', kinds: ['unresolved-issue'] },
  { lang: 'ja', text: '先月の障害の件、根本原因がいまだ不明で不信感がある。', kinds: ['unresolved-issue'] },
  { lang: 'ja', text: '問い合わせへの回答が遅いとクレームがあった。', kinds: ['unresolved-issue'] },
  { lang: 'ja', text: 'ログイン障害は先週解消済み。', kinds: [], negated: true },
  { lang: 'ja', text: 'レポートが重い問題は未解決のまま。', kinds: ['unresolved-issue'] },
  { lang: 'ja', mixed: true, text: 'CSVの文字化けが直っていないと鈴木さんから連絡。', kinds: ['unresolved-issue'], stakeholder: '鈴木 花子' },
  { lang: 'ja', mixed: true, text: 'SSOのbugがまだ直っていない。', kinds: ['unresolved-issue'] },
  // Sponsor's priority.
  { lang: 'ja', text: '田中部長の関心が別プロジェクトに移っている。', kinds: ['sponsor-priority-dropped'], stakeholder: '田中 一郎' },
  { lang: 'ja', text: '今期は優先度が下がったと言われた。', kinds: ['sponsor-priority-dropped'] },
  { lang: 'ja', text: '経営層の優先順位が変わり、本件は後回しになった。', kinds: ['sponsor-priority-dropped'] },
  { lang: 'ja', text: 'スポンサーが定例を3回連続で欠席している。', kinds: ['sponsor-priority-dropped'] },
  // Expansion.
  { lang: 'ja', text: '追加ライセンスを20本検討中。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: '他部署展開に興味ありとのこと。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: '大阪支社でも使いたいという声が上がっている。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: '上位プランへのアップグレードを相談された。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: '追加ライセンスは今のところ不要とのこと。', kinds: [], negated: true },
  { lang: 'ja', text: '全社展開に向けて稟議を上げる予定。', kinds: ['expansion-interest'] },
  { lang: 'ja', mixed: true, text: 'more seatsの話が出た、20ライセンス追加の可能性。', kinds: ['expansion-interest'] },
  // Advocacy.
  { lang: 'ja', text: '導入事例として掲載してもよいと快諾いただいた。', kinds: ['advocacy'] },
  { lang: 'ja', text: '鈴木さんがユーザー会で登壇してくれることになった。', kinds: ['advocacy'], stakeholder: '鈴木 花子' },
  { lang: 'ja', text: '取引先に当社を紹介してくれるそうだ。', kinds: ['advocacy'] },
  { lang: 'ja', text: 'リファレンス顧客として他社の問い合わせに対応してもらえる。', kinds: ['advocacy'] },
  { lang: 'ja', text: '自己紹介のあと、利用状況を共有した。', kinds: [] },
  // Goals exhausted.
  { lang: 'ja', text: '当初の目標はすべて達成し、次の目標が見えていない。', kinds: ['goals-exhausted'] },
  { lang: 'ja', text: '導入目的は達成済みで、これ以上の活用イメージがないとのこと。', kinds: ['goals-exhausted'] },
  // No signal.
  { lang: 'ja', text: '定例ミーティング。利用状況を確認した。', kinds: [] },
  { lang: 'ja', text: '次回は2週間後に打ち合わせ予定。', kinds: [] },
  { lang: 'ja', text: '管理者向けトレーニングの資料を送付した。', kinds: [] },
  { lang: 'ja', text: 'ダッシュボードの使い方について質問があった。', kinds: [] },
  { lang: 'ja', text: '特に大きな変化はなし。', kinds: [] },
  { lang: 'ja', mixed: true, text: '来月のQBRのアジェンダを相談した。', kinds: [] },
  { lang: 'ja', text: '新機能のデモを見せたところ、とても好評だった。', kinds: [] },
  { lang: 'ja', text: '鈴木さんは来週休暇のため、代わりに田中部長が対応。', kinds: [] },
  { lang: 'ja', text: '活用度は順調に伸びている。', kinds: [] },
  { lang: 'ja', text: 'アカウント設定の変更方法を案内した。', kinds: [] },
];

/**
 * A second set, written after the rules existed and measured before any rule was changed for it
 * (its first figures are in the README): how well the rules do on notes they were not written
 * from. Rules may be improved from it afterwards; the README keeps both figures.
 */
export const HELD_OUT_SENTENCES: readonly LabelledSentence[] = [
  { lang: 'en', text: 'Priya told me in confidence she has accepted an offer elsewhere.', kinds: ['champion-left'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'Their IT director is retiring in June and nobody has been named yet.', kinds: ['champion-left'] },
  { lang: 'en', text: 'Kenji got promoted and will hand the project over to his deputy.', kinds: ['stakeholder-change'], alsoOk: ['new-stakeholder'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', text: 'Met Sarah Kim, the new Head of Digital, for the first time.', kinds: ['new-stakeholder'], stakeholder: 'Sarah Kim' },
  { lang: 'en', text: 'They brought in a consultant to review all their SaaS contracts.', kinds: ['roi-questioned'], alsoOk: ['budget-change', 'competitor-mentioned'] },
  { lang: 'en', text: 'Apparently the parent company wants everyone on one platform by next year.', kinds: ['competitor-mentioned'], alsoOk: ['reorganisation'] },
  { lang: 'en', text: 'Finance wants a 15% discount or they will not renew.', kinds: ['roi-questioned'], alsoOk: ['budget-change'] },
  { lang: 'en', text: 'Spending is locked until the new fiscal year starts.', kinds: ['budget-change'] },
  { lang: 'en', text: 'Tom mentioned they trialled Planhat over the summer.', kinds: ['competitor-mentioned'], stakeholder: 'Tom Becker' },
  { lang: 'en', text: 'Sales ops is running a bake-off between us and two other tools.', kinds: ['competitor-mentioned'] },
  { lang: 'en', text: "The CFO doesn't see the value yet and wants hard numbers.", kinds: ['roi-questioned'] },
  { lang: 'en', text: 'Bulk edit was supposed to ship in Q2 and they are still waiting.', kinds: ['roadmap-disappointment'] },
  { lang: 'en', text: 'The reporting outage last week hit their board deck.', kinds: ['unresolved-issue'] },
  { lang: 'en', text: 'Three tickets are still waiting for an answer from our support team.', kinds: ['unresolved-issue'] },
  { lang: 'en', text: 'The sponsor cancelled our monthly sync twice in a row.', kinds: ['sponsor-priority-dropped'] },
  { lang: 'en', text: 'Our project slipped down their list after the merger.', kinds: ['sponsor-priority-dropped', 'reorganisation'] },
  { lang: 'en', text: 'Marketing wants their own workspace too, maybe 30 users.', kinds: ['expansion-interest'] },
  { lang: 'en', text: 'They asked for pricing on the enterprise tier.', kinds: ['expansion-interest'] },
  { lang: 'en', text: 'Maria posted a glowing review of us on LinkedIn.', kinds: ['advocacy'], stakeholder: 'Maria Lopez' },
  { lang: 'en', text: 'Happy to take a call from a prospect next month, said Priya.', kinds: ['advocacy'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'No change on their side; the same team, same priorities.', kinds: [], negated: true },
  { lang: 'en', text: 'They confirmed they are not looking at other tools.', kinds: [], negated: true },
  { lang: 'en', text: "Budget is safe for next year, it's already signed.", kinds: [], alsoOk: ['budget-change'] },
  { lang: 'en', text: 'The bug with calendar sync is fixed and they confirmed it works.', kinds: [], negated: true },
  { lang: 'en', text: 'Showed them the new mobile app; lots of questions about notifications.', kinds: [] },
  { lang: 'en', text: 'Tom will send the list of users to deactivate.', kinds: [] },
  { lang: 'en', text: 'Planning the training for new hires in October.', kinds: [] },
  { lang: 'en', text: 'Priya is out sick, rescheduled to Thursday.', kinds: [] },
  { lang: 'en', mixed: true, text: '鈴木さん wants to present their results at our 事例 webinar.', kinds: ['advocacy'], stakeholder: '鈴木 花子' },
  { lang: 'en', mixed: true, text: 'Kenji said the 組織変更 is postponed, nothing changes this year.', kinds: [], negated: true },

  { lang: 'ja', text: '鈴木さんが今月いっぱいで会社を辞めるそうだ。', kinds: ['champion-left'], stakeholder: '鈴木 花子' },
  { lang: 'ja', text: '田中部長が子会社の社長として出向することになった。', kinds: ['champion-left'], stakeholder: '田中 一郎' },
  { lang: 'ja', text: '情報システム部に新しく小林課長が来られた。', kinds: ['new-stakeholder'], stakeholder: '小林' },
  { lang: 'ja', text: '4月からDX推進室が新設され、窓口が変わる。', kinds: ['reorganisation'], alsoOk: ['new-stakeholder'] },
  { lang: 'ja', text: '下期は全社的にコストを絞る方針とのこと。', kinds: ['budget-change'] },
  { lang: 'ja', text: '来年度の更新予算はまだ確保できていない。', kinds: ['budget-change'] },
  { lang: 'ja', text: '他のベンダーからも提案を受けているようだ。', kinds: ['competitor-mentioned'] },
  { lang: 'ja', text: 'Planhatの方が安いと言われた。', kinds: ['competitor-mentioned'], alsoOk: ['roi-questioned'] },
  { lang: 'ja', text: '契約金額の妥当性を説明してほしいと購買部から依頼。', kinds: ['roi-questioned'] },
  { lang: 'ja', text: '使っている割に成果が出ていないと役員が言っている。', kinds: ['roi-questioned'] },
  { lang: 'ja', text: '要望していたAPI連携がいつになるのか、何度も聞かれた。', kinds: ['roadmap-disappointment'] },
  { lang: 'ja', text: '先週から画面が固まる現象が続いている。', kinds: ['unresolved-issue'] },
  { lang: 'ja', text: 'サポートの返信が3日来ていないとご指摘があった。', kinds: ['unresolved-issue'] },
  { lang: 'ja', text: '田中部長は最近この件にあまり時間を割いてくれない。', kinds: ['sponsor-priority-dropped'], stakeholder: '田中 一郎' },
  { lang: 'ja', text: '定例が先方都合で2か月止まっている。', kinds: ['sponsor-priority-dropped'] },
  { lang: 'ja', text: '海外拠点にも導入したいと相談を受けた。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: 'あと30アカウント増やしたいとのこと。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: '業界の勉強会で当社の話をしてくださるそうだ。', kinds: ['advocacy'] },
  { lang: 'ja', text: '鈴木さんがグループ会社に当社ツールを勧めてくれた。', kinds: ['advocacy'], stakeholder: '鈴木 花子' },
  { lang: 'ja', text: '退職の件は誤解だったとのこと。', kinds: [], negated: true },
  { lang: 'ja', text: '他社への乗り換えは全く考えていないと明言。', kinds: [], negated: true },
  { lang: 'ja', text: '予算の削減は今回見送られた。', kinds: [], negated: true },
  { lang: 'ja', text: 'エラーの件は修正版で解決済み、ご満足いただけた。', kinds: [], negated: true },
  { lang: 'ja', text: '次回のトレーニング日程を調整中。', kinds: [] },
  { lang: 'ja', text: '利用者アンケートの結果を共有いただいた。', kinds: [] },
  { lang: 'ja', text: '管理画面の権限設定について説明した。', kinds: [] },
  { lang: 'ja', text: '新入社員向けの説明会を来月実施予定。', kinds: [] },
  { lang: 'ja', text: '活用状況は前月比で横ばい。', kinds: [] },
  { lang: 'ja', mixed: true, text: 'Tomさんがsupportのレスポンスが遅いと不満を漏らしていた。', kinds: ['unresolved-issue'], stakeholder: 'Tom Becker' },
  { lang: 'ja', mixed: true, text: 'CIOがreplaceを検討中との噂あり。', kinds: ['competitor-mentioned'] },
];

/**
 * A third set, written after the rules were improved from the second, and never used to change
 * them: the README reports its figures as the honest estimate for notes the rules have not seen.
 */
export const UNSEEN_SENTENCES: readonly LabelledSentence[] = [
  { lang: 'en', text: 'Priya is off to a startup in May, her manager confirmed it.', kinds: ['champion-left'], stakeholder: 'Priya Raman' },
  { lang: 'en', text: 'The person who signed the contract is no longer with the company.', kinds: ['champion-left'] },
  { lang: 'en', text: 'Their new CTO wants to see a security review before anything else.', kinds: ['new-stakeholder'] },
  { lang: 'en', text: 'HR and IT will sit under one VP starting next quarter.', kinds: ['reorganisation'] },
  { lang: 'en', text: 'All discretionary spend needs CFO sign-off now.', kinds: ['budget-change'] },
  { lang: 'en', text: 'They got a demo from Gainsight last Thursday.', kinds: ['competitor-mentioned'] },
  { lang: 'en', text: 'Kenji wanted to know how many hours the tool actually saves them.', kinds: ['roi-questioned'], stakeholder: 'Kenji Watanabe' },
  { lang: 'en', text: 'They were annoyed that the Salesforce integration is still months away.', kinds: ['roadmap-disappointment'] },
  { lang: 'en', text: 'Exports time out for any report over 50k rows, ticket still open.', kinds: ['unresolved-issue'] },
  { lang: 'en', text: 'Our sponsor sent a delegate again instead of joining herself.', kinds: ['sponsor-priority-dropped'] },
  { lang: 'en', text: 'The APAC team wants access too, about 40 people.', kinds: ['expansion-interest'] },
  { lang: 'en', text: 'Maria agreed to be quoted in our press release.', kinds: ['advocacy'], stakeholder: 'Maria Lopez' },
  { lang: 'en', text: 'There is no plan to change vendors, Tom said.', kinds: [], negated: true },
  { lang: 'en', text: 'Budget was not cut in the end.', kinds: [], negated: true },
  { lang: 'en', text: 'Priya stays on as our main contact.', kinds: [] },
  { lang: 'en', text: 'Reviewed the adoption dashboard and agreed on two training dates.', kinds: [] },
  { lang: 'en', text: 'Tom asked for the invoice to be sent to a new address.', kinds: [] },
  { lang: 'en', text: 'Good session; they want a follow-up on permissions.', kinds: [] },
  { lang: 'en', mixed: true, text: '田中さん will take over as sponsor from April.', kinds: ['new-stakeholder'], stakeholder: '田中 一郎' },
  { lang: 'en', mixed: true, text: 'They mentioned コミューン twice during the call.', kinds: ['competitor-mentioned'] },

  { lang: 'ja', text: 'Priyaさんは6月で契約満了、更新しない予定とのこと。', mixed: true, kinds: ['champion-left'], stakeholder: 'Priya Raman' },
  { lang: 'ja', text: '鈴木さんが別の部署に移ることになった。', kinds: ['champion-left'], stakeholder: '鈴木 花子' },
  { lang: 'ja', text: '新しい事業部長が先週から着任されている。', kinds: ['new-stakeholder'] },
  { lang: 'ja', text: '親会社の方針で、システム部門が本社に集約される。', kinds: ['reorganisation'] },
  { lang: 'ja', text: '来期はIT予算が大幅に減る見通し。', kinds: ['budget-change'] },
  { lang: 'ja', text: 'Totangoの営業が頻繁に来ているらしい。', mixed: true, kinds: ['competitor-mentioned'] },
  { lang: 'ja', text: '導入してから何が良くなったのか説明してほしいと言われた。', kinds: ['roi-questioned'] },
  { lang: 'ja', text: 'モバイル対応が来年にずれ込むと伝えたら落胆していた。', kinds: ['roadmap-disappointment'] },
  { lang: 'ja', text: 'ファイル共有のエラーが今週も3回発生した。', kinds: ['unresolved-issue'] },
  { lang: 'ja', text: '田中部長が最近の定例に一度も出席していない。', kinds: ['sponsor-priority-dropped'], stakeholder: '田中 一郎' },
  { lang: 'ja', text: '営業部門にも使わせたいので見積もりがほしいとのこと。', kinds: ['expansion-interest'] },
  { lang: 'ja', text: '鈴木さんが社内報で当社の取り組みを紹介してくれた。', kinds: ['advocacy'], stakeholder: '鈴木 花子' },
  { lang: 'ja', text: '組織変更の影響はないとのこと。', kinds: [], negated: true },
  { lang: 'ja', text: '競合製品の検討はしていないと明言。', kinds: [], negated: true },
  { lang: 'ja', text: '来週の定例で操作研修を行う。', kinds: [] },
  { lang: 'ja', text: 'レポートの出力形式について質問を受けた。', kinds: [] },
  { lang: 'ja', text: '利用率が先月より少し上がった。', kinds: [] },
  { lang: 'ja', text: '鈴木さんと次回の議題をすり合わせた。', kinds: [] },
  { lang: 'ja', text: 'SSOの設定手順を送付済み。', mixed: true, kinds: [] },
  { lang: 'ja', text: 'ROIを示す資料がないと稟議が通らないと言われた。', mixed: true, kinds: ['roi-questioned'] },
];
