// One material of the application checklist: choose and upload files (PDF, JPG, PNG, OFD), watch
// the progress, see each file's name, size and short SHA-256, view or remove it; or, where the
// item allows it, choose 免提交 because the government already holds the material.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Progress, Switch, Tag, Upload } from 'antd';
import { CloseOutlined, DeleteOutlined, EyeOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../contract/applications';
import type { Material } from '../../../contract/catalog';
import { UPLOAD_EXTENSIONS } from '../../../contract/files';
import { isApiError } from '../../lib/api';
import { DEFAULT_POLICY, deleteUpload, fileUrl, uploadFile, useUploadPolicy } from './api';
import './files.css';

export interface MaterialUploadProps {
  material: Material;
  /** position of the material in the item's checklist */
  index: number;
  value: FileRef[];
  onChange(files: FileRef[]): void;
  disabled?: boolean;
  /** offer the 免提交 switch (the item says the government holds this material) */
  allowGovernmentHeld?: boolean;
  governmentHeld?: boolean;
  onGovernmentHeldChange?(v: boolean): void;
  /** also show the material's name, required tag and requirement (when no checklist around it does) */
  showDetails?: boolean;
}

/** the most files one material may carry (MaterialSubmission.fileIds) */
export const MAX_FILES_PER_MATERIAL = 10;
const ACCEPTED_NAME = /\.(pdf|jpe?g|png|ofd)$/i;

interface Pending { uid: string; name: string; percent: number; error?: string }

export function formatSize(bytes: number, t: TFunction): string {
  if (bytes < 1024) return t('files.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('files.kb', { n: Math.round(bytes / 102.4) / 10 });
  return t('files.mb', { n: Math.round(bytes / 1024 / 102.4) / 10 });
}

const reasonOf = (e: unknown, t: TFunction) =>
  isApiError(e) ? (e.problem.detail || e.problem.title) : t('common.unknownError');

export function MaterialUpload({
  material, index, value, onChange, disabled, allowGovernmentHeld, governmentHeld, onGovernmentHeldChange, showDetails,
}: MaterialUploadProps) {
  const { t } = useTranslation();
  const policy = useUploadPolicy().data ?? DEFAULT_POLICY;
  const [pending, setPending] = useState<Pending[]>([]);
  const [status, setStatus] = useState('');
  const latest = useRef(value);
  const active = useRef(new Map<string, () => void>());
  const chooseRef = useRef<HTMLButtonElement>(null);
  const baseId = `material-${index}-upload-${useId().replace(/:/g, '')}`;

  useEffect(() => { latest.current = value; }, [value]);
  // leaving the page cancels uploads still running
  useEffect(() => () => { for (const abort of active.current.values()) abort(); }, []);

  const maxSize = formatSize(policy.maxBytes, t);
  const setFiles = (next: FileRef[]) => { latest.current = next; onChange(next); };
  const patch = (uid: string, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.uid === uid ? { ...p, ...change } : p)));
  const drop = (uid: string) => setPending((list) => list.filter((p) => p.uid !== uid));
  const refuse = (name: string, error: string) => setPending((list) => [...list, { uid: `${Date.now()}-${Math.random()}`, name, percent: 0, error }]);

  function start(file: File) {
    if (latest.current.length + active.current.size >= MAX_FILES_PER_MATERIAL) return refuse(file.name, t('files.tooMany', { count: MAX_FILES_PER_MATERIAL }));
    if (file.size > policy.maxBytes) return refuse(file.name, t('files.tooLarge', { name: file.name, size: maxSize }));
    if (!ACCEPTED_NAME.test(file.name) && !(policy.types as string[]).includes(file.type)) return refuse(file.name, t('files.badType', { name: file.name }));
    const uid = `${Date.now()}-${Math.random()}`;
    setPending((list) => [...list, { uid, name: file.name, percent: 0 }]);
    const handle = uploadFile(file, (percent) => patch(uid, { percent }));
    active.current.set(uid, handle.abort);
    handle.promise.then((ref) => {
      active.current.delete(uid);
      drop(uid);
      setFiles([...latest.current, ref]);
      setStatus(t('files.uploaded', { name: ref.name }));
    }, (e: unknown) => {
      active.current.delete(uid);
      if (isApiError(e, 'ABORTED')) return drop(uid);
      patch(uid, { error: t('files.failed', { name: file.name, reason: reasonOf(e, t) }) });
    });
  }

  async function remove(file: FileRef) {
    try {
      await deleteUpload(file.id);
    } catch (e) {
      // gone already, or kept by a submitted case: either way it leaves this list
      if (!isApiError(e, 'FILE_NOT_FOUND') && !isApiError(e, 'FILE_ATTACHED')) {
        refuse(file.name, t('files.removeFailed', { name: file.name, reason: reasonOf(e, t) }));
        return;
      }
    }
    setFiles(latest.current.filter((f) => f.id !== file.id));
    setStatus(t('files.removed', { name: file.name }));
    chooseRef.current?.focus();
  }

  const full = value.length >= MAX_FILES_PER_MATERIAL;
  const held = !!(allowGovernmentHeld && governmentHeld);
  const hintId = `${baseId}-hint`;

  return (
    <div className="tb-upload">
      {showDetails && (
        <div>
          <div className="tb-upload-head">
            <h4>{index + 1}. {material.name}</h4>
            <Tag className={material.required ? 'tb-tag-red' : ''}>{t(material.required ? 'material.required' : 'material.optional')}</Tag>
          </div>
          {material.requirement && <p className="tb-pre-line tb-small">{t('files.requirement', { text: material.requirement })}</p>}
        </div>
      )}
      {allowGovernmentHeld && (
        <div className="tb-upload-held">
          <Switch id={`${baseId}-held`} checked={held} disabled={disabled} onChange={(v) => onGovernmentHeldChange?.(v)} />
          <label htmlFor={`${baseId}-held`}>{t('files.governmentHeld')}</label>
        </div>
      )}
      {held ? (
        <p className="tb-muted tb-small">{t('files.governmentHeldOn', { heldBy: material.heldBy || t('files.heldByDefault') })}</p>
      ) : (
        <div className="tb-upload-picker">
          <Upload
            accept={`${UPLOAD_EXTENSIONS},${policy.types.join(',')}`}
            multiple
            showUploadList={false}
            disabled={disabled || full}
            beforeUpload={(file) => { start(file); return Upload.LIST_IGNORE; }}
          >
            <Button ref={chooseRef} icon={<UploadOutlined />} disabled={disabled || full} aria-label={t('files.chooseFor', { name: material.name })} aria-describedby={hintId}>
              {t('files.choose')}
            </Button>
          </Upload>
          <span id={hintId} className="tb-muted tb-small">{t('files.accept', { size: maxSize, count: MAX_FILES_PER_MATERIAL })}</span>
        </div>
      )}
      {(value.length > 0 || pending.length > 0) && (
        <ul className="tb-upload-list" aria-label={t('files.listLabel', { name: material.name })}>
          {value.map((f) => {
            const ofd = f.contentType === 'application/ofd';
            return (
              <li key={f.id} className="tb-upload-item">
                <PaperClipOutlined aria-hidden />
                <span className="tb-upload-name">{f.name}</span>
                <span className="tb-upload-actions">
                  <Button type="link" size="small" href={fileUrl(f.id, ofd)} target="_blank" rel="noopener noreferrer"
                    icon={ofd ? <DownloadOutlined /> : <EyeOutlined />} aria-label={t(ofd ? 'files.downloadNamed' : 'files.previewNamed', { name: f.name })}>
                    {t(ofd ? 'files.download' : 'files.preview')}
                  </Button>
                  {!disabled && (
                    <Button type="link" size="small" icon={<DeleteOutlined />} onClick={() => void remove(f)} aria-label={t('files.removeNamed', { name: f.name })}>
                      {t('files.remove')}
                    </Button>
                  )}
                </span>
                <span className="tb-upload-meta tb-muted tb-small">
                  {formatSize(f.size, t)} · <abbr title={t('files.shaFull', { sha: f.sha256 })}>{t('files.sha', { short: f.sha256.slice(0, 12) })}</abbr>
                </span>
              </li>
            );
          })}
          {pending.map((p) => (
            <li key={p.uid} className="tb-upload-item">
              <PaperClipOutlined aria-hidden />
              <span className="tb-upload-name">{p.name}</span>
              {p.error ? (
                <>
                  <span className="tb-upload-actions">
                    <Button type="text" size="small" icon={<CloseOutlined />} onClick={() => drop(p.uid)} aria-label={t('files.dismissNamed', { name: p.name })} />
                  </span>
                  <span className="tb-upload-error" role="alert">{p.error}</span>
                </>
              ) : (
                <span className="tb-upload-progress">
                  <Progress percent={p.percent} size="small" aria-label={t('files.uploadingNamed', { name: p.name, percent: p.percent })} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <span className="tb-visually-hidden" role="status" aria-live="polite">{status}</span>
    </div>
  );
}
