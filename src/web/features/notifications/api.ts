// Message centre hooks: the list, the unread count behind the header badge, marking read.
import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessagePage, UnreadCount } from '../../../contract/notifications';
import { api } from '../../lib/api';

export const messagesKey = ['messages'] as const;
const unreadKey = [...messagesKey, 'unread-count'] as const;
const listKey = (page: number, unreadOnly: boolean) => [...messagesKey, 'list', page, unreadOnly] as const;

/** How often the badge asks for the unread count while the person is using the page. */
export const UNREAD_POLL_MS = 60_000;

export function useMessages(page: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: listKey(page, unreadOnly),
    queryFn: () => api.get<MessagePage>('/api/messages', { page, pageSize: 10, unread: unreadOnly }),
    placeholderData: keepPreviousData,
  });
}

/** The unread count behind the header badge (nothing is asked while logged out). */
export function useUnreadCount(signedIn: boolean) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api.get<UnreadCount>('/api/messages/unread-count'),
    enabled: signedIn,
    staleTime: 30_000,
  });
}

/**
 * Asks for the unread count again every minute and when the window regains focus, but only while
 * someone is using the page: each request counts as session activity, so an unattended screen
 * must not keep its session alive. Mounted once, in the site header.
 */
export function useUnreadPolling(signedIn: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!signedIn) return undefined;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: unreadKey });
    let lastActivity = Date.now();
    const onActivity = () => { lastActivity = Date.now(); };
    const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
    for (const e of activity) window.addEventListener(e, onActivity, { passive: true });
    const onFocus = () => { onActivity(); refresh(); };
    window.addEventListener('focus', onFocus);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && Date.now() - lastActivity < UNREAD_POLL_MS) refresh();
    }, UNREAD_POLL_MS);
    return () => {
      for (const e of activity) window.removeEventListener(e, onActivity);
      window.removeEventListener('focus', onFocus);
      window.clearInterval(timer);
    };
  }, [signedIn, queryClient]);
}

/** Marks the message read in the lists already shown, so it does not vanish from an 未读 list while open. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/messages/${encodeURIComponent(id)}/read`),
    onSuccess: (_nothing, id) => {
      const readAt = new Date().toISOString();
      queryClient.setQueriesData<MessagePage>({ queryKey: [...messagesKey, 'list'] }, (page) => {
        if (!page?.items.some((m) => m.id === id && !m.readAt)) return page;
        return { ...page, unread: Math.max(0, page.unread - 1), items: page.items.map((m) => (m.id === id ? { ...m, readAt } : m)) };
      });
      // other pages and filters are fetched afresh when next shown
      void queryClient.invalidateQueries({ queryKey: [...messagesKey, 'list'], refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: unreadKey });
    },
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/messages/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
}
