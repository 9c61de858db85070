import { type Synonym, type SynonymInput, synonymInputSchema } from '@motcua/contracts/catalog';
import type { SessionUser } from '@motcua/contracts/session';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, messageOf } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { commonText } from '../../i18n/vi/shared-strings';
import { usePageTitle } from '../../page-title';
import { FormDialog } from '../../staff/form-dialog';
import { useFormSubmission } from '../../staff/form-submission';
import { PageHeading } from '../../staff/staff-layout';
import { catalogApi, useRefreshCatalog, useSynonyms } from './catalog-queries';

function SynonymDialog({ synonym, onClose }: { synonym: Synonym | null; onClose: () => void }) {
  const [form] = Form.useForm<SynonymInput>();
  const refresh = useRefreshCatalog();
  const { message } = App.useApp();
  const submission = useFormSubmission<SynonymInput, unknown, Synonym>({
    form,
    toRequest: (v) => ({
      term: v.term ?? '',
      expandsTo: v.expandsTo ?? [],
      procedureCodes: v.procedureCodes ?? [],
    }),
    schema: synonymInputSchema,
    send: (request) =>
      synonym
        ? api.put<Synonym>(catalogApi.synonym(synonym.id), request)
        : api.post<Synonym>(catalogApi.synonyms, request),
    onSuccess: async () => {
      void message.success(t.synonymSaved);
      await refresh();
      onClose();
    },
  });
  return (
    <FormDialog
      title={synonym ? t.editSynonym : t.addSynonym}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={t.save}
      cancelText={t.cancel}
      width={640}
      initialValues={synonym ?? { expandsTo: [], procedureCodes: [] }}
    >
      <Form.Item label={t.term} name="term" required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={t.expandsTo} name="expandsTo" extra={t.expandsToHint}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} />
      </Form.Item>
      <Form.Item label={t.procedureCodes} name="procedureCodes" extra={t.procedureCodesHint}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ', ';']} />
      </Form.Item>
    </FormDialog>
  );
}

/** `/admin/catalog/synonyms`: everyday words the public search understands. */
export function SynonymsPage({ user }: { user: SessionUser }) {
  usePageTitle(t.synonymsTitle);
  const canEdit = user.permissions.includes('catalog.edit');
  const synonyms = useSynonyms();
  const [editing, setEditing] = useState<Synonym | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const refresh = useRefreshCatalog();
  const { message } = App.useApp();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(catalogApi.synonym(id)),
    onSuccess: async () => {
      void message.success(t.synonymDeleted);
      await refresh();
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const columns: TableColumnsType<Synonym> = [
    { title: t.term, dataIndex: 'term', key: 'term', width: 220 },
    { title: t.expandsTo, key: 'expandsTo', render: (_, s) => s.expandsTo.join('; ') },
    {
      title: t.procedureCodes,
      key: 'codes',
      width: 240,
      render: (_, s) => s.procedureCodes.map((code) => <Tag key={code}>{code}</Tag>),
    },
    ...(canEdit
      ? [
          {
            title: t.actions,
            key: 'actions',
            width: 160,
            render: (_: unknown, s: Synonym) => (
              <Space>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(s)}
                  aria-label={`${t.editSynonym}: ${s.term}`}
                >
                  {t.editSynonym.split(' ')[0]}
                </Button>
                <Popconfirm
                  title={t.deleteConfirm(s.term)}
                  okText={t.deleteSynonym}
                  cancelText={t.cancel}
                  onConfirm={() => remove.mutateAsync(s.id)}
                >
                  <Button type="link" size="small" danger aria-label={`${t.deleteSynonym}: ${s.term}`}>
                    {t.deleteSynonym}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const needle = filter.trim().toLowerCase();
  const rows = (synonyms.data ?? []).filter(
    (s) =>
      needle === '' ||
      s.term.toLowerCase().includes(needle) ||
      s.expandsTo.some((e) => e.toLowerCase().includes(needle)),
  );

  return (
    <>
      <PageHeading
        title={t.synonymsTitle}
        actions={
          canEdit && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t.addSynonym}
            </Button>
          )
        }
      />
      <Typography.Paragraph>{t.synonymsLead}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t.search} htmlFor="synonym-filter">
          <Input
            id="synonym-filter"
            allowClear
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            style={{ width: 320 }}
          />
        </Form.Item>
      </Form>
      {synonyms.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.loadFailed}
          description={messageOf(synonyms.error)}
          style={{ marginBottom: 16 }}
          action={<Button onClick={() => void synonyms.refetch()}>{commonText.retry}</Button>}
        />
      )}
      <Table<Synonym>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={synonyms.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
      />
      {editing && (
        <SynonymDialog synonym={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
