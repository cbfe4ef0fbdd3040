import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedSidebarConnection } from '@/lib/sidebar/connection';
import { request } from '@/lib/messaging/client';
import type { AccountView } from '@/lib/messaging/sidebar-push';
import type { AccountOverview } from '@/lib/model/overview';
import type { AccountHealth } from '@/lib/health/model';
import { TIMELINE_KINDS, TIMELINE_PAGE_SIZE, compareNewestFirst, type TimelineEntry, type TimelineCursor, type TimelineKind } from '@/lib/model/timeline';
import type { LoggedTouch as LoggedTouchData } from '@/lib/model/quick-log';
import { CsmSettings } from '@/lib/model/settings';
import { toErrorData, type AppErrorData } from '@/lib/errors';

export interface TimelineState {
  entries: TimelineEntry[];
  next: TimelineCursor | null;
  damaged: number;
  loadingMore: boolean;
}

const HEALTH_AFTER_SAVE_MS = 800;

export function useSidebarState(connection: OpenedSidebarConnection) {
  /** undefined until the background has said what this tab shows. */
  const [view, setView] = useState<AccountView | null | undefined>(undefined);
  const [overview, setOverview] = useState<AccountOverview>();
  /** undefined while loading; null when the account has no record yet. */
  const [health, setHealth] = useState<AccountHealth | null>();
  const [timeline, setTimeline] = useState<TimelineState>();
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const [settings, setSettings] = useState<CsmSettings>(() => CsmSettings.parse({}));
  const [error, setError] = useState<AppErrorData>();
  const [quickLogRequests, setQuickLogRequests] = useState(0);
  /** This frame was not made by the extension's content script (a page framed sidebar.html itself): it shows nothing. */
  const [refused, setRefused] = useState(false);
  const accountKey = view?.reading.accountKey;
  // The account and filter the latest load is for, so late answers for another one are dropped.
  const current = useRef({ accountKey, kinds });
  current.current = { accountKey, kinds };

  const fail = useCallback((e: unknown) => setError(toErrorData(e)), []);

  const reloads = useRef(0);
  /**
   * `healthAfterMs`: after a save the health score (which reads every record of the account) is
   * asked for a moment later, and only by the last of a burst of saves, so logging touch after
   * touch is never slowed by it.
   */
  const reload = useCallback(async (key: string, wanted: TimelineKind[], healthAfterMs = 0) => {
    const generation = ++reloads.current;
    const stillWanted = () => current.current.accountKey === key && current.current.kinds === wanted;
    // The timeline's first page is asked for first and shown as soon as it arrives; the overview
    // (which reads every interaction of the account, thousands for some) follows it.
    await request({ type: 'timeline.page', query: { accountKey: key, kinds: wanted, before: null, limit: TIMELINE_PAGE_SIZE } }).then(
      (page) => stillWanted() && setTimeline({ entries: page.entries, next: page.next, damaged: page.damaged, loadingMore: false }),
      fail,
    );
    await request({ type: 'account.overview', accountKey: key }).then((nextOverview) => stillWanted() && setOverview(nextOverview), fail);
    if (healthAfterMs > 0) await new Promise((resolve) => setTimeout(resolve, healthAfterMs));
    if (generation !== reloads.current) return;
    await request({ type: 'account.health', accountKey: key }).then((nextHealth) => stillWanted() && setHealth(nextHealth), fail);
  }, [fail]);

  const loadMore = useCallback(async () => {
    const { accountKey: key, kinds: wanted } = current.current;
    if (!key || !timeline?.next || timeline.loadingMore) return;
    setTimeline({ ...timeline, loadingMore: true });
    try {
      const page = await request({ type: 'timeline.page', query: { accountKey: key, kinds: wanted, before: timeline.next, limit: TIMELINE_PAGE_SIZE } });
      if (current.current.accountKey !== key || current.current.kinds !== wanted) return;
      setTimeline((t) => t && { entries: [...t.entries, ...page.entries], next: page.next, damaged: t.damaged + page.damaged, loadingMore: false });
    } catch (e) {
      fail(e);
    }
  }, [timeline, fail]);

  useEffect(
    () =>
      connection.listen({
        onPush: (push) => {
          if (push.type === 'view' || push.type === 'reading') {
            setView(push.type === 'view' ? push.view : undefined);
            // The record could be read after all (or another is awaited): what kept it from showing is over.
            setError((shown) => (shown?.code === 'store-blocked' || shown?.code === 'record-not-shown' ? undefined : shown));
          } else if (push.type === 'error') setError(push.error);
          else if (push.type === 'quickLog.open') setQuickLogRequests((n) => n + 1);
          else if (push.type === 'usage.changed') {
            const key = current.current.accountKey;
            if (key) void request({ type: 'account.health', accountKey: key }).then((h) => current.current.accountKey === key && setHealth(h), fail);
          } else if (push.type === 'settings.changed') {
            // Templates, suggestion words and health weights as they are now, and the health they weigh.
            void request({ type: 'settings.get' }).then(setSettings, fail);
            const key = current.current.accountKey;
            if (key) void request({ type: 'account.health', accountKey: key }).then((h) => current.current.accountKey === key && setHealth(h), fail);
          } else if (push.accountKey === current.current.accountKey) void reload(push.accountKey, current.current.kinds, HEALTH_AFTER_SAVE_MS);
        },
        onInvalid: (detail) => setError({ code: 'invalid-message', detail }),
        onRefused: () => setRefused(true),
      }),
    [connection, reload],
  );

  // Asked once the background has served this frame (it serves only the sidebar the extension made).
  const served = view !== undefined;
  useEffect(() => {
    if (served) void request({ type: 'settings.get' }).then(setSettings, fail);
  }, [served, fail]);

  useEffect(() => {
    setOverview(undefined);
    setHealth(undefined);
    setTimeline(undefined);
    if (accountKey) void reload(accountKey, kinds);
  }, [accountKey, kinds, reload]);

  /** Shows a just-saved touch at once; the reload the background triggers brings the rest. */
  const showSaved = useCallback((touch: LoggedTouchData) => {
    const { interaction } = touch;
    setTimeline((t) => {
      if (!t || interaction.accountKey !== current.current.accountKey || !current.current.kinds.includes('interaction')) return t;
      const entry: TimelineEntry = { kind: 'interaction', id: interaction.id, at: interaction.occurredAt, interaction };
      return { ...t, entries: [...t.entries.filter((e) => e.id !== entry.id), entry].sort(compareNewestFirst) };
    });
  }, []);

  return {
    showSaved,
    refused,
    view,
    overview,
    health,
    timeline,
    kinds,
    setKinds,
    settings,
    error,
    setError,
    quickLogRequests,
    openQuickLog: useCallback(() => setQuickLogRequests((n) => n + 1), []),
    loadMore,
  };
}
