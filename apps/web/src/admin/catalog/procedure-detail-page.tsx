import { procedureLevelLabels } from '@motcua/contracts/catalog';
import type { SessionUser } from '@motcua/contracts/session';
import { Alert, Button, Card, Descriptions, Spin, Tabs } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { messageOf } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { commonText } from '../../i18n/vi/shared-strings';
import { usePageTitle } from '../../page-title';
import { formatInstant, formatLocalDate } from '../../staff/date-format';
import { PageHeading } from '../../staff/staff-layout';
import { useProcedureDetail } from './catalog-queries';
import { LifecycleActions } from './lifecycle-actions';
import { VersionEditor } from './procedure-editor';
import { TransparencyPanel } from './transparency-panel';
import { VersionHistory } from './version-history';
import { VersionStatusTag } from './version-status-tag';
import { WorkflowPanel } from './workflow-panel';

/** `/admin/catalog/:id`: the latest version's editor, its lifecycle actions, history, 766 checks and workflows. */
export function ProcedureDetailPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const detail = useProcedureDetail(id);
  usePageTitle(detail.data?.procedure.name ?? t.listTitle);

  if (detail.isPending) return <Spin description={commonText.loading} />;
  if (detail.isError)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t.loadFailed}
        description={messageOf(detail.error)}
        action={<Button onClick={() => void detail.refetch()}>{commonText.retry}</Button>}
      />
    );

  const d = detail.data;
  const v = d.latest;
  return (
    <>
      <p>
        <Link to="/admin/catalog">← {t.listTitle}</Link>
      </p>
      <PageHeading title={d.procedure.name} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t.code}>{d.procedure.nationalCode}</Descriptions.Item>
          <Descriptions.Item label={t.localCode}>{d.procedure.localCode}</Descriptions.Item>
          <Descriptions.Item label={t.levels}>
            {d.procedure.levels.map((l) => procedureLevelLabels[l]).join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label={t.version}>{t.versionNumber(v.number)}</Descriptions.Item>
          <Descriptions.Item label={t.status}>
            <VersionStatusTag status={v.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t.updatedAt}>{formatInstant(v.updatedAt)}</Descriptions.Item>
          {v.decisionNumber && (
            <Descriptions.Item label={t.decision}>
              {t.decisionInfo(v.decisionNumber, formatLocalDate(v.decisionDate))}
            </Descriptions.Item>
          )}
          {d.procedure.publishedVersionId && (
            <Descriptions.Item label={t.viewOnPortal}>
              <Link to={`/portal/procedures/${encodeURIComponent(d.procedure.id)}`}>
                {d.procedure.nationalCode}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {v.returnReason && (v.status === 'returned' || v.status === 'draft') && (
          <Alert
            type="warning"
            showIcon
            title={t.lastReturnReason(v.returnReason)}
            style={{ margin: '12px 0' }}
          />
        )}
        <section aria-label={t.actions} style={{ marginTop: 12 }}>
          <LifecycleActions detail={d} />
        </section>
      </Card>
      <Tabs
        items={[
          {
            key: 'content',
            label: t.tabContent,
            children: <VersionEditor key={`${v.id}-${v.updatedAt}-${v.status}`} detail={d} />,
          },
          { key: 'history', label: t.tabHistory, children: <VersionHistory detail={d} /> },
          { key: 'transparency', label: t.tabTransparency, children: <TransparencyPanel detail={d} /> },
          {
            key: 'workflows',
            label: t.tabWorkflows,
            children: (
              <WorkflowPanel
                procedureId={d.procedure.id}
                canEdit={user.permissions.includes('catalog.edit')}
              />
            ),
          },
        ]}
      />
    </>
  );
}
