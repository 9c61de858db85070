import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { officeText } from '../i18n/vi/office';
import { usePageTitle } from '../page-title';
import { todayInVietnam } from '../staff/date-format';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { LocalDatePicker } from '../staff/local-date-picker';
import { PageHeading } from '../staff/staff-layout';
import { trackingBookHref } from './dossier-queries';
import { useCurrentDesks } from './office-desk';

/** `/office/tracking-book`: Form 06 for a desk and a period, as PDF (to print) or Excel. */
export function TrackingBookPage() {
  usePageTitle(officeText.trackingBookTitle);
  const desks = useCurrentDesks();
  const [deskId, setDeskId] = useState<string | undefined>(undefined);
  const desk = desks.data?.find((d) => d.id === deskId) ?? desks.data?.[0];
  const today = todayInVietnam();
  const [from, setFrom] = useState<string>(today);
  const [to, setTo] = useState<string>(today);
  const ready = desk !== undefined && from !== '' && to !== '' && from <= to;

  return (
    <>
      <PageHeading title={officeText.trackingBookTitle} />
      <Typography.Paragraph>{officeText.trackingBookLead}</Typography.Paragraph>
      <LoadErrorAlert query={desks} />
      {desks.isSuccess && !desk && <Alert type="warning" showIcon role="alert" title={officeText.noDesk} />}
      <Card size="small">
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={officeText.trackingBookDesk} htmlFor="book-desk">
            <Select
              id="book-desk"
              value={desk?.id}
              onChange={setDeskId}
              options={(desks.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item label={officeText.trackingBookFrom} htmlFor="book-from">
              <LocalDatePicker id="book-from" value={from} onChange={(v) => setFrom(v ?? '')} />
            </Form.Item>
            <Form.Item label={officeText.trackingBookTo} htmlFor="book-to">
              <LocalDatePicker id="book-to" value={to} onChange={(v) => setTo(v ?? '')} />
            </Form.Item>
          </Space>
          <Space wrap>
            {(['pdf', 'xlsx'] as const).map((format) =>
              ready ? (
                <Button
                  key={format}
                  type={format === 'pdf' ? 'primary' : 'default'}
                  href={trackingBookHref(desk.id, from, to, format)}
                  download
                  icon={<DownloadOutlined aria-hidden />}
                >
                  {format === 'pdf' ? officeText.trackingBookPdf : officeText.trackingBookXlsx}
                </Button>
              ) : null,
            )}
          </Space>
        </Form>
      </Card>
    </>
  );
}
