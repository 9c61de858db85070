import type { ProcedureDetail } from '@motcua/contracts/catalog';
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { formatInstant, formatLocalDate } from '../../staff/date-format';

function CheckTag({ value }: { value: boolean | null }) {
  if (value === null) return <Tag>{t.notApplicable}</Tag>;
  return value ? <Tag color="success">{t.onTime}</Tag> : <Tag color="error">{t.late}</Tag>;
}

const dateOf = (value: string | null) =>
  value === null ? '—' : value.length > 10 ? formatInstant(value) : formatLocalDate(value);

/** The 766 group-1 checks (announced and published on time) for this procedure, with their deadlines. */
export function TransparencyPanel({ detail }: { detail: ProcedureDetail }) {
  const { transparency: tr } = detail;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t.transparencyLead}</Typography.Paragraph>
      <Descriptions bordered column={1} size="middle">
        <Descriptions.Item label={t.announcedOnTime}>
          <CheckTag value={tr.announcedOnTime} />
        </Descriptions.Item>
        <Descriptions.Item label={t.publishedOnTime}>
          <CheckTag value={tr.publishedOnTime} />
        </Descriptions.Item>
        <Descriptions.Item label={t.legalEffective}>
          {dateOf(tr.deadlines.legalEffectiveDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t.announceBy}>{dateOf(tr.deadlines.announceBy)}</Descriptions.Item>
        <Descriptions.Item label={t.decisionDateLabel}>{dateOf(tr.deadlines.decisionDate)}</Descriptions.Item>
        <Descriptions.Item label={t.publishBy}>{dateOf(tr.deadlines.publishBy)}</Descriptions.Item>
        <Descriptions.Item label={t.publishedAtLabel}>{dateOf(tr.deadlines.publishedAt)}</Descriptions.Item>
      </Descriptions>
      {tr.notes.map((note) => (
        <Alert key={note} type="info" showIcon title={note} />
      ))}
    </Space>
  );
}
