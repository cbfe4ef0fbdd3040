import type { UsageEncoding } from './decode';
import type { ColumnRole, MappingProblemCode } from './mapping';
import type { MatchHow } from './match';
import type { ParseErrorCode, ParseWarningCode } from './parse';
import type { DateOrderUsed, RejectReason } from './rows';

/**
 * Every user-facing string of the usage import pipeline, in English and Japanese, to be merged
 * into the i18n dictionaries. The pipeline itself returns codes; the helpers at the bottom map a
 * code to its key so the UI never builds keys by hand. `{name}` placeholders.
 */
export const usageEn = {
  'usage.encoding.utf-8': 'UTF-8',
  'usage.encoding.utf-8-bom': 'UTF-8 (with BOM)',
  'usage.encoding.utf-16le': 'UTF-16 (Unicode text)',
  'usage.encoding.utf-16be': 'UTF-16 big-endian',
  'usage.encoding.shift_jis': 'Shift_JIS (Japanese Excel)',
  'usage.format.csv': 'CSV',
  'usage.format.json': 'JSON',
  'usage.delimiter.comma': 'comma-separated',
  'usage.delimiter.tab': 'tab-separated',
  'usage.delimiter.semicolon': 'semicolon-separated',
  'usage.fileSummary': '{file}: {format}, {encoding}, {rows} rows',

  'usage.role.accountId': 'Account ID',
  'usage.role.accountDomain': 'Account domain / website',
  'usage.role.accountName': 'Account name',
  'usage.role.date': 'Date',
  'usage.role.subscription': 'Subscription / product',
  'usage.role.activeUsers': 'Active users',
  'usage.role.licensedSeats': 'Licensed seats',
  'usage.role.logins': 'Logins',
  'usage.role.feature': 'Feature usage',
  'usage.role.ignore': 'Not imported',
  'usage.featureName': 'Feature name',
  'usage.metric.feature': 'Feature: {name}',
  'usage.mappingRemembered': 'Column choices remembered from an earlier file with the same columns.',
  'usage.mappingGuessed': 'Columns were guessed from their names. Check them before importing.',

  'usage.problem.no-date': 'Choose the column that holds the date.',
  'usage.problem.no-account': 'Choose a column that names the account (ID, domain or name).',
  'usage.problem.no-figures': 'Choose at least one column with figures (active users, seats, logins or a feature).',
  'usage.problem.duplicate-role': 'Only one column can be “{role}”.',
  'usage.problem.no-feature-name': 'Give the feature in column “{column}” a name.',
  'usage.problem.duplicate-feature': 'Two columns are named feature “{name}”.',

  'usage.reject.bad-date': 'Line {line}: “{value}” in {column} is not a date.',
  'usage.reject.not-a-number': 'Line {line}: “{value}” in {column} is not a number.',
  'usage.reject.no-account': 'Line {line}: no account ID, domain or name.',
  'usage.reject.no-figures': 'Line {line}: no figures on this row.',
  'usage.rejectedCount': '{count} rows will not be imported:',

  'usage.parseError.empty-file': 'The file is empty.',
  'usage.parseError.invalid-json': 'The file is not valid JSON ({detail}).',
  'usage.parseError.unexpected-json-shape': 'The JSON file must hold a list of rows, or an object with “rows” or “data” holding one.',
  'usage.warning.unclosed-quote': 'Line {line}: a quoted field is never closed, so the rest of the file was read as one cell.',
  'usage.warning.malformed-quote': 'Line {line}: a quote inside a field is not doubled; the field was read as written.',
  'usage.warning.extra-cells': 'Line {line}: more cells than column headers; the extra cells were ignored.',

  'usage.dateOrder.label': 'Dates like 01/02/2026',
  'usage.dateOrder.auto': 'Decide from the file',
  'usage.dateOrder.mdy': 'Month first (01/02 = January 2)',
  'usage.dateOrder.dmy': 'Day first (01/02 = 1 February)',
  'usage.dateOrder.decided.mapping': '{count} dates could be read either way and were read as you chose.',
  'usage.dateOrder.decided.file': '{count} dates could be read either way and were read like the file’s other dates.',
  'usage.dateOrder.decided.default': '{count} dates could be read either way and were read month first. Change this if the file is day first.',

  'usage.match.record-id': 'by CRM record ID',
  'usage.match.domain': 'by website domain',
  'usage.match.name': 'by company name',
  'usage.match.manual': 'linked by hand',
  'usage.match.remembered': 'remembered link',
  'usage.match.unmatched': 'No matching CRM account',
  'usage.match.ambiguous': 'Fits {count} CRM accounts; pick one',
  'usage.match.link': 'Link to…',

  'usage.preview.rows': '{rows} of {total} rows will be stored as {records} figures.',
  'usage.preview.accounts': '{matched} of {total} accounts match a CRM account.',
  'usage.preview.unmatchedNote': 'Figures of unmatched accounts are stored too and appear once you link the account.',
  'usage.preview.duplicates': '{count} rows repeat an earlier row’s account, date and metric; the later row is kept.',
  'usage.preview.dateRange': 'Dates from {from} to {to}',
  'usage.preview.metrics': 'Figures: {metrics}',
  'usage.preview.nothing': 'Nothing in this file can be imported.',
  'usage.preview.confirm': 'Import {records} figures',
  'usage.preview.cancel': 'Cancel',
  'usage.preview.reimportNote': 'Figures already stored for the same account, date and metric are replaced, never duplicated.',

  'usage.progress.reading': 'Reading the file… {percent}%',
  'usage.progress.checking': 'Checking rows… {percent}%',
  'usage.progress.storing': 'Storing… {percent}%',
  'usage.done': 'Imported {records} figures for {accounts} accounts.',
};

export type UsageMessageKey = keyof typeof usageEn;

export const usageJa: Record<UsageMessageKey, string> = {
  'usage.encoding.utf-8': 'UTF-8',
  'usage.encoding.utf-8-bom': 'UTF-8（BOM 付き）',
  'usage.encoding.utf-16le': 'UTF-16（Unicode テキスト）',
  'usage.encoding.utf-16be': 'UTF-16 ビッグエンディアン',
  'usage.encoding.shift_jis': 'Shift_JIS（日本語版 Excel）',
  'usage.format.csv': 'CSV',
  'usage.format.json': 'JSON',
  'usage.delimiter.comma': 'カンマ区切り',
  'usage.delimiter.tab': 'タブ区切り',
  'usage.delimiter.semicolon': 'セミコロン区切り',
  'usage.fileSummary': '{file}：{format}、{encoding}、{rows} 行',

  'usage.role.accountId': 'アカウント ID',
  'usage.role.accountDomain': 'ドメイン／ウェブサイト',
  'usage.role.accountName': '会社名',
  'usage.role.date': '日付',
  'usage.role.subscription': '契約／製品',
  'usage.role.activeUsers': 'アクティブユーザー数',
  'usage.role.licensedSeats': 'ライセンス数',
  'usage.role.logins': 'ログイン数',
  'usage.role.feature': '機能の利用',
  'usage.role.ignore': '取り込まない',
  'usage.featureName': '機能名',
  'usage.metric.feature': '機能：{name}',
  'usage.mappingRemembered': '同じ列構成の前回のファイルで選んだ列の割り当てを使っています。',
  'usage.mappingGuessed': '列の割り当ては列名から推測しました。取り込む前に確認してください。',

  'usage.problem.no-date': '日付の列を選んでください。',
  'usage.problem.no-account': 'アカウントを示す列（ID、ドメイン、会社名のいずれか）を選んでください。',
  'usage.problem.no-figures': '数値の列（アクティブユーザー数、ライセンス数、ログイン数、機能）を 1 つ以上選んでください。',
  'usage.problem.duplicate-role': '「{role}」にできる列は 1 つだけです。',
  'usage.problem.no-feature-name': '列「{column}」の機能に名前を付けてください。',
  'usage.problem.duplicate-feature': '機能「{name}」に 2 つの列が割り当てられています。',

  'usage.reject.bad-date': '{line} 行目：{column} の「{value}」は日付として読めません。',
  'usage.reject.not-a-number': '{line} 行目：{column} の「{value}」は数値ではありません。',
  'usage.reject.no-account': '{line} 行目：アカウントの ID、ドメイン、会社名がありません。',
  'usage.reject.no-figures': '{line} 行目：数値がありません。',
  'usage.rejectedCount': '次の {count} 行は取り込まれません：',

  'usage.parseError.empty-file': 'ファイルが空です。',
  'usage.parseError.invalid-json': 'JSON として読めないファイルです（{detail}）。',
  'usage.parseError.unexpected-json-shape': 'JSON ファイルは行の配列か、「rows」または「data」に行の配列を持つオブジェクトにしてください。',
  'usage.warning.unclosed-quote': '{line} 行目：引用符で始まる項目が閉じられていないため、以降がすべて 1 つのセルとして読まれました。',
  'usage.warning.malformed-quote': '{line} 行目：項目内の引用符が二重になっていません。書かれたとおりに読みました。',
  'usage.warning.extra-cells': '{line} 行目：列名より多くのセルがあります。余分なセルは無視しました。',

  'usage.dateOrder.label': '01/02/2026 のような日付',
  'usage.dateOrder.auto': 'ファイルから判断する',
  'usage.dateOrder.mdy': '月が先（01/02 = 1月2日）',
  'usage.dateOrder.dmy': '日が先（01/02 = 2月1日）',
  'usage.dateOrder.decided.mapping': 'どちらにも読める日付が {count} 件あり、指定どおりに読みました。',
  'usage.dateOrder.decided.file': 'どちらにも読める日付が {count} 件あり、ファイル内のほかの日付に合わせて読みました。',
  'usage.dateOrder.decided.default': 'どちらにも読める日付が {count} 件あり、月が先として読みました。日が先のファイルなら変更してください。',

  'usage.match.record-id': 'CRM レコード ID で一致',
  'usage.match.domain': 'ウェブサイトのドメインで一致',
  'usage.match.name': '会社名で一致',
  'usage.match.manual': '手動で関連付け',
  'usage.match.remembered': '記憶済みの関連付け',
  'usage.match.unmatched': '一致する CRM アカウントがありません',
  'usage.match.ambiguous': '{count} 件の CRM アカウントに当てはまります。1 つ選んでください',
  'usage.match.link': '関連付ける…',

  'usage.preview.rows': '全 {total} 行のうち {rows} 行を {records} 件の数値として保存します。',
  'usage.preview.accounts': '{total} アカウントのうち {matched} 件が CRM アカウントと一致しました。',
  'usage.preview.unmatchedNote': '一致しないアカウントの数値も保存され、関連付けると表示されます。',
  'usage.preview.duplicates': '{count} 行は前の行とアカウント・日付・指標が重複しています。後の行を使います。',
  'usage.preview.dateRange': '期間：{from} ～ {to}',
  'usage.preview.metrics': '数値：{metrics}',
  'usage.preview.nothing': 'このファイルには取り込める行がありません。',
  'usage.preview.confirm': '{records} 件の数値を取り込む',
  'usage.preview.cancel': 'キャンセル',
  'usage.preview.reimportNote': '同じアカウント・日付・指標の保存済みの数値は置き換えられ、重複しません。',

  'usage.progress.reading': 'ファイルを読み込み中… {percent}%',
  'usage.progress.checking': '行を確認中… {percent}%',
  'usage.progress.storing': '保存中… {percent}%',
  'usage.done': '{accounts} アカウントの数値 {records} 件を取り込みました。',
};

// Code → key. Typed with template literals, so a new code without a message is a type error.
export const rejectReasonKey = (reason: RejectReason): UsageMessageKey => `usage.reject.${reason}`;
export const columnRoleKey = (role: ColumnRole): UsageMessageKey => `usage.role.${role}`;
export const encodingKey = (encoding: UsageEncoding): UsageMessageKey => `usage.encoding.${encoding}`;
export const mappingProblemKey = (code: MappingProblemCode): UsageMessageKey => `usage.problem.${code}`;
export const parseErrorKey = (code: ParseErrorCode): UsageMessageKey => `usage.parseError.${code}`;
export const parseWarningKey = (code: ParseWarningCode): UsageMessageKey => `usage.warning.${code}`;
export const matchHowKey = (how: MatchHow): UsageMessageKey => `usage.match.${how}`;
export const dateOrderDecidedKey = (used: DateOrderUsed): UsageMessageKey => `usage.dateOrder.decided.${used.decidedBy}`;
export const delimiterKey = (delimiter: ',' | '\t' | ';'): UsageMessageKey =>
  delimiter === ',' ? 'usage.delimiter.comma' : delimiter === '\t' ? 'usage.delimiter.tab' : 'usage.delimiter.semicolon';
