import './catalog-admin.css';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ProcessingTimeUnit,
  processingTimeUnitLabels,
  processingTimeUnits,
} from '@motcua/contracts/calendar';
import {
  type ChannelKind,
  channelKindLabels,
  channelKinds,
  type OnlineLevel,
  onlineLevelLabels,
  type ProcedureContent,
  type ProcedureContentInput,
  type ProcedureLevel,
  procedureLevelLabels,
  procedureLevels,
  type SubjectKind,
  subjectKindLabels,
  subjectKinds,
} from '@motcua/contracts/catalog';
import type { Agency } from '@motcua/contracts/org';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { LocalDatePicker } from '../../staff/local-date-picker';
import { AgencySelect, foldVietnamese } from '../agency-select';
import { useProcedureFields } from './catalog-queries';

type Tri = 'yes' | 'no' | 'unknown';

/** What the editor's form holds: the content, with a few values the widgets cannot hold as they are. */
export interface ContentValues {
  nationalCode?: string;
  name?: string;
  fieldCode?: string;
  levels?: ProcedureLevel[];
  subjects?: SubjectKind[];
  implementingAgencyIds?: string[];
  agencyDescription?: string | null;
  channels?: {
    channel?: ChannelKind;
    processingTime?: { value?: number | null; unit?: ProcessingTimeUnit; note?: string | null };
    fees?: { name?: string; amountVnd?: number | null; description?: string | null }[];
  }[];
  steps?: string[];
  components?: {
    name?: string;
    originals?: number | null;
    copies?: number | null;
    required?: boolean;
    formTemplate?: string | null;
    mustDigitise?: boolean;
    fromDataStore?: boolean;
  }[];
  results?: { name?: string; electronic?: Tri }[];
  legalBasis?: { number?: string; title?: string; effectiveDate?: string | null }[];
  requirements?: string | null;
  onlineLevel?: OnlineLevel | 'none';
  resultImmediately?: boolean;
  legalEffectiveDate?: string | null;
  nationalDecision?: string | null;
  source?: string | null;
  note?: string | null;
}

export interface ProcedureFormValues {
  ownerAgencyId?: string;
  content: ContentValues;
}

export const emptyContent: ContentValues = {
  levels: ['province'],
  subjects: ['citizen'],
  implementingAgencyIds: [],
  channels: [{ channel: 'in-person', processingTime: { value: null, unit: 'working-days' }, fees: [] }],
  steps: [],
  components: [],
  results: [],
  legalBasis: [],
  onlineLevel: 'none',
  resultImmediately: false,
};

const triOf = (v: boolean | null): Tri => (v === null ? 'unknown' : v ? 'yes' : 'no');

export function contentToValues(c: ProcedureContent): ContentValues {
  return {
    ...c,
    channels: c.channels.map((ch) => ({
      channel: ch.channel,
      processingTime: ch.processingTime
        ? {
            value: ch.processingTime.value,
            unit: ch.processingTime.unit,
            note: ch.processingTime.note ?? null,
          }
        : { value: null, unit: 'working-days' },
      fees: ch.fees.map((f) => ({ ...f })),
    })),
    results: c.results.map((r) => ({ name: r.name, electronic: triOf(r.electronic) })),
    onlineLevel: c.onlineLevel ?? 'none',
  };
}

/** The request's `content` (zod then finds what is missing, with the same paths as the form). */
export function valuesToContent(v: ContentValues): ProcedureContentInput {
  return {
    nationalCode: v.nationalCode ?? '',
    name: v.name ?? '',
    fieldCode: v.fieldCode ?? '',
    levels: v.levels ?? [],
    subjects: v.subjects ?? [],
    implementingAgencyIds: v.implementingAgencyIds ?? [],
    agencyDescription: v.agencyDescription ?? null,
    channels: (v.channels ?? []).map((ch) => ({
      channel: ch.channel as ChannelKind,
      processingTime:
        ch.processingTime?.value === null || ch.processingTime?.value === undefined
          ? null
          : {
              value: ch.processingTime.value,
              unit: ch.processingTime.unit as ProcessingTimeUnit,
              note: ch.processingTime.note ?? null,
            },
      fees: (ch.fees ?? []).map((f) => ({
        name: f.name ?? '',
        amountVnd: f.amountVnd ?? null,
        description: f.description ?? null,
      })),
    })),
    steps: (v.steps ?? []).map((s) => s ?? ''),
    components: (v.components ?? []).map((c) => ({
      name: c.name ?? '',
      originals: c.originals ?? 0,
      copies: c.copies ?? 0,
      required: c.required ?? false,
      formTemplate: c.formTemplate ?? null,
      mustDigitise: c.mustDigitise ?? false,
      fromDataStore: c.fromDataStore ?? false,
    })),
    results: (v.results ?? []).map((r) => ({
      name: r.name ?? '',
      electronic: r.electronic === 'yes' ? true : r.electronic === 'no' ? false : null,
    })),
    legalBasis: (v.legalBasis ?? []).map((l) => ({
      number: l.number ?? '',
      title: l.title ?? '',
      effectiveDate: l.effectiveDate ?? null,
    })),
    requirements: v.requirements ?? null,
    onlineLevel: v.onlineLevel === 'none' || v.onlineLevel === undefined ? null : v.onlineLevel,
    resultImmediately: v.resultImmediately ?? false,
    legalEffectiveDate: v.legalEffectiveDate ?? null,
    nationalDecision: v.nationalDecision ?? null,
    source: v.source ?? null,
    note: v.note ?? null,
  };
}

const c = (...path: (string | number)[]) => ['content', ...path];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <h2 id={id} style={{ margin: 0, fontSize: 18 }}>
          {title}
        </h2>
      }
    >
      <section aria-labelledby={id}>{children}</section>
    </Card>
  );
}

/** A numbered item of a repeated group, with its remove button. */
function Item({
  label,
  onRemove,
  disabled,
  children,
}: {
  label: string;
  onRemove: () => void;
  disabled: boolean;
  children: ReactNode;
}) {
  return (
    <div className="catalog-item">
      <fieldset className="catalog-item-fieldset">
        <legend className="catalog-item-title">{label}</legend>
        {!disabled && (
          <Button
            className="catalog-item-remove"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            onClick={onRemove}
            aria-label={t.remove(label)}
          />
        )}
        {children}
      </fieldset>
    </div>
  );
}

function AddButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled: boolean }) {
  if (disabled) return null;
  return (
    <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {label}
    </Button>
  );
}

function FeeList({ channel, disabled }: { channel: number; disabled: boolean }) {
  return (
    <Form.List name={[channel, 'fees']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Item
              key={field.key}
              label={t.feeN(i + 1)}
              onRemove={() => remove(field.name)}
              disabled={disabled}
            >
              <Space wrap align="start">
                <Form.Item label={t.feeName} name={[field.name, 'name']} style={{ minWidth: 220 }}>
                  <Input />
                </Form.Item>
                <Form.Item label={t.feeAmount} name={[field.name, 'amountVnd']} tooltip={t.feeAmountHint}>
                  <InputNumber<number>
                    min={0}
                    step={1000}
                    style={{ width: 180 }}
                    formatter={(value) =>
                      value === undefined || value === null
                        ? ''
                        : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
                    }
                    parser={(text) => Number((text ?? '').replace(/\./g, '')) as number}
                  />
                </Form.Item>
              </Space>
              <Form.Item label={t.feeDescription} name={[field.name, 'description']}>
                <Input />
              </Form.Item>
            </Item>
          ))}
          <AddButton
            label={t.addFee}
            disabled={disabled}
            onClick={() => add({ name: 'Lệ phí', amountVnd: null })}
          />
        </>
      )}
    </Form.List>
  );
}

/** Every field of a procedure version, named by its path in the request body. */
export function ProcedureContentFields({
  agencies,
  disabled,
  ownerAgency,
}: {
  agencies: readonly Agency[];
  disabled: boolean;
  ownerAgency?: ReactNode;
}) {
  const fields = useProcedureFields();
  return (
    <>
      <Section id="section-general" title={t.sectionGeneral}>
        {ownerAgency}
        <Space wrap align="start" style={{ width: '100%' }}>
          <Form.Item label={t.nationalCode} name={c('nationalCode')} extra={t.nationalCodeHint} required>
            <Input style={{ width: 160 }} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t.fieldCode} name={c('fieldCode')} required style={{ minWidth: 360 }}>
            <Select
              loading={fields.isPending}
              showSearch={{
                filterOption: (input, option) =>
                  foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)),
              }}
              options={(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t.procedureName} name={c('name')} required>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Space wrap align="start" size="large">
          <Form.Item label={t.levels} name={c('levels')}>
            <Checkbox.Group
              options={procedureLevels.map((l) => ({ value: l, label: procedureLevelLabels[l] }))}
            />
          </Form.Item>
          <Form.Item label={t.subjects} name={c('subjects')}>
            <Checkbox.Group options={subjectKinds.map((s) => ({ value: s, label: subjectKindLabels[s] }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t.implementingAgencies} name={c('implementingAgencyIds')} required>
          <AgencySelect agencies={agencies} multiple />
        </Form.Item>
        <Form.Item label={t.agencyDescription} name={c('agencyDescription')}>
          <Input />
        </Form.Item>
        <Space wrap align="start" size="large">
          <Form.Item label={t.onlineLevel} name={c('onlineLevel')} style={{ minWidth: 260 }}>
            <Select
              options={[
                { value: 'none', label: t.notOnline },
                ...(['full', 'partial'] as const).map((l) => ({ value: l, label: onlineLevelLabels[l] })),
              ]}
            />
          </Form.Item>
          <Form.Item name={c('resultImmediately')} valuePropName="checked" label=" " colon={false}>
            <Checkbox>{t.resultImmediately}</Checkbox>
          </Form.Item>
        </Space>
      </Section>

      <Section id="section-channels" title={t.sectionChannels}>
        <Form.List name={c('channels')}>
          {(items, { add, remove }) => (
            <>
              {items.map((field, i) => (
                <Item
                  key={field.key}
                  label={t.channelN(i + 1)}
                  onRemove={() => remove(field.name)}
                  disabled={disabled}
                >
                  <Space wrap align="start">
                    <Form.Item label={t.channel} name={[field.name, 'channel']} style={{ minWidth: 200 }}>
                      <Select
                        options={channelKinds.map((k) => ({ value: k, label: channelKindLabels[k] }))}
                      />
                    </Form.Item>
                    <Form.Item
                      label={t.timeValue}
                      name={[field.name, 'processingTime', 'value']}
                      tooltip={t.timeValueHint}
                    >
                      <InputNumber<number> min={0} step={0.5} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item
                      label={t.timeUnit}
                      name={[field.name, 'processingTime', 'unit']}
                      style={{ minWidth: 180 }}
                    >
                      <Select
                        options={processingTimeUnits.map((u) => ({
                          value: u,
                          label: processingTimeUnitLabels[u],
                        }))}
                      />
                    </Form.Item>
                  </Space>
                  <Form.Item label={t.timeNote} name={[field.name, 'processingTime', 'note']}>
                    <Input />
                  </Form.Item>
                  <FeeList channel={field.name} disabled={disabled} />
                </Item>
              ))}
              {items.length < 3 && (
                <AddButton
                  label={t.addChannel}
                  disabled={disabled}
                  onClick={() =>
                    add({
                      channel: 'online',
                      processingTime: { value: null, unit: 'working-days' },
                      fees: [],
                    })
                  }
                />
              )}
            </>
          )}
        </Form.List>
      </Section>

      <Section id="section-components" title={t.sectionComponents}>
        <Form.List name={c('components')}>
          {(items, { add, remove }) => (
            <>
              {items.map((field, i) => (
                <Item
                  key={field.key}
                  label={t.componentN(i + 1)}
                  onRemove={() => remove(field.name)}
                  disabled={disabled}
                >
                  <Form.Item label={t.componentName} name={[field.name, 'name']}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                  <Space wrap align="start">
                    <Form.Item label={t.originals} name={[field.name, 'originals']}>
                      <InputNumber<number> min={0} max={100} />
                    </Form.Item>
                    <Form.Item label={t.copies} name={[field.name, 'copies']}>
                      <InputNumber<number> min={0} max={100} />
                    </Form.Item>
                    <Form.Item
                      label={t.formTemplate}
                      name={[field.name, 'formTemplate']}
                      style={{ minWidth: 320 }}
                    >
                      <Input />
                    </Form.Item>
                  </Space>
                  <Space wrap>
                    <Form.Item name={[field.name, 'required']} valuePropName="checked" noStyle>
                      <Checkbox>{t.componentRequired}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[field.name, 'mustDigitise']} valuePropName="checked" noStyle>
                      <Checkbox>{t.mustDigitise}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[field.name, 'fromDataStore']} valuePropName="checked" noStyle>
                      <Checkbox>{t.fromDataStore}</Checkbox>
                    </Form.Item>
                  </Space>
                </Item>
              ))}
              <AddButton
                label={t.addComponent}
                disabled={disabled}
                onClick={() => add({ name: '', originals: 1, copies: 0, required: true })}
              />
            </>
          )}
        </Form.List>
      </Section>

      <Section id="section-steps" title={t.sectionSteps}>
        <Form.List name={c('steps')}>
          {(items, { add, remove }) => (
            <>
              {items.map((field, i) => (
                <Item
                  key={field.key}
                  label={t.stepN(i + 1)}
                  onRemove={() => remove(field.name)}
                  disabled={disabled}
                >
                  <Form.Item name={field.name} aria-label={t.stepN(i + 1)}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={t.stepN(i + 1)} />
                  </Form.Item>
                </Item>
              ))}
              <AddButton label={t.addStep} disabled={disabled} onClick={() => add('')} />
            </>
          )}
        </Form.List>
      </Section>

      <Section id="section-results" title={t.sectionResults}>
        <Form.List name={c('results')}>
          {(items, { add, remove }) => (
            <>
              {items.map((field, i) => (
                <Item
                  key={field.key}
                  label={t.resultN(i + 1)}
                  onRemove={() => remove(field.name)}
                  disabled={disabled}
                >
                  <Space wrap align="start">
                    <Form.Item label={t.resultName} name={[field.name, 'name']} style={{ minWidth: 420 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      label={t.electronic}
                      name={[field.name, 'electronic']}
                      style={{ minWidth: 140 }}
                    >
                      <Select
                        options={[
                          { value: 'yes', label: t.electronicYes },
                          { value: 'no', label: t.electronicNo },
                          { value: 'unknown', label: t.electronicUnknown },
                        ]}
                      />
                    </Form.Item>
                  </Space>
                </Item>
              ))}
              <AddButton
                label={t.addResult}
                disabled={disabled}
                onClick={() => add({ name: '', electronic: 'unknown' })}
              />
            </>
          )}
        </Form.List>
      </Section>

      <Section id="section-legal" title={t.sectionLegal}>
        <Form.List name={c('legalBasis')}>
          {(items, { add, remove }) => (
            <>
              {items.map((field, i) => (
                <Item
                  key={field.key}
                  label={t.lawN(i + 1)}
                  onRemove={() => remove(field.name)}
                  disabled={disabled}
                >
                  <Space wrap align="start">
                    <Form.Item label={t.lawNumber} name={[field.name, 'number']}>
                      <Input style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item label={t.lawEffectiveDate} name={[field.name, 'effectiveDate']}>
                      <LocalDatePicker allowClear />
                    </Form.Item>
                  </Space>
                  <Form.Item label={t.lawTitle} name={[field.name, 'title']}>
                    <Input />
                  </Form.Item>
                </Item>
              ))}
              <AddButton
                label={t.addLaw}
                disabled={disabled}
                onClick={() => add({ number: '', title: '' })}
              />
            </>
          )}
        </Form.List>
        <Space wrap align="start" style={{ marginTop: 16 }}>
          <Form.Item
            label={t.legalEffectiveDate}
            name={c('legalEffectiveDate')}
            extra={t.legalEffectiveDateHint}
          >
            <LocalDatePicker allowClear />
          </Form.Item>
          <Form.Item label={t.nationalDecision} name={c('nationalDecision')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
      </Section>

      <Section id="section-other" title={t.sectionOther}>
        <Form.Item label={t.requirements} name={c('requirements')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
        </Form.Item>
        <Form.Item label={t.source} name={c('source')}>
          <Input />
        </Form.Item>
        <Form.Item label={t.note} name={c('note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
      </Section>
    </>
  );
}
