// The materials filed with the case: each with its files (opened through the case, so only its
// applicant and its departments can read them), or 免提交.
import { Empty, Tag } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contract/applications';
import { caseFileHref } from '../api';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function CaseMaterials({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  if (!view.materials.length) return <Empty description={t('applications.case.noMaterials')} />;
  return (
    <ol className="tb-plain-list tb-case-materials">
      {view.materials.map((m) => (
        <li key={m.index} className="tb-case-material">
          <span className="tb-case-material-name">{m.index + 1}. {m.name}</span>
          {m.governmentHeld ? (
            <>
              <Tag className="tb-tag-green">{t('material.governmentHeld')}</Tag>
              {m.verified && (
                <span className="tb-small tb-case-material-verified">
                  {t('applications.held.verifiedFrom', { department: m.verified.departmentName, registry: m.verified.registryName })}
                </span>
              )}
            </>
          ) : m.files.length === 0 ? (
            <span className="tb-muted tb-small">{t('applications.review.notProvided')}</span>
          ) : (
            <ul className="tb-plain-list tb-file-links">
              {m.files.map((f) => (
                <li key={f.id}>
                  <a href={caseFileHref(view.caseNo, f.id)} target="_blank" rel="noopener noreferrer">
                    <FileOutlined aria-hidden /> {f.name}
                  </a>
                  <span className="tb-muted tb-small"> （{sizeText(f.size)}）</span>
                  <span className="tb-visually-hidden">{t('applications.case.opensNewWindow')}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
