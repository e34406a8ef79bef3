// E-licence hooks: the wallet, one licence, its usage log, 亮证, and the public verification.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { LicenceList, LicenceUses, LicenceView, PresentationCreated, PresentationView, Verification } from '../../../contract/licences';
import { api } from '../../lib/api';

export const useWallet = () => useQuery({ queryKey: ['licences'], queryFn: () => api.get<LicenceList>('/api/licences') });

export const useLicence = (id: string | null) =>
  useQuery({ queryKey: ['licences', id], queryFn: () => api.get<LicenceView>(`/api/licences/${id}`), enabled: !!id });

export const useLicenceUses = (id: string | null) =>
  useQuery({ queryKey: ['licences', id, 'uses'], queryFn: () => api.get<LicenceUses>(`/api/licences/${id}/uses`), enabled: !!id });

export const usePresent = (id: string) =>
  useMutation({ mutationFn: (body: { fields: string[]; ttlSeconds: number }) => api.post<PresentationCreated>(`/api/licences/${id}/presentations`, body) });

export const useVerification = (id: string) =>
  useQuery({ queryKey: ['verify', id], queryFn: () => api.get<Verification>(`/api/licences/verify/${id}`), retry: false });

/** A presentation token can be opened once: never refetch it. */
export const usePresentation = (token: string) =>
  useQuery({ queryKey: ['presentation', token], queryFn: () => api.get<PresentationView>(`/api/presentations/${token}`), retry: false, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false });
