// The portfolio page's logic: pure functions, no storage, no UI.
export { buildPortfolio, ATTENTION } from './rank';
export { filterPortfolio, isFiltered, searchable, NO_FILTER, RENEWAL_WITHIN_CHOICES, NO_TOUCH_CHOICES, type PortfolioFilter } from './filter';
export { portfolioCsv } from './csv';
export { portfolioEn, portfolioJa, reasonText, trendKey, countedReasonKey, type PortfolioMessageKey, type PortfolioTranslate, type CountedReason } from './messages';
export { localNow } from './time';
export { PORTFOLIO_TRENDS, type PortfolioTrend, type PortfolioHealth, type PortfolioAccountInput, type PortfolioRow, type PortfolioOptions, type Reason } from './model';
