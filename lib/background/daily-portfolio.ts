
export const PORTFOLIO_ALARM = 'portfolio-daily';

/** The portfolio's rows are per day: they are redone just after midnight, so the first look of the day is quick. */
export async function scheduleDailyPortfolio(alarms: { get(name: string): Promise<unknown>; create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> }, now: Date): Promise<void> {
  if (await alarms.get(PORTFOLIO_ALARM)) return;
  const midnight = new Date(now);
  midnight.setHours(24, 5, 0, 0);
  await alarms.create(PORTFOLIO_ALARM, { when: midnight.getTime(), periodInMinutes: 24 * 60 });
}
