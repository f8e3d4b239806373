import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from './i18n';

/**
 * A search box that applies on Enter, on the button, or when cleared. The test id sits on the <input> itself
 * so a browser test can type into it.
 */
export function SearchInput({
  value,
  onSearch,
  placeholder,
  width,
  testId,
}: {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  width: number;
  testId: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const apply = (v: string) => onSearch(v.trim() || undefined);
  return (
    <Space.Compact style={{ width, maxWidth: '100%' }}>
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '' && value) onSearch(undefined);
        }}
        onPressEnter={() => apply(text)}
        data-testid={testId}
      />
      <Button onClick={() => apply(text)} data-testid={`${testId}-button`}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
