import type { Agency } from '@motcua/contracts/org';
import { Select } from 'antd';
import type { CSSProperties } from 'react';

/** Folds Vietnamese for searching: `Đăk Lăk` and `dak lak` match. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

interface AgencySelectProps {
  id?: string;
  agencies: readonly Agency[];
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  loading?: boolean;
  'aria-label'?: string;
  style?: CSSProperties;
}

/** A searchable picker of agencies, labelled "name (code)". */
export function AgencySelect({ agencies, multiple, value, onChange, ...rest }: AgencySelectProps) {
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      showSearch={{
        filterOption: (input, option) =>
          foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)),
      }}
      options={[...agencies]
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
