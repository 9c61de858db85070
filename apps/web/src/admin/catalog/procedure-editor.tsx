import { createProcedureSchema, type ProcedureDetail, updateVersionSchema } from '@motcua/contracts/catalog';
import type { SessionUser } from '@motcua/contracts/session';
import { Alert, App, Button, Form, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { usePageTitle } from '../../page-title';
import { useCurrentAgency } from '../../staff/current-agency';
import { useFormSubmission } from '../../staff/form-submission';
import { PageHeading } from '../../staff/staff-layout';
import { AgencySelect } from '../agency-select';
import { useAgencies } from '../org-queries';
import { catalogApi, useRefreshCatalog } from './catalog-queries';
import {
  type ContentValues,
  contentToValues,
  emptyContent,
  ProcedureContentFields,
  type ProcedureFormValues,
  valuesToContent,
} from './procedure-form';

function FormFooter({
  submitLabel,
  pending,
  formError,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  formError: string | null;
  onCancel?: () => void;
}) {
  return (
    <div className="catalog-form-footer">
      {formError && (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t.cancel}</Button>}
      </Space>
    </div>
  );
}

/** The editor of the latest version: editable while it is a draft or was returned, read-only after. */
export function VersionEditor({ detail }: { detail: ProcedureDetail }) {
  const [form] = Form.useForm<ProcedureFormValues>();
  const agencies = useAgencies({});
  const refresh = useRefreshCatalog();
  const { message } = App.useApp();
  const editable = detail.allowedActions.includes('edit');
  const submission = useFormSubmission<ProcedureFormValues, unknown, unknown>({
    form,
    toRequest: (values) => ({ content: valuesToContent(values.content) }),
    schema: updateVersionSchema,
    send: (request) => api.put(catalogApi.version(detail.latest.id), request),
    onSuccess: async () => {
      void message.success(t.saved);
      await refresh();
    },
  });

  return (
    <Form<ProcedureFormValues>
      form={form}
      layout="vertical"
      disabled={!editable}
      initialValues={{ content: contentToValues(detail.latest.content) }}
      onFinish={submission.submit}
      onFinishFailed={() => undefined}
      scrollToFirstError={{ focus: true }}
    >
      {!editable && <Alert type="info" showIcon title={t.readOnly} style={{ marginBottom: 16 }} />}
      <ProcedureContentFields agencies={agencies.data ?? []} disabled={!editable} />
      {editable && (
        <FormFooter submitLabel={t.save} pending={submission.isPending} formError={submission.formError} />
      )}
    </Form>
  );
}

/** `/admin/catalog/new`: a new procedure, created as a draft in the chosen agency's catalogue. */
export function ProcedureNewPage({ user }: { user: SessionUser }) {
  usePageTitle(t.newTitle);
  const [form] = Form.useForm<ProcedureFormValues>();
  const navigate = useNavigate();
  const agencies = useAgencies({});
  const { current } = useCurrentAgency();
  const refresh = useRefreshCatalog();
  const { message } = App.useApp();
  const editAgencies = new Set(user.roles.map((r) => r.agencyId));
  const submission = useFormSubmission<ProcedureFormValues, unknown, ProcedureDetail>({
    form,
    toRequest: (values) => ({
      ownerAgencyId: values.ownerAgencyId ?? '',
      content: valuesToContent(values.content),
    }),
    schema: createProcedureSchema,
    send: (request) => api.post<ProcedureDetail>(catalogApi.procedures, request),
    onSuccess: async (detail) => {
      void message.success(t.created);
      await refresh();
      navigate(`/admin/catalog/${encodeURIComponent(detail.procedure.id)}`, { replace: true });
    },
  });
  const initialContent: ContentValues = { ...emptyContent };

  return (
    <>
      <PageHeading title={t.newTitle} />
      <Form<ProcedureFormValues>
        form={form}
        layout="vertical"
        initialValues={{ ownerAgencyId: current?.id, content: initialContent }}
        onFinish={submission.submit}
        scrollToFirstError={{ focus: true }}
      >
        <ProcedureContentFields
          agencies={agencies.data ?? []}
          disabled={false}
          ownerAgency={
            <Form.Item label={t.ownerAgency} name="ownerAgencyId" required>
              <AgencySelect agencies={(agencies.data ?? []).filter((a) => editAgencies.has(a.id))} />
            </Form.Item>
          }
        />
        <FormFooter
          submitLabel={t.create}
          pending={submission.isPending}
          formError={submission.formError}
          onCancel={() => navigate('/admin/catalog')}
        />
      </Form>
    </>
  );
}
