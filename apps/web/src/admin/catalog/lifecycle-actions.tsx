import {
  abolishProcedureSchema,
  announceVersionSchema,
  type ProcedureDetail,
  publishVersionSchema,
  returnVersionSchema,
} from '@motcua/contracts/catalog';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, messageOf } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { todayInVietnam } from '../../staff/date-format';
import { FormDialog } from '../../staff/form-dialog';
import { useFormSubmission } from '../../staff/form-submission';
import { LocalDatePicker } from '../../staff/local-date-picker';
import { catalogApi, useRefreshCatalog } from './catalog-queries';

type DialogKind = 'return' | 'announce' | 'publish' | 'abolish';

function ActionDialog({
  kind,
  detail,
  onClose,
}: {
  kind: DialogKind;
  detail: ProcedureDetail;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const refresh = useRefreshCatalog();
  const { message } = App.useApp();
  const versionId = detail.latest.id;
  const config = {
    return: {
      title: t.returnTitle,
      ok: t.returnAction,
      schema: returnVersionSchema,
      path: catalogApi.versionAction(versionId, 'return'),
      done: t.returned,
      initial: {},
    },
    announce: {
      title: t.announceTitle,
      ok: t.announce,
      schema: announceVersionSchema,
      path: catalogApi.versionAction(versionId, 'announce'),
      done: t.announced,
      initial: { decisionDate: todayInVietnam() },
    },
    publish: {
      title: t.publishTitle,
      ok: t.publish,
      schema: publishVersionSchema,
      path: catalogApi.versionAction(versionId, 'publish'),
      done: t.published,
      initial: { effectiveFrom: todayInVietnam() },
    },
    abolish: {
      title: t.abolishTitle,
      ok: t.abolish,
      schema: abolishProcedureSchema,
      path: catalogApi.procedureAction(detail.procedure.id, 'abolish'),
      done: t.abolished,
      initial: { effectiveDate: todayInVietnam() },
    },
  }[kind];

  const submission = useFormSubmission<Record<string, unknown>, unknown, unknown>({
    form,
    toRequest: (values) =>
      Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')),
    schema: config.schema,
    send: (request) => api.post(config.path, request),
    onSuccess: async () => {
      void message.success(config.done);
      await refresh();
      onClose();
    },
  });

  return (
    <FormDialog
      title={config.title}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={config.ok}
      cancelText={t.cancel}
      initialValues={config.initial}
    >
      {kind === 'return' && (
        <Form.Item label={t.returnReason} name="reason" required>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      )}
      {kind === 'announce' && (
        <>
          <Form.Item label={t.decisionNumber} name="decisionNumber" required>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t.decisionDate} name="decisionDate" required>
            <LocalDatePicker />
          </Form.Item>
        </>
      )}
      {kind === 'publish' && (
        <>
          <Typography.Paragraph>{t.publishLead}</Typography.Paragraph>
          <Form.Item label={t.effectiveFrom} name="effectiveFrom">
            <LocalDatePicker />
          </Form.Item>
        </>
      )}
      {kind === 'abolish' && (
        <>
          <Typography.Paragraph>{t.abolishLead}</Typography.Paragraph>
          <Form.Item label={t.abolishDecision} name="decisionNumber" required>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t.abolishDate} name="effectiveDate" required>
            <LocalDatePicker />
          </Form.Item>
          <Form.Item label={t.abolishReason} name="reason">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

/**
 * The lifecycle buttons the server allows this user for this version now (`allowedActions`): nothing
 * is offered that would be refused.
 */
export function LifecycleActions({ detail }: { detail: ProcedureDetail }) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const refresh = useRefreshCatalog();
  const { message, modal } = App.useApp();
  const allowed = new Set(detail.allowedActions);
  const versionId = detail.latest.id;

  const direct = useMutation({
    mutationFn: (path: string) => api.post(path),
    onSuccess: async (_, path) => {
      void message.success(
        path.endsWith('/submit') ? t.submitted : path.endsWith('/approve') ? t.approved : t.amended,
      );
      await refresh();
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const buttons = [
    allowed.has('submit') && (
      <Button
        key="submit"
        type="primary"
        loading={direct.isPending && direct.variables?.endsWith('/submit')}
        onClick={() => direct.mutate(catalogApi.versionAction(versionId, 'submit'))}
      >
        {t.submit}
      </Button>
    ),
    allowed.has('approve') && (
      <Button
        key="approve"
        type="primary"
        loading={direct.isPending && direct.variables?.endsWith('/approve')}
        onClick={() => direct.mutate(catalogApi.versionAction(versionId, 'approve'))}
      >
        {t.approve}
      </Button>
    ),
    allowed.has('return') && (
      <Button key="return" danger onClick={() => setDialog('return')}>
        {t.returnAction}
      </Button>
    ),
    allowed.has('announce') && (
      <Button key="announce" type="primary" onClick={() => setDialog('announce')}>
        {t.announce}
      </Button>
    ),
    allowed.has('publish') && (
      <Button key="publish" type="primary" onClick={() => setDialog('publish')}>
        {t.publish}
      </Button>
    ),
    allowed.has('amend') && (
      <Button
        key="amend"
        loading={direct.isPending && direct.variables?.endsWith('/amend')}
        onClick={() =>
          modal.confirm({
            title: t.amend,
            content: t.amendConfirm,
            okText: t.confirm,
            cancelText: t.cancel,
            onOk: () => direct.mutateAsync(catalogApi.procedureAction(detail.procedure.id, 'amend')),
          })
        }
      >
        {t.amend}
      </Button>
    ),
    allowed.has('abolish') && (
      <Button key="abolish" danger onClick={() => setDialog('abolish')}>
        {t.abolish}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {buttons.length > 0 ? (
        <Space wrap>{buttons}</Space>
      ) : (
        <Typography.Text type="secondary">{t.noActions}</Typography.Text>
      )}
      {dialog && <ActionDialog kind={dialog} detail={detail} onClose={() => setDialog(null)} />}
    </>
  );
}
