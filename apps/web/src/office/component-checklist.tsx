import type { DossierComponent } from '@motcua/contracts/catalog';
import { Checkbox, InputNumber, Tag } from 'antd';
import { officeText } from '../i18n/vi/office';
import type { UploadedFile } from './dossier-types';
import { FileScanButton } from './file-scan-button';

export interface ComponentRow {
  name: string;
  required: boolean;
  mustDigitise: boolean;
  received: boolean;
  originals: number;
  copies: number;
  files: UploadedFile[];
}

/** The catalogue's components as unticked rows with the catalogue's quantities. */
export function rowsOf(
  components: readonly Pick<
    DossierComponent,
    'name' | 'originals' | 'copies' | 'required' | 'mustDigitise'
  >[],
): ComponentRow[] {
  return components.map((c) => ({
    name: c.name,
    required: c.required,
    mustDigitise: c.mustDigitise ?? false,
    received: false,
    originals: c.originals,
    copies: c.copies,
    files: [],
  }));
}

/** Ticks every required component (Alt+A): the usual case of a complete dossier. */
export function markRequiredReceived(rows: ComponentRow[]): ComponentRow[] {
  return rows.map((r) => (r.required ? { ...r, received: true } : r));
}

/** The request's components: the rows ticked as received, digitised when a file is attached. */
export function receivedComponents(rows: readonly ComponentRow[]) {
  return rows
    .filter((r) => r.received)
    .map((r) => ({
      name: r.name,
      originals: r.originals,
      copies: r.copies,
      digitised: r.files.length > 0,
      fromDataStore: false,
      fileIds: r.files.map((f) => f.id),
    }));
}

/**
 * The components received at the desk: a checkbox, the number of originals and copies, and the scans —
 * in that Tab order on every row, so the whole list is filled from the keyboard (Space ticks).
 */
export function ComponentChecklist({
  value = [],
  onChange,
  id,
}: {
  value?: ComponentRow[];
  onChange?: (rows: ComponentRow[]) => void;
  id?: string;
}) {
  const set = (index: number, change: Partial<ComponentRow>) =>
    onChange?.(value.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <table className="office-components" id={id}>
      <thead>
        <tr>
          <th scope="col" style={{ width: 56 }}>
            {officeText.acceptShort}
          </th>
          <th scope="col">{officeText.componentName}</th>
          <th scope="col" style={{ width: 96 }}>
            {officeText.originals}
          </th>
          <th scope="col" style={{ width: 96 }}>
            {officeText.copies}
          </th>
          <th scope="col" style={{ width: 260 }}>
            {officeText.files}
          </th>
        </tr>
      </thead>
      <tbody>
        {value.map((row, index) => (
          <tr key={row.name} className={row.received ? 'is-received' : undefined}>
            <td>
              <Checkbox
                checked={row.received}
                onChange={(e) => set(index, { received: e.target.checked })}
                aria-label={officeText.componentReceived(row.name)}
              />
            </td>
            <td>
              <span>{row.name}</span>{' '}
              <Tag color={row.required ? 'error' : 'default'}>
                {row.required ? officeText.componentRequired : officeText.componentOptional}
              </Tag>
              {row.mustDigitise && <Tag color="warning">{officeText.componentMustDigitise}</Tag>}
            </td>
            <td>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                value={row.originals}
                onChange={(n) => set(index, { originals: n ?? 0 })}
                aria-label={officeText.originalsOf(row.name)}
                style={{ width: 72 }}
              />
            </td>
            <td>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                value={row.copies}
                onChange={(n) => set(index, { copies: n ?? 0 })}
                aria-label={officeText.copiesOf(row.name)}
                style={{ width: 72 }}
              />
            </td>
            <td>
              <FileScanButton
                label={row.name}
                files={row.files}
                onChange={(files) => set(index, { files, received: row.received || files.length > 0 })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
