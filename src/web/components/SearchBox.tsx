// The search form used on the home page and the results page.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function SearchBox({ initial = '', onSearch, size = 'large', id = 'tb-search' }: {
  initial?: string;
  onSearch: (q: string) => void;
  size?: 'large' | 'middle';
  id?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };

  return (
    <form role="search" aria-label={t('search.formLabel')} className="tb-search-form" onSubmit={submit}>
      <label htmlFor={id} className="tb-visually-hidden">{t('search.inputLabel')}</label>
      <Input
        id={id}
        type="search"
        size={size}
        value={value}
        maxLength={100}
        allowClear
        autoComplete="off"
        enterKeyHint="search"
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined aria-hidden className="tb-search-prefix" />}
        onChange={(e) => setValue(e.target.value)}
        data-testid="search-input"
      />
      <Button type="primary" htmlType="submit" size={size} data-testid="search-submit" className="tb-search-button">
        {t('search.submit')}
      </Button>
    </form>
  );
}
