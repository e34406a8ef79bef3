// A region code (GB/T 2260, 6–12 digits) as its names, 河南省 青川市 青川区 …, read level by level
// from the public regions API (the same cache as the region picker).
import { useQueries } from '@tanstack/react-query';
import type { Region } from '../../../contract/catalog';
import { api } from '../../lib/api';

/** The codes from the province down to `code` itself. */
export function regionAncestry(code: string): string[] {
  const path = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6)];
  if (code.length >= 9) path.push(code.slice(0, 9));
  if (code.length >= 12) path.push(code.slice(0, 12));
  return path.filter((c, i) => path.indexOf(c) === i);
}

export function RegionName({ code }: { code: string }) {
  const path = /^\d{6,12}$/.test(code) ? regionAncestry(code) : [];
  // each level is found among its parent's children; provinces are asked for by level
  const lists = useQueries({
    queries: path.map((_, i) => {
      const params = i === 0 ? { level: 'province' as const } : { parent: path[i - 1] };
      return {
        queryKey: ['catalog', 'regions', params.parent ?? '', params.level ?? ''],
        queryFn: () => api.get<Region[]>('/api/regions', params),
        staleTime: 5 * 60_000,
      };
    }),
  });
  const names = path.map((c, i) => lists[i]?.data?.find((r) => r.code === c)?.name);
  if (!path.length || names.some((n) => !n)) return <>{code}</>;
  return <>{names.join(' ')}</>;
}
