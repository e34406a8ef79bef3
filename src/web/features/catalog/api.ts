// Catalogue API hooks: themes, departments, regions, item search, item guides, hot items, notices.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Audience, Department, ItemList, ItemQuery, ItemSummary, ItemView, Notice, Region, Theme,
} from '../../../contract/catalog';
import { api } from '../../lib/api';

// Every catalogue key starts with 'catalog' so a language switch can refetch them together.
const CATALOG_STALE = 5 * 60_000;

export function useThemes(audience?: Audience) {
  return useQuery({
    queryKey: ['catalog', 'themes', audience ?? 'all'],
    queryFn: () => api.get<Theme[]>('/api/catalog/themes', { audience }),
    staleTime: CATALOG_STALE,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['catalog', 'departments'],
    queryFn: () => api.get<Department[]>('/api/catalog/departments'),
    staleTime: CATALOG_STALE,
  });
}

export function useDepartment(code: string) {
  return useQuery({
    queryKey: ['catalog', 'department', code],
    queryFn: () => api.get<Department>(`/api/catalog/departments/${encodeURIComponent(code)}`),
    staleTime: CATALOG_STALE,
  });
}

export function useRegions(params: { parent?: string; level?: Region['level'] }) {
  return useQuery({
    queryKey: ['catalog', 'regions', params.parent ?? '', params.level ?? ''],
    queryFn: () => api.get<Region[]>('/api/regions', params),
    staleTime: CATALOG_STALE,
  });
}

export function useItems(query: ItemQuery, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'items', query],
    queryFn: () => api.get<ItemList>('/api/catalog/items', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useItem(code: string, version?: number) {
  return useQuery({
    queryKey: ['catalog', 'item', code, version ?? 'current'],
    queryFn: () => api.get<ItemView>(`/api/catalog/items/${encodeURIComponent(code)}`, { version }),
    staleTime: 60_000,
    retry: (count, error) => count < 2 && (error as { status?: number }).status !== 404,
  });
}

export function useHotItems(audience: Audience | undefined, limit = 8) {
  return useQuery({
    queryKey: ['catalog', 'hot', audience ?? 'all', limit],
    queryFn: () => api.get<ItemSummary[]>('/api/catalog/hot', { audience, limit }),
    staleTime: CATALOG_STALE,
  });
}

export function useNotices(limit = 6) {
  return useQuery({
    queryKey: ['catalog', 'notices', limit],
    queryFn: () => api.get<Notice[]>('/api/portal/notices', { limit }),
    staleTime: CATALOG_STALE,
  });
}
