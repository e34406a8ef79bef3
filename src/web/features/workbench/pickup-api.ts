// 窗口领取 API hooks: the clerks' queue of results awaiting pick-up, one result's pick-up, and the
// hand-over, sent with one Idempotency-Key per hand-over attempt so a retried request records it once.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HandoverBody, PickupList, PickupView } from '../../../contract/pickups';
import { api } from '../../lib/api';
import { PAGE_SIZE } from './api';

const REFRESH_MS = 30_000;
const casePath = (caseNo: string) => `/api/workbench/cases/${encodeURIComponent(caseNo)}`;

export function usePickupList(page: number, caseNo: string) {
  return useQuery({
    queryKey: ['workbench', 'pickups', page, caseNo],
    queryFn: () => api.get<PickupList>('/api/workbench/pickups', { page, pageSize: PAGE_SIZE, caseNo }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** A result's pick-up; asked only where it can exist (a concluded, approved window-delivery case). */
export function usePickup(caseNo: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workbench', 'pickup', caseNo],
    queryFn: () => api.get<PickupView>(`${casePath(caseNo)}/pickup`),
    enabled,
    retry: false,
  });
}

/** Record the hand-over; `key` stays the same for retries of one attempt. */
export function useHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseNo, body, key }: { caseNo: string; body: HandoverBody; key: string }) =>
      api.postWith<PickupView>(`${casePath(caseNo)}/handover`, body, { 'Idempotency-Key': key }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['workbench'] }),
  });
}
