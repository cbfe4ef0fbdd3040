import { useCallback, useEffect, useState } from 'react';
import { connectSidebar } from '@/lib/sidebar/connection';
import { request } from '@/lib/messaging/client';
import type { AccountView, Timeline } from '@/lib/messaging/protocol';
import type { Interaction } from '@/lib/model/interaction';
import { toErrorData, type AppErrorData } from '@/lib/errors';

export interface SidebarState {
  /** undefined until the background has said what this tab shows. */
  view: AccountView | null | undefined;
  timeline: Timeline | undefined;
  error: AppErrorData | undefined;
  /** Increments each time the quick log is asked for (shortcut or button). */
  quickLogRequests: number;
}

export function useSidebarState() {
  const [state, setState] = useState<SidebarState>({ view: undefined, timeline: undefined, error: undefined, quickLogRequests: 0 });
  const accountKey = state.view?.reading.accountKey;

  const loadTimeline = useCallback(async (key: string) => {
    try {
      const timeline = await request({ type: 'timeline.list', accountKey: key });
      setState((s) => (s.view?.reading.accountKey === key ? { ...s, timeline } : s));
    } catch (error) {
      setState((s) => ({ ...s, error: toErrorData(error) }));
    }
  }, []);

  useEffect(
    () =>
      connectSidebar(
        (push) => {
          if (push.type === 'view') {
            setState((s) => ({ ...s, view: push.view, timeline: push.view?.reading.accountKey === s.view?.reading.accountKey ? s.timeline : undefined }));
          } else if (push.type === 'quickLog.open') {
            setState((s) => ({ ...s, quickLogRequests: s.quickLogRequests + 1 }));
          } else {
            void loadTimeline(push.accountKey);
          }
        },
        (detail) => setState((s) => ({ ...s, error: { code: 'invalid-message', detail } })),
      ),
    [loadTimeline],
  );

  useEffect(() => {
    if (accountKey) void loadTimeline(accountKey);
  }, [accountKey, loadTimeline]);

  const addInteraction = useCallback((interaction: Interaction) => {
    setState((s) =>
      s.view?.reading.accountKey !== interaction.accountKey || !s.timeline
        ? s
        : { ...s, timeline: { ...s.timeline, interactions: [interaction, ...s.timeline.interactions.filter((i) => i.id !== interaction.id)].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)) } },
    );
  }, []);
  const openQuickLog = useCallback(() => setState((s) => ({ ...s, quickLogRequests: s.quickLogRequests + 1 })), []);
  const showError = useCallback((error: AppErrorData | undefined) => setState((s) => ({ ...s, error })), []);

  return { state, addInteraction, openQuickLog, showError };
}
