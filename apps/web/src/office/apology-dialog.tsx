import type { DueDateResult } from '@motcua/contracts/calendar';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, messageOf } from '../api/client';
import { officeText } from '../i18n/vi/office';
import { useCurrentAgency } from '../staff/current-agency';
import { useCommandSubmission } from './command-submission';
import { formatMoment, vietnamIso } from './dossier-format';
import { formHref } from './dossier-queries';
import type { DossierState, DossierView } from './dossier-types';
import { useAgencies } from './office-agencies';
import { VietnamDateTimePicker } from './vietnam-date-time-picker';

interface ApologyValues {
  agencyId: string;
  reason: string;
  extraDays: number;
  appointmentAt: string;
}

/** Agencies that take part in the dossier: the one responsible for the delay is among them. */
function involvedAgencies(state: DossierState): string[] {
  const ids = [
    state.receivingAgencyId,
    state.workflow?.leadAgencyId,
    ...(state.interAgency?.participants.map((p) => p.agencyId) ?? []),
    ...state.consultations.map((c) => c.agencyId),
  ].filter((id): id is string => Boolean(id));
  return [...new Set(ids)];
}

/**
 * Form 04: the responsible agency's head apologises and sets one new return date (Decree 61 Art. 19:
 * at least one working day before the due date, once). The new date is proposed from the working
 * calendar (the current appointment plus N working days); after recording, Form 04 opens for printing.
 */
export function ApologyDialog({ view, onClose }: { view: DossierView; onClose: () => void }) {
  const [form] = Form.useForm<ApologyValues>();
  const { state } = view;
  const { current } = useCurrentAgency();
  const agencies = useAgencies();
  const involved = involvedAgencies(state);
  const [recorded, setRecorded] = useState(false);
  const extraDays: number | null = Form.useWatch('extraDays', form) ?? null;

  const due = state.appointmentAt;
  const proposal = useQuery({
    queryKey: ['calendar', 'due', 'apology', state.deskId, due, extraDays],
    queryFn: () =>
      api.post<DueDateResult>('/api/calendar/due', {
        start: vietnamIso(due ?? Date.now()),
        limit: extraDays ?? 0,
        unit: 'working-days',
        ...(state.deskId ? { deskId: state.deskId } : {}),
      }),
    enabled: due !== null && extraDays !== null && extraDays > 0,
  });
  useEffect(() => {
    if (proposal.data) form.setFieldValue('appointmentAt', proposal.data.due);
  }, [proposal.data, form]);

  const submission = useCommandSubmission<ApologyValues>({
    form,
    view,
    toCommand: (v) => ({
      type: 'apologise',
      agencyId: v.agencyId,
      reason: v.reason ?? '',
      appointmentAt: v.appointmentAt,
    }),
    onSuccess: () => setRecorded(true),
  });

  const defaultAgency =
    current && involved.includes(current.id)
      ? current.id
      : (state.workflow?.leadAgencyId ?? state.receivingAgencyId);

  return (
    <Modal
      open
      title={officeText.commands.apologise}
      width={640}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        recorded ? (
          <Button type="primary" onClick={onClose}>
            {officeText.back}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{officeText.cancel}</Button>
            <Button type="primary" loading={submission.isPending} onClick={() => form.submit()}>
              {officeText.commands.apologise}
            </Button>
          </>
        )
      }
    >
      {recorded ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            title={officeText.apologyRecorded}
            style={{ marginBottom: 16 }}
          />
          <Button href={formHref(view.summary.id, 'apology')} target="_blank" rel="noopener">
            {officeText.apologyPreview}
          </Button>
        </>
      ) : (
        <Form<ApologyValues>
          form={form}
          layout="vertical"
          name="apology"
          initialValues={{ agencyId: defaultAgency, extraDays: 2 }}
          onFinish={submission.submit}
        >
          <Typography.Paragraph>{officeText.apologyCurrent(formatMoment(due))}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{officeText.apologyOnce}</Typography.Paragraph>
          <Form.Item
            label={officeText.apologyAgency}
            name="agencyId"
            rules={[{ required: true, message: officeText.agencyRequired }]}
          >
            <Select
              loading={agencies.isPending}
              options={involved.map((id) => ({
                value: id,
                label: agencies.data?.find((a) => a.id === id)?.name ?? id,
              }))}
            />
          </Form.Item>
          <Form.Item
            label={officeText.apologyReason}
            name="reason"
            rules={[{ required: true, whitespace: true, message: officeText.reasonRequired }]}
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
          <Form.Item label={officeText.apologyExtraDays} name="extraDays">
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label={officeText.apologyNewDate}
            name="appointmentAt"
            rules={[{ required: true, message: officeText.dueAtRequired }]}
            extra={
              proposal.data ? (
                <span role="status">
                  {officeText.apologyProposed(formatMoment(proposal.data.dueEpochMs))}
                </span>
              ) : proposal.isError ? (
                messageOf(proposal.error)
              ) : undefined
            }
          >
            <VietnamDateTimePicker />
          </Form.Item>
          {submission.formError && <Alert type="error" showIcon role="alert" title={submission.formError} />}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </Modal>
  );
}
