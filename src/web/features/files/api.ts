// Uploads from the browser: one file per request with progress (XMLHttpRequest, since fetch has no
// upload progress), the CSRF token the app sends on every write, and problem+json errors as ApiError.
import { useQuery } from '@tanstack/react-query';
import type { FileRef } from '../../../contract/applications';
import type { Problem } from '../../../contract/common';
import type { UploadPolicy } from '../../../contract/files';
import { api, ApiError, readCookie, SESSION_EXPIRED_EVENT } from '../../lib/api';
import i18n from '../../i18n';

/** what the server enforces when the policy has not loaded yet */
export const DEFAULT_POLICY: UploadPolicy = { maxBytes: 20 * 1024 * 1024, types: ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] };

export function useUploadPolicy() {
  return useQuery({ queryKey: ['uploads', 'policy'], queryFn: () => api.get<UploadPolicy>('/api/uploads/policy'), staleTime: Infinity });
}

export const fileUrl = (id: string, download = false) => `/api/uploads/${id}${download ? '?download=true' : ''}`;

export interface UploadHandle { promise: Promise<FileRef>; abort(): void }

export function uploadFile(file: File, onProgress: (percent: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<FileRef>((resolve, reject) => {
    xhr.open('POST', '/api/uploads');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', i18n.language === 'en' ? 'en' : 'zh-CN');
    const token = readCookie('tb_csrf');
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100))); };
    xhr.onerror = () => reject(new ApiError({ type: 'about:blank', status: 0, code: 'NETWORK', title: i18n.t('files.network') }));
    xhr.onabort = () => reject(new ApiError({ type: 'about:blank', status: 0, code: 'ABORTED', title: 'aborted' }));
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 201 && body) { onProgress(100); resolve(body as FileRef); return; }
      const problem = body && typeof (body as Problem).code === 'string'
        ? body as Problem
        : { type: 'about:blank', status: xhr.status, code: `HTTP_${xhr.status}`, title: i18n.t('common.httpError', { status: xhr.status }) };
      if (problem.code === 'SESSION_EXPIRED') window.dispatchEvent(new CustomEvent(SESSION_EXPIRED_EVENT));
      const retryAfter = Number(xhr.getResponseHeader('retry-after'));
      reject(new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export const deleteUpload = (id: string) => api.delete<void>(`/api/uploads/${id}`);
