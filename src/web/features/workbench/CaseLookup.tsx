// 按办件编号查找: staff open any case they may see by its 20-digit number (an applicant on the phone,
// a paper receipt, a colleague's message) without paging through a department's backlog. The case
// page answers 404 for a case that does not exist or that the caller may not see.
import { useState } from 'react';
import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casePagePath } from './WorkbenchTable';

/** The case number typed or pasted: spaces, dashes and full-width digits (全角) are forgiven. */
export function normaliseCaseNo(raw: string): string {
  return raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s-]/g, '');
}

export function CaseLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const open = (raw: string) => {
    const caseNo = normaliseCaseNo(raw);
    if (!/^[0-9]{20}$/.test(caseNo)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setValue('');
    navigate(casePagePath(caseNo));
  };
  return (
    <form role="search" aria-label={t('workbench.lookup.label')} className="wb-lookup" onSubmit={(e) => { e.preventDefault(); open(value); }}>
      <label htmlFor="wb-lookup-input" className="tb-visually-hidden">{t('workbench.lookup.label')}</label>
      <Input.Search
        id="wb-lookup-input"
        value={value}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        placeholder={t('workbench.lookup.placeholder')}
        enterButton={t('workbench.lookup.open')}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'wb-lookup-error' : undefined}
        onChange={(e) => { setValue(e.target.value); if (invalid) setInvalid(false); }}
        onSearch={(v, _e, info) => { if (info?.source !== 'clear') open(v); }}
      />
      {invalid && <div id="wb-lookup-error" role="alert" className="wb-lookup-error">{t('workbench.lookup.invalid')}</div>}
    </form>
  );
}
