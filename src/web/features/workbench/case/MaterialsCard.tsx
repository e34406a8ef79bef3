// 申请材料: each checklist entry with its files; a file opens in a new tab or previews in place
// (images inline, PDF in a frame) through the workbench file route.
import { useState } from 'react';
import { Button, Card, Empty, Modal, Tag } from 'antd';
import { EyeOutlined, ExportOutlined, FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileRef, StaffCaseView } from '../../../../contract/applications';
import { fileUrl } from '../api';
import { VerifiedData } from './VerifiedData';

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const previewable = (file: FileRef) => file.contentType.startsWith('image/') || file.contentType === 'application/pdf';

function Preview({ caseNo, file, onClose }: { caseNo: string; file: FileRef; onClose: () => void }) {
  const { t } = useTranslation();
  const url = fileUrl(caseNo, file.id);
  const title = t('workbench.case.previewTitle', { name: file.name });
  return (
    <Modal open title={title} onCancel={onClose} width={960} closable={{ 'aria-label': t('common.close') }}
      footer={[
        <Button key="open" href={url} target="_blank" rel="noopener noreferrer" icon={<ExportOutlined aria-hidden />}>
          {t('workbench.case.openNew')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>{t('common.close')}</Button>,
      ]}>
      {file.contentType.startsWith('image/')
        ? <img src={url} alt={file.name} className="wb-preview-image" />
        : <iframe src={url} title={title} className="wb-preview-frame" />}
    </Modal>
  );
}

export function MaterialsCard({ view }: { view: StaffCaseView }) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState<FileRef | null>(null);
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.case.materials')}</h2>}>
      {view.materials.length === 0 && <Empty description={t('workbench.case.materialsEmpty')} />}
      <ul className="wb-materials">
        {view.materials.map((m) => (
          <li key={m.index} className="wb-material">
            <h3 className="wb-material-name">{m.name}</h3>
            {m.governmentHeld && <Tag className="tb-tag-green">{t('workbench.case.governmentHeld')}</Tag>}
            {m.verified && <VerifiedData name={m.name} verified={m.verified} />}
            {!m.governmentHeld && m.files.length === 0 && <span className="tb-muted">{t('workbench.case.noFile')}</span>}
            {m.files.length > 0 && (
              <ul className="wb-files">
                {m.files.map((file) => (
                  <li key={file.id} className="wb-file">
                    <FileOutlined aria-hidden />
                    <span className="wb-file-name">{file.name}</span>
                    <span className="tb-muted tb-small">{formatSize(file.size)}</span>
                    {previewable(file) && (
                      <Button size="small" type="link" icon={<EyeOutlined aria-hidden />}
                        aria-label={t('workbench.case.previewNamed', { name: file.name })} onClick={() => setPreviewing(file)}>
                        {t('workbench.case.preview')}
                      </Button>
                    )}
                    <Button size="small" type="link" href={fileUrl(view.caseNo, file.id)} target="_blank" rel="noopener noreferrer"
                      icon={<ExportOutlined aria-hidden />} aria-label={t('workbench.case.openNewNamed', { name: file.name })}>
                      {t('workbench.case.openNew')}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {previewing && <Preview caseNo={view.caseNo} file={previewing} onClose={() => setPreviewing(null)} />}
    </Card>
  );
}
